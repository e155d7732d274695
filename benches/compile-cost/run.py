#!/usr/bin/env python3
"""Compile cost of the bedrock-profiles DSL for its users (issue 13), measured against named peers in one run.

    python3 benches/compile-cost/run.py              # 5 runs of each measurement, a markdown table on stdout
    python3 benches/compile-cost/run.py --quick      # a smoke check: 2 check runs, 1 clean build each
    python3 benches/compile-cost/run.py --verify     # only: both crates compile and the hand crate equals the DSL

(a) `cargo check` after `touch src/lib.rs` of a crate declaring 300 profiles, 100 prompts and 100 agents with the
    DSL, against the same consts and impls written by hand (gen.py); runs alternate between the two crates.
(b) a clean debug `cargo build` (fresh target directory each run) of a crate depending on `bedrock-profiles` with
    default features, against one depending on `serde` + `serde_derive`.
(c) the DSL crate's check split into rustc's phases (`-Z time-passes` through RUSTC_BOOTSTRAP=1), and the size of
    its macro-expanded code (`-Zunpretty=expanded`) against its source.

    python3 benches/compile-cost/run.py --core-once  # only: the core is built once for every feature combination
    python3 benches/compile-cost/run.py --sdk        # only (d), which downloads the SDK's default features once

(d) a clean debug `cargo build` of a service's dependencies: a crate on `bedrock-profiles` with `aws-sdk` + `files`
    and on `aws-sdk-bedrockruntime` (its default features), against one on `aws-sdk-bedrockruntime` alone.
--core-once: for each combination of the facade's features a user can pick, `cargo build -v` of a crate with them,
    after touching the core's source, runs rustc on `bedrock-profiles-core` once: the macros' host build and the
    program share the unit. Exit status 1 if a combination builds it twice. One target directory for every
    combination (the touch makes every unit of the core in the build graph dirty; cargo prints `Compiling` once
    per package, not per unit, so the rustc command lines are counted).

Everything is generated and built under `target/compile-cost/` (never committed). Progress goes to stderr, the
table to stdout. Python 3 standard library only; not part of `cargo test`, not run in CI.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
sys.path.insert(0, str(Path(__file__).resolve().parent))
import gen  # noqa: E402

REPO = Path(__file__).resolve().parents[2]

# Goals of issue 13.
CHECK_GOAL = 2.0
CLEAN_GOAL = 1.3
# Goal of "One path from declaration to output": a service with `aws-sdk` + `files` against the SDK alone.
SDK_GOAL = 1.3

# The facade's features a user picks, alone and with `files` (the one the macros use themselves).
COMBINATIONS = [
    [],
    ["serde"],
    ["wire"],
    ["files"],
    ["account-catalog"],
    ["serde", "account-catalog"],
    ["aws-sdk"],
    ["tracing"],
    ["serde", "files"],
    ["wire", "files"],
    ["aws-sdk", "files"],
    ["tracing", "files"],
    ["serde", "wire", "files", "aws-sdk", "tracing"],
]
# One rustc run on a unit of the core in `cargo build -v`'s output.
CORE_UNIT = re.compile(r"^\s*Running `.*--crate-name bedrock_profiles_core ", re.M)

# rustc's top-level phases (`-Z time-passes`), disjoint; lint and privacy checking are inside `misc_checking_3`.
PHASES = [
    ("expand_crate", "macro expansion (proc macros run here)"),
    ("resolve_crate", "name resolution"),
    ("type_check_crate", "type checking"),
    ("MIR_borrow_checking", "MIR building, borrow checking"),
    ("misc_checking_3", "lints, privacy"),
    ("generate_crate_metadata", "metadata (.rmeta)"),
    ("serialize_dep_graph", "incremental cache"),
]


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


class Cargo:
    def __init__(self, ws: Path, offline: bool):
        self.ws = ws
        self.offline = offline

    def run(self, args: list[str], target: Path, env: dict | None = None, check: bool = True):
        cmd = ["cargo", *args[:1], *(["--offline"] if self.offline else []), *args[1:]]
        full_env = {**os.environ, "CARGO_TARGET_DIR": str(target), "CARGO_TERM_COLOR": "never", **(env or {})}
        full_env.pop("RUSTFLAGS", None)
        start = time.perf_counter()
        p = subprocess.run(cmd, cwd=self.ws, env=full_env, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        if check and p.returncode != 0:
            log(f"error: `{' '.join(cmd)}` failed:\n{p.stderr[-6000:]}")
            sys.exit(1)
        return elapsed, p


def touch(path: Path) -> None:
    os.utime(path, None)


def median(xs: list[float]) -> float:
    return statistics.median(xs)


def fmt_s(xs: list[float]) -> str:
    return f"{median(xs):.2f} s"


def spread(xs: list[float]) -> str:
    return f"{min(xs):.2f}-{max(xs):.2f}"


# The proc macros (and syn, quote, ...) built optimized, as `[profile.dev.build-override] opt-level = 3` would.
OPT_MACROS = {"CARGO_PROFILE_DEV_BUILD_OVERRIDE_OPT_LEVEL": "3"}


def measure_check(cargo: Cargo, target: Path, opt_target: Path | None, runs: int) -> dict[str, list[float]]:
    """`dsl-opt` is the DSL crate checked in `opt_target`, with the macros built at opt-level 3."""
    crates = ["dsl", "hand"] + (["dsl-opt"] if opt_target else [])
    times: dict[str, list[float]] = {c: [] for c in crates}
    for r in range(runs):
        order = crates if r % 2 == 0 else crates[::-1]
        for crate in order:
            package = crate.removesuffix("-opt")
            touch(cargo.ws / package / "src" / "lib.rs")
            if crate == "dsl-opt":
                t, _ = cargo.run(["check", "-p", package], opt_target, env=OPT_MACROS)
            else:
                t, _ = cargo.run(["check", "-p", package], target)
            times[crate].append(t)
            log(f"  check {crate:<7} run {r + 1}/{runs}: {t:.2f} s")
    return times


def measure_clean(cargo: Cargo, target: Path, runs: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {"bp-dep": [], "serde-dep": []}
    for r in range(runs):
        order = ["bp-dep", "serde-dep"] if r % 2 == 0 else ["serde-dep", "bp-dep"]
        for crate in order:
            shutil.rmtree(target, ignore_errors=True)
            t, _ = cargo.run(["build", "-p", crate], target)
            times[crate].append(t)
            log(f"  clean build {crate:<9} run {r + 1}/{runs}: {t:.2f} s")
    shutil.rmtree(target, ignore_errors=True)
    return times


# A unit of a build: (crate name, version, target kind), the kind as cargo's report writes it: "" for a library,
# "build-script", "build-script (run)", ...
Unit = tuple[str, str, str]


def unit_text(unit: Unit) -> str:
    name, version, kind = unit
    return f"{name} {version}" + (f" ({kind})" if kind else "")


def timing_units(html: str) -> list[tuple[Unit, float]]:
    """(unit, seconds) of a `--timings` report, longest first. Cargo embeds its data as
    `const UNIT_DATA = [{"name": .., "version": .., "target": .., "duration": ..}, ..]` (cargo 1.95). A unit is
    told apart by name and version (syn 2 and syn 3 are two crates): a unit without a version is an error
    (`KeyError`), not a unit of any version."""
    start = html.index("[", html.index("UNIT_DATA ="))
    data, _ = json.JSONDecoder().raw_decode(html, start)
    units = [((u["name"], u["version"], u.get("target", "").strip()), float(u["duration"])) for u in data]
    return sorted(units, key=lambda u: -u[1])


def clean_units(cargo: Cargo, target: Path, crate: str) -> list[tuple[Unit, float]]:
    """`timing_units` of one more clean build with `--timings`; none (and a note) if the report cannot be read."""
    shutil.rmtree(target, ignore_errors=True)
    cargo.run(["build", "-p", crate, "--timings"], target)
    try:
        units = timing_units((target / "cargo-timings" / "cargo-timing.html").read_text())
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
        log(f"    no units from the --timings report of {crate} ({type(e).__name__}: {e})")
        units = []
    shutil.rmtree(target, ignore_errors=True)
    return units


TIME_PASS = re.compile(r"^time:\s+([0-9.]+);.*\t(\S+)\s*$")


def time_passes(cargo: Cargo, target: Path, crate: str, env: dict | None = None) -> dict[str, float]:
    touch(cargo.ws / crate / "src" / "lib.rs")
    _, p = cargo.run(
        ["rustc", "-p", crate, "--profile", "check", "--", "-Z", "time-passes"],
        target,
        env={"RUSTC_BOOTSTRAP": "1", **(env or {})},
    )
    phases: dict[str, float] = {}
    for line in p.stderr.splitlines():
        m = TIME_PASS.match(line)
        if m and m.group(2) not in phases:
            phases[m.group(2)] = float(m.group(1))
    return phases


def measure_phases(
    cargo: Cargo, target: Path, opt_target: Path | None, runs: int
) -> dict[str, dict[str, float]]:
    """Median per phase over `runs` touched rebuilds of each crate, after one discarded run (the changed rustc
    arguments invalidate the incremental cache once)."""
    out = {}
    for crate in ["dsl", "hand"] + (["dsl-opt"] if opt_target else []):
        package, where, env = crate, target, None
        if crate == "dsl-opt":
            package, where, env = "dsl", opt_target, OPT_MACROS
        time_passes(cargo, where, package, env)
        samples = [time_passes(cargo, where, package, env) for _ in range(runs)]
        names = {k for s in samples for k in s}
        out[crate] = {k: median([s.get(k, 0.0) for s in samples]) for k in names}
        log(f"  phases {crate}: total {out[crate].get('total', 0):.2f} s")
    return out


# A `#[doc = "..."]` attribute, its string spanning lines; escapes (`\"`) do not end it.
DOC_ATTR = re.compile(r'#\[doc\s*=\s*"(?:[^"\\]|\\.)*"\]', re.S)


def expanded_size(cargo: Cargo, target: Path, crate: str) -> tuple[int, int, int]:
    """(bytes, lines, bytes of `#[doc]` attributes) of the crate after macro expansion."""
    touch(cargo.ws / crate / "src" / "lib.rs")
    _, p = cargo.run(
        ["rustc", "-p", crate, "--profile", "check", "--", "-Zunpretty=expanded"],
        target,
        env={"RUSTC_BOOTSTRAP": "1"},
    )
    text = p.stdout
    # Whole attributes: the pretty-printer puts a long doc string on the line after `#[doc =`.
    doc = sum(len(m.group(0).encode()) for m in DOC_ATTR.finditer(text))
    doc += sum(len(line) + 1 for line in text.splitlines() if line.lstrip().startswith(("///", "//!")))
    return len(text.encode()), text.count("\n"), doc


def core_once(scratch: Path, offline: bool) -> int:
    """`cargo build -v` of a crate with each of `COMBINATIONS` in one target directory; the core's units each lists.
    Also one `--release` build of the default features, for information: release builds proc macros and their
    dependencies at opt-level 0 (`[profile.release.build-override]`), the program at 3, so the two cannot share."""
    ws = scratch / "ws-probe"
    cargo = Cargo(ws, offline)
    target = scratch / "target-probe"
    out = ["| `bedrock-profiles` features | `bedrock-profiles-core` units in `cargo build` | goal 1 |", "|---|---|---|"]
    failed = 0
    for features in COMBINATIONS:
        gen.generate_probe(ws, REPO, features)
        touch(REPO / "profile-core" / "src" / "lib.rs")
        t, p = cargo.run(["build", "-v", "-p", "probe"], target)
        n = len(CORE_UNIT.findall(p.stderr))
        failed += n != 1
        name = " + ".join(f"`{f}`" for f in features) or "none (default)"
        log(f"  {name}: {n} ({t:.1f} s)")
        out.append(f"| {name} | {n} | {'met' if n == 1 else 'NOT MET'} |")
    gen.generate_probe(ws, REPO, [])
    touch(REPO / "profile-core" / "src" / "lib.rs")
    _, p = cargo.run(["build", "-v", "--release", "-p", "probe"], target)
    n = len(CORE_UNIT.findall(p.stderr))
    out.append(f"| none, `cargo build --release` (for information: host and program differ in opt-level) | {n} | - |")
    print("\n".join(out))
    return 1 if failed else 0


def measure_sdk(scratch: Path, runs: int) -> tuple[dict[str, list[float]], dict[str, list[tuple[Unit, float]]]]:
    """(d): clean builds of `sdk-files` and `sdk-only`, alternating, each in a fresh target directory, then one more
    of each with `--timings`. The SDK's default features are not in the repository's lock file: `cargo fetch`
    (online) gets them once, untimed; the builds run offline."""
    ws = scratch / "ws-sdk"
    gen.generate_sdk(ws, REPO)
    Cargo(ws, offline=False).run(["fetch"], scratch / "target-sdk")
    cargo = Cargo(ws, offline=True)
    target = scratch / "target-sdk"
    times: dict[str, list[float]] = {"sdk-files": [], "sdk-only": []}
    for r in range(runs):
        order = ["sdk-files", "sdk-only"] if r % 2 == 0 else ["sdk-only", "sdk-files"]
        for crate in order:
            shutil.rmtree(target, ignore_errors=True)
            t, _ = cargo.run(["build", "-p", crate], target)
            times[crate].append(t)
            log(f"  clean build {crate:<9} run {r + 1}/{runs}: {t:.2f} s")
    log("    one more clean build of each with --timings, for the units built")
    units = {c: clean_units(cargo, target, c) for c in ("sdk-files", "sdk-only")}
    return times, units


def sdk_report(times: dict[str, list[float]], units: dict[str, list[tuple[Unit, float]]], runs: int) -> list[str]:
    bp, sdk = median(times["sdk-files"]), median(times["sdk-only"])
    ratio = bp / sdk
    out = [
        f"| clean debug `cargo build` of a crate on `bedrock-profiles` (`aws-sdk` + `files`) and "
        f"`aws-sdk-bedrockruntime` vs `aws-sdk-bedrockruntime` alone (default features, medians of {runs}) "
        f"| {fmt_s(times['sdk-files'])} ({spread(times['sdk-files'])}) "
        f"| {fmt_s(times['sdk-only'])} ({spread(times['sdk-only'])}) "
        f"| {ratio:.2f}x | <= {SDK_GOAL}x: {'met' if ratio <= SDK_GOAL else 'not met'} |"
    ]
    if units["sdk-files"]:
        peer = {u for u, _ in units["sdk-only"]}
        extra = [(u, d) for u, d in units["sdk-files"] if u not in peer]
        core = sum(1 for u, _ in units["sdk-files"] if u[0] == "bedrock-profiles-core")
        out.append("")
        out.append(
            f"Clean builds of (d) (one more of each, `cargo build --timings`): `sdk-files` builds "
            f"{len(units['sdk-files'])} units ({sum(d for _, d in units['sdk-files']):.1f} s of unit time; "
            f"`bedrock-profiles-core` {core} time(s)), `sdk-only` {len(units['sdk-only'])} "
            f"({sum(d for _, d in units['sdk-only']):.1f} s). Units only the first builds, longest first: "
            + ", ".join(f"{unit_text(u)} {d:.1f} s" for u, d in extra[:12])
            + "."
        )
    return out


def verify(cargo: Cargo, scratch: Path) -> str:
    log("verify: building and running the comparison of every DSL item with its hand-written peer")
    _, p = cargo.run(["run", "-p", "verify"], scratch / "target-verify")
    return p.stdout.strip()


def rustc_version() -> str:
    return subprocess.run(["rustc", "--version"], capture_output=True, text=True).stdout.split(" (")[0].strip()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5, help="runs per crate and measurement (default 5)")
    ap.add_argument("--quick", action="store_true", help="smoke check: 2 check runs, 1 clean build, 1 phase run")
    ap.add_argument("--verify", action="store_true", help="only check that both crates compile and agree")
    ap.add_argument("--skip-clean", action="store_true", help="skip the clean-build comparison (b)")
    ap.add_argument(
        "--opt-macros",
        action="store_true",
        help="also check the DSL crate with the proc macros built at opt-level 3 (a build-override)",
    )
    ap.add_argument("--profiles", type=int, default=300)
    ap.add_argument("--prompts", type=int, default=100)
    ap.add_argument("--agents", type=int, default=100)
    ap.add_argument("--online", action="store_true", help="let cargo use the network (default: --offline)")
    ap.add_argument("--core-once", action="store_true", help="only: the core is built once in every combination")
    ap.add_argument("--sdk", action="store_true", help="only (d): aws-sdk + files against the SDK alone")
    args = ap.parse_args()
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    check_runs, clean_runs, phase_runs = args.runs, args.runs, min(args.runs, 3)
    if args.quick:
        check_runs, clean_runs, phase_runs = 2, 1, 1

    scratch = REPO / "target" / "compile-cost"
    if args.core_once:
        return core_once(scratch, offline=not args.online)
    if args.sdk:
        sdk_runs = clean_runs
        log(f"(d) clean debug builds of a service's dependencies, {sdk_runs} runs each, alternating")
        times, sdk_units = measure_sdk(scratch, sdk_runs)
        print(f"{rustc_version()}, {os.cpu_count()} cores, {platform.system()}; load average "
              f"{os.getloadavg()[0]:.1f} at the end.\n")
        print("| Measurement | bedrock-profiles | peer | ratio | goal |\n|---|---|---|---|---|")
        print("\n".join(sdk_report(times, sdk_units, sdk_runs)))
        return 0
    ws = scratch / "ws"
    info = gen.generate(ws, REPO, args.profiles, args.prompts, args.agents)
    cargo = Cargo(ws, offline=not args.online)
    src = {k: info[k].stat().st_size for k in ("dsl", "hand")}
    n_prof, n_prompt, n_agent = info["counts"]
    log(f"generated {ws}: dsl {src['dsl']} bytes, hand {src['hand']} bytes")

    if args.verify:
        log("verify: both crates compile")
        cargo.run(["check", "-p", "dsl", "-p", "hand"], scratch / "target-check")
        print(verify(cargo, scratch))
        return 0

    check_target = scratch / "target-check"
    log("warm-up: dependencies, and both crates compile")
    cargo.run(["check", "-p", "dsl", "-p", "hand"], check_target)
    opt_target = None
    if args.opt_macros:
        opt_target = scratch / "target-check-opt"
        log("warm-up: the macros built at opt-level 3")
        cargo.run(["check", "-p", "dsl"], opt_target, env=OPT_MACROS)
    log(f"(a) cargo check after touch, {check_runs} runs each, alternating")
    check = measure_check(cargo, check_target, opt_target, check_runs)
    clean = None
    units: dict[str, list[tuple[Unit, float]]] = {}
    if not args.skip_clean:
        log(f"(b) clean debug builds, {clean_runs} runs each, alternating")
        clean = measure_clean(cargo, scratch / "target-clean", clean_runs)
        log("    one more clean build of each with --timings, for the units built")
        units = {c: clean_units(cargo, scratch / "target-clean", c) for c in ("bp-dep", "serde-dep")}
    log(f"(c) rustc phases, {phase_runs} runs each, and expanded size")
    phases = measure_phases(cargo, check_target, opt_target, phase_runs)
    expanded = {c: expanded_size(cargo, check_target, c) for c in ("dsl", "hand")}
    # Leave the check targets as `cargo check` builds them.
    cargo.run(["check", "-p", "dsl", "-p", "hand"], check_target)
    if opt_target:
        cargo.run(["check", "-p", "dsl"], opt_target, env=OPT_MACROS)

    out = []
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    out.append(
        f"{rustc_version()}, {os.cpu_count()} cores, {platform.system()}; load average {load:.1f} at the end; "
        f"medians of {check_runs} alternating runs (min-max in brackets)."
    )
    out.append("")
    out.append("| Measurement | bedrock-profiles | peer | ratio | goal |")
    out.append("|---|---|---|---|---|")
    dsl, hand = median(check["dsl"]), median(check["hand"])
    ratio = dsl / hand
    out.append(
        f"| `cargo check` after touch, {n_prof} profiles / {n_prompt} prompts / {n_agent} agents: DSL vs by hand "
        f"| {fmt_s(check['dsl'])} ({spread(check['dsl'])}) | {fmt_s(check['hand'])} ({spread(check['hand'])}) "
        f"| {ratio:.2f}x | <= {CHECK_GOAL}x: {'met' if ratio <= CHECK_GOAL else 'not met'} |"
    )
    if opt_target:
        opt = median(check["dsl-opt"])
        out.append(
            f"| the same DSL check with the proc macros built at opt-level 3 "
            f"(`[profile.dev.build-override] opt-level = 3`) vs by hand "
            f"| {fmt_s(check['dsl-opt'])} ({spread(check['dsl-opt'])}) | {fmt_s(check['hand'])} "
            f"| {opt / hand:.2f}x | <= {CHECK_GOAL}x: {'met' if opt / hand <= CHECK_GOAL else 'not met'} |"
        )
    if clean:
        bp, sd = median(clean["bp-dep"]), median(clean["serde-dep"])
        ratio = bp / sd
        out.append(
            f"| clean debug `cargo build` of a crate depending on `bedrock-profiles` (default features) vs "
            f"`serde` + `serde_derive` (medians of {clean_runs}) "
            f"| {fmt_s(clean['bp-dep'])} ({spread(clean['bp-dep'])}) "
            f"| {fmt_s(clean['serde-dep'])} ({spread(clean['serde-dep'])}) "
            f"| {ratio:.2f}x | <= {CLEAN_GOAL}x: {'met' if ratio <= CLEAN_GOAL else 'not met'} |"
        )
    if clean and units["bp-dep"]:
        # Same name, version and kind: the same unit (features and host/target builds aside).
        peer = {u for u, _ in units["serde-dep"]}
        extra = [(u, d) for u, d in units["bp-dep"] if u not in peer]
        out.append("")
        out.append(
            f"Clean builds (one more of each, `cargo build --timings`): `bedrock-profiles` builds "
            f"{len(units['bp-dep'])} units ({sum(d for _, d in units['bp-dep']):.1f} s of unit time), the serde peer "
            f"{len(units['serde-dep'])} ({sum(d for _, d in units['serde-dep']):.1f} s). Units only the first "
            "builds, longest first: " + ", ".join(f"{unit_text(u)} {d:.1f} s" for u, d in extra[:10]) + "."
        )
    out.append("")
    out.append(
        f"rustc phases of the touched check (`-Z time-passes`, medians of {phase_runs} runs; rustc's own time, "
        "without cargo's):"
    )
    out.append("")
    cols = [c for c in ("dsl", "hand", "dsl-opt") if c in phases]
    names = {"dsl": "DSL crate", "hand": "hand crate", "dsl-opt": "DSL, macros at opt-level 3"}
    out.append(f"| Phase | {' | '.join(names[c] for c in cols)} | share of the DSL crate's rustc time |")
    out.append("|---|" + "---|" * (len(cols) + 1))
    totals = {c: phases[c].get("total", 0.0) for c in cols}
    listed = {c: 0.0 for c in cols}
    for key, label in PHASES:
        cells = []
        for c in cols:
            v = phases[c].get(key, 0.0)
            listed[c] += v
            cells.append(f"{v:.3f} s")
        share = f"{100 * phases['dsl'].get(key, 0.0) / totals['dsl']:.0f}%" if totals["dsl"] else "-"
        out.append(f"| {label} (`{key}`) | {' | '.join(cells)} | {share} |")
    rest = {c: max(0.0, totals[c] - listed[c]) for c in cols}
    share = f"{100 * rest['dsl'] / totals['dsl']:.0f}%" if totals["dsl"] else "-"
    out.append(f"| everything else | {' | '.join(f'{rest[c]:.3f} s' for c in cols)} | {share} |")
    out.append(f"| **rustc total** | {' | '.join(f'**{totals[c]:.3f} s**' for c in cols)} | |")
    out.append("")
    (eb, el, edoc), (hb, hl, _) = expanded["dsl"], expanded["hand"]
    out.append(
        f"Code size: the DSL source is {src['dsl'] / 1024:.0f} KiB and expands to {eb / 1024:.0f} KiB "
        f"({eb / src['dsl']:.1f}x; {el} lines, of which {edoc / 1024:.0f} KiB are generated `#[doc]` text); "
        f"the hand-written crate is {src['hand'] / 1024:.0f} KiB ({hb / 1024:.0f} KiB pretty-printed)."
    )
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
