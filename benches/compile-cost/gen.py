"""Generates the crates of the compile-cost benchmark (see run.py) into a scratch directory.

The scratch directory is one Cargo workspace:

  dsl/         300 `inference_profile!` profiles, 100 `#[prompt]` structs, 100 `#[agent]` structs
  hand/        the same consts and `Prompt` / `Agent` impls written by hand against the public API, the way the
               macros expand them (profile-macros/src/emit.rs, profile-macros/src/*/expand.rs: a profile's
               written fields plus `..BASE` or `..InferenceProfile::EMPTY`), without the generated rustdoc tables
               and the `const` assertions (code written by hand has no compile-time checks); a derived profile's
               tags are written merged, where the macro merges them in `const` code through `__private` helpers
  verify/      a binary comparing every const, spec and rendering of `dsl` with `hand`
  bp-dep/      one small `inference_profile!`, depending on `bedrock-profiles` with default features, what
               goal (b) measures (dsl, hand and verify need no feature either: none is enabled here)
  serde-dep/   one small `#[derive(Serialize, Deserialize)]` struct, depending on `serde` and `serde_derive`

Two more workspaces beside it (`generate_probe`, `generate_sdk`), so that the one above still builds offline:

  probe/       (workspace `ws-probe`) one small `inference_profile!` on `bedrock-profiles` with a given list of its
               features: how many times does `cargo build` build `bedrock-profiles-core`? (`run.py --core-once`)
  sdk-files/   (workspace `ws-sdk`) a service's dependencies: `bedrock-profiles` with `aws-sdk` + `files` (one
               `include_profiles!`, one `inference_profile!`, a Converse call built with `with_profile`) and
               `aws-sdk-bedrockruntime` with its default features
  sdk-only/    the same `aws-sdk-bedrockruntime` alone, the same call built by hand (`run.py --sdk`)

Everything is a pure function of the counts and the seed, so two runs generate the same code.
"""

from __future__ import annotations

import random
import shutil
from dataclasses import dataclass, field
from pathlib import Path

# Catalog models used by the generated profiles: current ones only (no end of life in the catalog, so no rustc
# warning distorts the measurement), with the facts of profile-core/catalog/models.toml that the generator must
# respect. Geos are `(prefix, Geo variant)`.
US, EU, APAC, AU, JP, GLOBAL = (
    ("us", "Us"), ("eu", "Eu"), ("apac", "Apac"), ("au", "Au"), ("jp", "Jp"), ("global", "Global")
)


@dataclass(frozen=True)
class Spec:
    const: str  # the const in `bedrock_profiles::models`
    id: str
    max_out: int
    top_k: tuple[int, int] | None  # the model's top-k range, None: no top-k
    exclusive: bool = False  # `temperature` and `top_p` may not both be set
    agents: bool = True  # Bedrock Agents supports it
    # The cross-region prefixes the catalog lists; empty when it lists none (unknown or in-region only), so the
    # generator names no cross-region id for such a model.
    geos: tuple[tuple[str, str], ...] = ()
    on_demand: bool = True  # False: only through a cross-region id
    defaults_only: bool = False  # sampling: temperature absent or 1, no top_p, no top_k (Claude Opus 4.7 and later)
    reasoning: str | None = None  # "budget", "adaptive" (effort), "nova", "openai"; None: no reasoning settings


MODELS = [
    Spec("ANTHROPIC_CLAUDE_OPUS_4_6", "anthropic.claude-opus-4-6-v1", 128000, (0, 500), exclusive=True,
         geos=(US, EU, APAC, AU, JP, GLOBAL), reasoning="adaptive"),
    Spec("ANTHROPIC_CLAUDE_OPUS_4_8", "anthropic.claude-opus-4-8", 128000, (0, 500),
         geos=(US, EU, APAC, AU, JP, GLOBAL), defaults_only=True, reasoning="adaptive"),
    Spec("ANTHROPIC_CLAUDE_HAIKU_4_5", "anthropic.claude-haiku-4-5-20251001-v1:0", 64000, (0, 500), exclusive=True,
         reasoning="budget"),
    Spec("ANTHROPIC_CLAUDE_OPUS_4_5", "anthropic.claude-opus-4-5-20251101-v1:0", 64000, (0, 500), exclusive=True,
         geos=(US, EU, GLOBAL), on_demand=False, reasoning="budget"),
    Spec("ANTHROPIC_CLAUDE_SONNET_4_6", "anthropic.claude-sonnet-4-6", 128000, (0, 500), exclusive=True,
         geos=(US, EU, AU, JP, GLOBAL), reasoning="adaptive"),
    Spec("ANTHROPIC_CLAUDE_SONNET_5", "anthropic.claude-sonnet-5", 128000, (0, 500),
         geos=(US, EU, AU, JP, GLOBAL), defaults_only=True, reasoning="adaptive"),
    Spec("AMAZON_NOVA_MICRO", "amazon.nova-micro-v1:0", 10000, (0, 500), geos=(US, EU, APAC)),
    Spec("AMAZON_NOVA_PRO", "amazon.nova-pro-v1:0", 10000, (0, 500), geos=(US, EU, APAC)),
    Spec("AMAZON_NOVA_2_LITE", "amazon.nova-2-lite-v1:0", 65000, (0, 128), geos=(US, GLOBAL), reasoning="nova"),
    Spec("AMAZON_TITAN_TEXT_EXPRESS", "amazon.titan-text-express-v1", 8192, None),
    Spec("DEEPSEEK_V3_2", "deepseek.v3.2", 8000, None, geos=(US, EU)),
    Spec("ZAI_GLM_5_3", "zai.glm-5.3", 128000, None, geos=(US, GLOBAL)),
    Spec("MISTRAL_LARGE_2402", "mistral.mistral-large-2402-v1:0", 8192, (1, 200)),
    Spec("MISTRAL_PIXTRAL_LARGE_2502", "mistral.pixtral-large-2502-v1:0", 16384, (1, 200), agents=False,
         geos=(US, EU)),
    Spec("OPENAI_GPT_OSS_120B", "openai.gpt-oss-120b-1:0", 16384, None, agents=False, reasoning="openai"),
    Spec("MISTRAL_MINISTRAL_3_14B_INSTRUCT", "mistral.ministral-3-14b-instruct", 8000, None),
]

STOPS = ["Human:", "Assistant:", "User:", "\n\nObservation:", "</answer>", "END"]
WORDS = "the order customer billing refund summary answer question politely briefly please document".split()

# Prompt fields: (name, type, sample value). The kinds are the macro's: `&str`/`String`/`Cow<str>`/`Box<str>` are
# copied, integers formatted with itoa, anything else through `Display`.
FIELDS = [
    ("customer", "&'a str", '"Ada"', "str"),
    ("topic", "String", '"billing".to_owned()', "str"),
    ("count", "u32", "42", "int"),
    ("words", "u64", "150", "int"),
    ("language", "::std::borrow::Cow<'a, str>", '::std::borrow::Cow::Borrowed("en")', "str"),
    ("score", "f64", "0.25", "display"),
    ("order_id", "i64", "-7", "int"),
    ("document", "Box<str>", '"A long text.".into()', "str"),
    ("mood", "char", "'x'", "display"),
]


def rust_str(s: str) -> str:
    out = ['"']
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def kebab(ident: str) -> str:
    """profile-macros/src/value.rs `kebab_case`."""
    out = []
    for i, ch in enumerate(ident):
        if ch == "_":
            out.append("-")
        elif ch.isupper():
            if i > 0 and (ident[i - 1].islower() or ident[i - 1].isdigit()):
                out.append("-")
            out.append(ch.lower())
        else:
            out.append(ch)
    return "".join(out)


def f32_text(v: float) -> str:
    return f"{v:.2f}".rstrip("0").rstrip(".") if v != int(v) else f"{int(v)}.0"


@dataclass
class Model:
    spec: Spec
    geo: tuple[str, str] | None = None

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def written_id(self) -> str:
        return f"{self.geo[0]}.{self.spec.id}" if self.geo else self.spec.id

    def hand(self) -> str:
        # As a person writes it with the public API (the macros use a hidden `ModelRef` const per model): a struct
        # literal, not `ModelRef::base(..)`, whose call a derived profile's `..BASE` could not drop in a `const`.
        if not self.geo:
            return (
                f"ModelRef {{ id: Cow::Borrowed({rust_str(self.id)}), "
                f"target: ModelTarget::Base(&models::{self.spec.const}) }}"
            )
        target = f"ModelTarget::CrossRegion(Geo::{self.geo[1]}, &models::{self.spec.const})"
        return f"ModelRef {{ id: Cow::Borrowed({rust_str(self.written_id)}), target: {target} }}"


def pick_model(rng: random.Random, spec: Spec) -> Model:
    """The model as a declaration names it: through one of the cross-region prefixes the catalog lists for it,
    always when it has no in-region (on-demand) id, else sometimes."""
    model = Model(spec)
    if spec.geos and (not spec.on_demand or rng.random() < 0.4):
        model.geo = rng.choice(spec.geos)
    return model


@dataclass
class Reasoning:
    budget_tokens: int | None = None
    effort: str | None = None
    interleaved: bool = False

    def dsl(self) -> str:
        parts = []
        if self.budget_tokens is not None:
            parts.append(f"budget_tokens: {self.budget_tokens}")
        if self.effort is not None:
            parts.append(f"effort: {rust_str(self.effort)}")
        if self.interleaved:
            parts.append("interleaved: true")
        return "{ " + ", ".join(parts) + " }"

    def hand(self) -> str:
        budget = f"Some({self.budget_tokens})" if self.budget_tokens is not None else "None"
        effort = f"Some(Effort::{self.effort.capitalize()})" if self.effort is not None else "None"
        return (
            f"ReasoningConfig {{ budget_tokens: {budget}, effort: {effort}, thinking: None, "
            f"interleaved: {'true' if self.interleaved else 'false'} }}"
        )


def make_reasoning(rng: random.Random, spec: Spec) -> tuple[Reasoning, int]:
    """Reasoning settings the model takes, and a `max_tokens` that goes with them. The profile then sets no
    temperature, top_p or top_k (thinking allows only their defaults)."""
    if spec.reasoning == "budget":
        if rng.random() < 0.5:
            return Reasoning(budget_tokens=2048), 4096  # below `max_tokens`
        return Reasoning(budget_tokens=8000, interleaved=True), 4000  # interleaved: may exceed it
    if spec.reasoning == "adaptive":
        return Reasoning(effort=rng.choice(["low", "medium", "high"])), rng.choice([4096, 16000])
    if spec.reasoning == "nova":
        return Reasoning(effort=rng.choice(["low", "medium"])), 2000  # no `max_tokens` at `high`
    return Reasoning(effort=rng.choice(["low", "medium", "high"])), 4000


# A profile's guardrail: (id, version, trace) with trace one of `Trace`'s spellings or None.
GUARDRAILS = [("gr0abc123", "3", "enabled"), ("gr0support", "DRAFT", None), ("gr0x9", "12", "enabled_full")]

TAG_VALUES = {
    "team": ["search", "support", "billing"],
    "cost-center": ["4711", "4712", "0815"],
    "env": ["prod", "staging", ""],
    "project": ["assistant", "summaries"],
    "owner": ["ada@example.com", "ml-platform"],
}


def make_tags(rng: random.Random, base: list[tuple[str, str]] | None = None) -> list[tuple[str, str]]:
    """1-3 tags; over a base's, sometimes one of its keys with another value."""
    keys = rng.sample(list(TAG_VALUES), rng.randint(1, 3))
    if base and rng.random() < 0.5:
        keys[0] = base[0][0]
        keys = list(dict.fromkeys(keys))
    return [(k, rng.choice(TAG_VALUES[k])) for k in keys]


def merge_tags(own: list[tuple[str, str]], base: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """profile-core/src/tags.rs: the base's tags in order with own values for the keys own gives, then own new
    keys in order."""
    values = dict(own)
    merged = [(k, values.get(k, v)) for k, v in base]
    base_keys = {k for k, _ in base}
    return merged + [(k, v) for k, v in own if k not in base_keys]


def tags_hand(tags: list[tuple[str, str]]) -> str:
    return f"Tags::Static(&[{', '.join(f'({rust_str(k)}, {rust_str(v)})' for k, v in tags)}])"


@dataclass
class Profile:
    ident: str
    doc: str
    name: str | None = None  # explicit `name`
    description: str | None = None
    version: int | None = None
    model: Model | None = None
    temperature: float | None = None
    top_p: float | None | str = None  # "clear" for `top_p: None`
    top_k: int | None = None
    max_tokens: int | None = None
    stops: list[str] | None = None
    anthropic_version: bool = False
    reasoning: Reasoning | None = None
    guardrail: tuple[str, str, str | None] | None = None
    tags: list[tuple[str, str]] | None = None  # the profile's own
    base: "Profile | None" = None

    def effective(self, attr: str):
        """The value after `..BASE`."""
        value = getattr(self, attr)
        if value is not None:
            return None if value == "clear" else value
        return self.base.effective(attr) if self.base else None

    def effective_model(self) -> Model | None:
        return self.effective("model")

    def effective_tags(self) -> list[tuple[str, str]]:
        base = self.base.effective_tags() if self.base else []
        return base if self.tags is None else merge_tags(self.tags, base)

    def dsl(self) -> str:
        lines = [f"    /// {self.doc}", f"    pub {self.ident} {{"]
        if self.name:
            lines.append(f"        name: {rust_str(self.name)},")
        if self.description:
            lines.append(f"        description: {rust_str(self.description)},")
        if self.version:
            lines.append(f"        version: {self.version},")
        if self.model:
            lines.append(f"        model: {rust_str(self.model.written_id)},")
        if self.temperature is not None:
            lines.append(f"        temperature: {f32_text(self.temperature)},")
        if self.top_p == "clear":
            lines.append("        top_p: None,")
        elif self.top_p is not None:
            lines.append(f"        top_p: {f32_text(self.top_p)},")
        if self.top_k is not None:
            lines.append(f"        top_k: {self.top_k},")
        if self.max_tokens is not None:
            lines.append(f"        max_tokens: {self.max_tokens},")
        if self.stops is not None:
            lines.append(f"        stop_sequences: [{', '.join(rust_str(s) for s in self.stops)}],")
        if self.anthropic_version:
            lines.append('        anthropic_version: "bedrock-2023-05-31",')
        if self.reasoning:
            lines.append(f"        reasoning: {self.reasoning.dsl()},")
        if self.guardrail:
            gid, version, trace = self.guardrail
            trace = f", trace: {rust_str(trace)}" if trace else ""
            lines.append(f"        guardrail: {{ id: {rust_str(gid)}, version: {rust_str(version)}{trace} }},")
        if self.tags is not None:
            lines.append(f"        tags: {{ {', '.join(f'{rust_str(k)}: {rust_str(v)}' for k, v in self.tags)} }},")
        if self.base:
            lines.append(f"        ..{self.base.ident}")
        lines.append("    }")
        return "\n".join(lines)

    def hand(self) -> str:
        """As emit.rs `profile_value` writes it: the fields the declaration writes (the name always), the rest from
        `..BASE` or `..InferenceProfile::EMPTY`. A derived profile's tags are written merged (the macro merges them
        in `const` code through `__private` helpers, which are no public API)."""
        fields = []

        def put(key: str, value: str | None) -> None:
            if value is not None:
                fields.append(f"    {key}: {value},")

        put("name", f"Cow::Borrowed({rust_str(self.name or kebab(self.ident))})")
        put("description", f"Some(Cow::Borrowed({rust_str(self.description)}))" if self.description else None)
        put("version", f"{self.version}" if self.version else None)
        put("model", f"Some({self.model.hand()})" if self.model else None)
        put("temperature", f"Some({f32_text(self.temperature)})" if self.temperature is not None else None)
        top_p = None
        if self.top_p == "clear":
            top_p = "None"
        elif self.top_p is not None:
            top_p = f"Some({f32_text(self.top_p)})"
        put("top_p", top_p)
        put("top_k", f"Some({self.top_k})" if self.top_k is not None else None)
        put("max_tokens", f"Some({self.max_tokens})" if self.max_tokens is not None else None)
        stops = None
        if self.stops is not None:
            stops = f"Shared::Static(&[{', '.join(f'Cow::Borrowed({rust_str(s)})' for s in self.stops)}])"
        put("stop_sequences", stops)
        put("anthropic_version", 'Some(Cow::Borrowed("bedrock-2023-05-31"))' if self.anthropic_version else None)
        put("reasoning", f"Some({self.reasoning.hand()})" if self.reasoning else None)
        if self.guardrail:
            gid, version, trace = self.guardrail
            trace = f"Some(Trace::{''.join(w.capitalize() for w in trace.split('_'))})" if trace else "None"
            put(
                "guardrail",
                f"Some(GuardrailConfig {{ id: Cow::Borrowed({rust_str(gid)}), "
                f"version: Cow::Borrowed({rust_str(version)}), trace: {trace} }})",
            )
        put("tags", tags_hand(self.effective_tags()) if self.tags is not None else None)
        fields.append(f"    ..{self.base.ident if self.base else 'InferenceProfile::EMPTY'}")
        body = "\n".join(fields)
        return f"/// {self.doc}\npub const {self.ident}: InferenceProfile = InferenceProfile {{\n{body}\n}};"


def make_profiles(rng: random.Random, count: int) -> list[Profile]:
    profiles: list[Profile] = []
    for i in range(count):
        ident = f"PROFILE_{i}"
        p = Profile(ident=ident, doc=f"Profile number {i}: {' '.join(rng.sample(WORDS, 3))}.")
        # Bases of derivations: declared ones without reasoning (whose sampling a derivation would have to follow).
        bases = [q for q in profiles if q.base is None and q.reasoning is None]
        if i % 5 == 4 and bases:
            # A derivation: a new name and temperature, sometimes a description, fewer tokens, `top_p: None` or
            # tags of its own (layered over the base's).
            base = rng.choice(bases)
            p.base = base
            model = base.effective_model()
            p.temperature = 1.0 if model.spec.defaults_only else rng.choice([0.2, 0.5, 0.8, 1.0])
            if rng.random() < 0.4:
                p.name = f"derived-{i}"
            if rng.random() < 0.3:
                p.description = f"Derived from {base.ident}"
            if rng.random() < 0.3:
                p.max_tokens = min(model.spec.max_out, rng.choice([128, 256, 1000]))
            if rng.random() < 0.2 and base.top_p is not None:
                p.top_p = "clear"
            if rng.random() < (0.6 if base.tags else 0.2):
                p.tags = make_tags(rng, base.effective_tags())
        else:
            spec = MODELS[i % len(MODELS)]
            p.model = pick_model(rng, spec)
            if spec.reasoning and rng.random() < 0.15:
                p.reasoning, p.max_tokens = make_reasoning(rng, spec)
            else:
                if spec.defaults_only:
                    p.temperature = 1.0 if rng.random() < 0.5 else None
                else:
                    p.temperature = rng.choice([0.1, 0.3, 0.5, 0.7, 0.9, 1.0])
                free = not spec.defaults_only
                if free and not spec.exclusive and rng.random() < 0.5:
                    p.top_p = rng.choice([0.5, 0.9, 0.95, 1.0])
                if free and spec.top_k and rng.random() < 0.3:
                    p.top_k = rng.randint(max(1, spec.top_k[0]), min(250, spec.top_k[1]))
                p.max_tokens = min(spec.max_out, rng.choice([256, 512, 1000, 2000, 4096]))
            if rng.random() < 0.5:
                p.stops = rng.sample(STOPS, rng.randint(1, 3))
            if spec.const.startswith("ANTHROPIC") and rng.random() < 0.3:
                p.anthropic_version = True
            if rng.random() < 0.5:
                p.description = f"Profile {i} for {rng.choice(WORDS)} answers"
            if rng.random() < 0.3:
                p.name = f"profile-{i}-{rng.choice(WORDS)}"
            if rng.random() < 0.1:
                p.version = rng.randint(2, 9)
            if rng.random() < 0.05:
                p.guardrail = rng.choice(GUARDRAILS)
            if rng.random() < 0.15:
                p.tags = make_tags(rng)
        profiles.append(p)
    return profiles


@dataclass
class Template:
    """A template as segments: ("text", s) or ("var", field index)."""

    segments: list[tuple[str, object]]

    def text(self) -> str:
        return "".join(s if k == "text" else "{{" + FIELDS[s][0] + "}}" for k, s in self.segments)

    def variables(self) -> list[int]:
        seen: list[int] = []
        for k, s in self.segments:
            if k == "var" and s not in seen:
                seen.append(s)
        return seen


def make_template(rng: random.Random, fields: list[int]) -> Template:
    segments: list[tuple[str, object]] = []
    for f in fields:
        segments.append(("text", " ".join(rng.sample(WORDS, rng.randint(1, 4))) + rng.choice([" ", ": ", "\n", " ("])))
        segments.append(("var", f))
    if rng.random() < 0.7:
        segments.append(("text", rng.choice(["?", ".", "\nAnswer:", " } please."])))
    return Template(segments)


@dataclass
class Variant:
    name: str
    text: int  # template index
    system: int | None
    model: Model | None
    profile: Profile | None


@dataclass
class PromptDecl:
    ident: str
    doc: str
    fields: list[int]
    templates: list[Template]
    variants: list[Variant]
    written_variants: list[tuple[str, int | None, int | None]] = field(default_factory=list)
    name: str | None = None
    description: str | None = None
    top_model: Model | None = None
    top_profile: Profile | None = None
    top_text: int = 0
    top_system: int | None = None

    def lifetime(self) -> bool:
        return any("'a" in FIELDS[f][1] for f in self.fields)

    def struct(self) -> str:
        gen = "<'a>" if self.lifetime() else ""
        body = "".join(f"    pub {FIELDS[f][0]}: {FIELDS[f][1]},\n" for f in self.fields)
        return f"pub struct {self.ident}{gen} {{\n{body}}}"

    def dsl(self) -> str:
        keys = []
        if self.name:
            keys.append(f"name = {rust_str(self.name)}")
        if self.description:
            keys.append(f"description = {rust_str(self.description)}")
        if self.top_model:
            keys.append(f"model = {rust_str(self.top_model.written_id)}")
        if self.top_profile:
            keys.append(f"profile = {self.top_profile.ident}")
        if self.top_system is not None:
            keys.append(f"system = {rust_str(self.templates[self.top_system].text())}")
        keys.append(f"text = {rust_str(self.templates[self.top_text].text())}")
        for name, text, system in self.written_variants:
            parts = [f"name = {rust_str(name)}"]
            if text is not None:
                parts.append(f"text = {rust_str(self.templates[text].text())}")
            if system is not None:
                parts.append(f"system = {rust_str(self.templates[system].text())}")
            keys.append(f"variant({', '.join(parts)})")
        attr = "".join(f"    {k},\n" for k in keys)
        return f"/// {self.doc}\n#[prompt(\n{attr})]\n{self.struct()}"

    def hand(self) -> str:
        gen = "<'a>" if self.lifetime() else ""
        variants = []
        for v in self.variants:
            variables = []
            for t in [v.system, v.text]:
                if t is None:
                    continue
                for f in self.templates[t].variables():
                    if f not in variables:
                        variables.append(f)
            variants.append(
                "            PromptVariant {\n"
                f"                name: {rust_str(v.name)},\n"
                f"                model: {f'Some({v.model.hand()})' if v.model else 'None'},\n"
                f"                profile: {f'Some(&{v.profile.ident})' if v.profile else 'None'},\n"
                f"                template_type: TemplateType::{'Chat' if v.system is not None else 'Text'},\n"
                f"                text: {rust_str(self.templates[v.text].text())},\n"
                f"                system: {f'Some({rust_str(self.templates[v.system].text())})' if v.system is not None else 'None'},\n"
                f"                variables: &[{', '.join(rust_str(FIELDS[f][0]) for f in variables)}],\n"
                "            },\n"
            )
        # One arm per (template, part), listing the variants that share it, as the macro does.
        arms: list[tuple[int, str, list[int]]] = []
        for i, v in enumerate(self.variants):
            for t, part in [(v.text, "Text"), (v.system, "System")]:
                if t is None:
                    continue
                for arm in arms:
                    if arm[0] == t and arm[1] == part:
                        arm[2].append(i)
                        break
                else:
                    arms.append((t, part, [i]))
        write_arms = []
        for t, part, indices in arms:
            pattern = f"({' | '.join(str(i) for i in indices)}, Part::{part})"
            write_arms.append(f"            {pattern} => {self.write_body(self.templates[t])}\n")
        name = self.name or kebab(self.ident)
        description = f"Some({rust_str(self.description)})" if self.description else "None"
        return (
            f"/// {self.doc}\n{self.struct()}\n\n"
            f"impl{gen} Prompt for {self.ident}{gen} {{\n"
            f"    const SPEC: PromptSpec<'static> = PromptSpec {{\n"
            f"        name: {rust_str(name)},\n"
            f"        description: {description},\n"
            f"        variants: &[\n{''.join(variants)}        ],\n"
            "    };\n\n"
            "    #[inline]\n"
            "    fn write_part<W: fmt::Write + ?Sized>(&self, variant: usize, part: Part, w: &mut W) -> fmt::Result {\n"
            "        match (variant, part) {\n"
            f"{''.join(write_arms)}"
            "            _ => Ok(()),\n"
            "        }\n"
            "    }\n"
            "}"
        )

    def write_body(self, t: Template) -> str:
        lines = []
        for kind, s in t.segments:
            if kind == "text":
                lines.append(f"w.write_str({rust_str(s)})?;")
                continue
            name, _, _, k = FIELDS[s]
            if k == "str":
                lines.append(f"w.write_str(self.{name}.as_ref())?;")
            elif k == "int":
                lines.append(f"w.write_str(itoa::Buffer::new().format(self.{name}))?;")
            else:
                lines.append(f'write!(w, "{{}}", self.{name})?;')
        inner = "".join(f"                {line}\n" for line in lines)
        return f"{{\n{inner}                Ok(())\n            }}"

    def value(self, krate: str) -> str:
        fields = ", ".join(f"{FIELDS[f][0]}: {FIELDS[f][2]}" for f in self.fields)
        return f"{krate}::{self.ident} {{ {fields} }}"


def make_prompts(rng: random.Random, count: int, profiles: list[Profile]) -> list[PromptDecl]:
    # Profiles a prompt may use: Prompt management takes at most 4 stop sequences (every generated profile has at
    # most 3); none with reasoning, whose settings a prompt variant carries in the model's own request fields.
    usable = [p for p in profiles if p.effective_model() is not None and p.effective("reasoning") is None]
    prompts = []
    for i in range(count):
        ident = f"Prompt{i}"
        fields = rng.sample(range(len(FIELDS)), rng.randint(1, 5))
        d = PromptDecl(ident=ident, doc=f"Prompt number {i}.", fields=fields, templates=[], variants=[])
        if rng.random() < 0.5:
            d.name = f"prompt-{i}_{rng.choice(WORDS)}"
        if rng.random() < 0.5:
            d.description = f"Asks about the {rng.choice(WORDS)}"
        roll = rng.random()
        if roll < 0.4:
            # `profile = X` with X's own model, so that the Prompt management check reads the same limits.
            d.top_profile = rng.choice(usable)
            d.top_model = d.top_profile.effective_model()
        elif roll < 0.8:
            d.top_model = pick_model(rng, rng.choice(MODELS))
        # The default variant uses every field, in the text or the system prompt.
        if rng.random() < 0.3:
            split = rng.randint(0, len(fields) - 1)
            d.templates.append(make_template(rng, fields[split:] or fields))
            d.templates.append(make_template(rng, fields[:split]) if split else make_template(rng, fields[:1]))
            d.top_text, d.top_system = 0, 1
        else:
            d.templates.append(make_template(rng, fields))
            d.top_text = 0
        d.variants.append(Variant("default", d.top_text, d.top_system, d.top_model, d.top_profile))
        if rng.random() < 0.3:
            for n, vname in enumerate(rng.sample(["concise", "formal", "b", "long-form"], rng.randint(1, 2))):
                subset = rng.sample(fields, rng.randint(1, len(fields)))
                d.templates.append(make_template(rng, subset))
                text = len(d.templates) - 1
                system = None
                if n == 1 and d.top_system is None:
                    d.templates.append(make_template(rng, subset[:1]))
                    system = len(d.templates) - 1
                d.written_variants.append((vname, text, system))
                d.variants.append(
                    Variant(vname, text, system if system is not None else d.top_system, d.top_model, d.top_profile)
                )
        prompts.append(d)
    return prompts


@dataclass
class AgentDecl:
    ident: str
    doc: str
    instruction: str
    model: Model
    name: str | None = None
    description: str | None = None
    profile: Profile | None = None
    steps: list[tuple[str, Profile]] = field(default_factory=list)
    templates: list[tuple[str, str]] = field(default_factory=list)  # (step, base prompt template)
    guardrail: tuple[str, str] | None = None  # (id, version)
    ttl: tuple[str, int] | None = None  # (as written, seconds)
    tuple_struct: bool = False

    # `PromptType::ALL`: (key, variant).
    STEPS = [("pre_processing", "PreProcessing"), ("orchestration", "Orchestration"),
             ("post_processing", "PostProcessing"),
             ("knowledge_base_response_generation", "KnowledgeBaseResponseGeneration"),
             ("memory_summarization", "MemorySummarization")]

    def struct(self) -> str:
        return f"pub struct {self.ident}(pub u32);" if self.tuple_struct else f"pub struct {self.ident};"

    def dsl(self) -> str:
        keys = []
        if self.name:
            keys.append(f"name = {rust_str(self.name)}")
        if self.description:
            keys.append(f"description = {rust_str(self.description)}")
        keys.append(f"instruction = {rust_str(self.instruction)}")
        keys.append(f"model = {rust_str(self.model.written_id)}")
        if self.profile:
            keys.append(f"profile = {self.profile.ident}")
        if self.ttl:
            keys.append(f"idle_session_ttl = {self.ttl[0]}")
        if self.steps:
            keys.append(f"steps({', '.join(f'{s} = {p.ident}' for s, p in self.steps)})")
        if self.templates:
            keys.append(f"base_prompt_templates({', '.join(f'{s} = {rust_str(t)}' for s, t in self.templates)})")
        if self.guardrail:
            keys.append(f"guardrail(id = {rust_str(self.guardrail[0])}, version = {rust_str(self.guardrail[1])})")
        attr = "".join(f"    {k},\n" for k in keys)
        return f"/// {self.doc}\n#[agent(\n{attr})]\n{self.struct()}"

    def hand(self) -> str:
        """As agent/expand.rs `spec` writes it."""
        steps = dict(self.steps)
        if self.profile:
            steps["orchestration"] = self.profile
        variant = dict(self.STEPS)
        lines = [
            f"name: {rust_str(self.name or kebab(self.ident))},",
            f"description: {f'Some({rust_str(self.description)})' if self.description else 'None'},",
            f"instruction: {rust_str(self.instruction)},",
            f"model: {self.model.hand()},",
            f"idle_session_ttl: {f'Some({self.ttl[1]})' if self.ttl else 'None'},",
        ]
        for s, _ in self.STEPS:
            lines.append(f"{s}: {f'Some(&{steps[s].ident})' if s in steps else 'None'},")
        templates = ", ".join(f"(PromptType::{variant[s]}, {rust_str(t)})" for s, t in self.templates)
        lines.append(f"base_prompt_templates: &[{templates}],")
        guardrail = "None"
        if self.guardrail:
            guardrail = (
                f"Some(AgentGuardrail {{ id: {rust_str(self.guardrail[0])}, version: {rust_str(self.guardrail[1])} }})"
            )
        lines.append(f"guardrail: {guardrail},")
        body = "".join(f"        {line}\n" for line in lines)
        return (
            f"/// {self.doc}\n{self.struct()}\n\n"
            f"impl Agent for {self.ident} {{\n"
            f"    const SPEC: &'static AgentSpec<'static> = &AgentSpec {{\n{body}    }};\n}}"
        )


def make_agents(rng: random.Random, count: int, profiles: list[Profile]) -> list[AgentDecl]:
    # The agent's model is one of its profiles' models (so the Agents check reads the same limits) and one that
    # Bedrock Agents supports; profiles with more than 4 stop sequences do not exist here. A step's profile takes no
    # guardrail (the agent takes its own) and here no reasoning.
    candidates = [
        p
        for p in profiles
        if p.effective_model()
        and p.effective_model().spec.agents
        and p.effective("reasoning") is None
        and p.effective("guardrail") is None
    ]
    agents = []
    for i in range(count):
        main = rng.choice(candidates)
        model = main.effective_model()
        same = [p for p in candidates if p.effective_model().id == model.id]
        sentence = " ".join(rng.sample(WORDS, 6))
        a = AgentDecl(
            ident=f"Agent{i}",
            doc=f"Agent number {i}.",
            instruction=f"You are agent {i}. Answer questions about the {sentence} politely and briefly.",
            model=model,
        )
        if rng.random() < 0.5:
            a.name = f"agent-{i}_{rng.choice(WORDS)}"
        if rng.random() < 0.5:
            a.description = f"Handles {rng.choice(WORDS)} questions"
        if rng.random() < 0.7:
            a.profile = main
        if rng.random() < 0.4:
            picked = rng.sample(["pre_processing", "post_processing", "memory_summarization"], rng.randint(1, 2))
            a.steps = [(s, rng.choice(same)) for s in picked]
        # Bedrock applies a step's profile only to an overridden prompt: an agent gives the base prompt template of
        # every step with a profile (the rulebook's rule).
        with_profile = {s for s, _ in a.steps} | ({"orchestration"} if a.profile else set())
        if with_profile:
            a.templates = [
                (s, f"$instruction$ Step {s} of agent {i}: answer briefly.")
                for s, _ in AgentDecl.STEPS
                if s in with_profile
            ]
        if rng.random() < 0.15:
            a.guardrail = rng.choice([("gr0abc123", "DRAFT"), ("gr0support", "2")])
        a.ttl = rng.choice([None, ("600", 600), ('"10m"', 600), ('"90s"', 90), ('"1h"', 3600), ("120", 120)])
        a.tuple_struct = rng.random() < 0.2
        agents.append(a)
    return agents


HAND_PRELUDE = """\
#![allow(clippy::all)]
use ::std::borrow::Cow;
use ::std::fmt::{self, Write as _};
use bedrock_profiles::agent::AgentGuardrail;
use bedrock_profiles::models::{self, Effort, Geo, ModelTarget};
use bedrock_profiles::{
    Agent, AgentSpec, GuardrailConfig, InferenceProfile, ModelRef, Part, Prompt, PromptSpec, PromptType,
    PromptVariant, ReasoningConfig, Shared, Tags, TemplateType, Trace,
};
"""


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text() != text:
        path.write_text(text)


def manifest(name: str, deps: str) -> str:
    return f'[package]\nname = "{name}"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n[dependencies]\n{deps}'


def generate(out: Path, repo: Path, profiles: int = 300, prompts: int = 100, agents: int = 100, seed: int = 13) -> dict:
    """Writes the workspace into `out`; returns the paths and sizes of the two measured sources."""
    rng = random.Random(seed)
    ps = make_profiles(rng, profiles)
    prs = make_prompts(rng, prompts, ps)
    ags = make_agents(rng, agents, ps)

    bp = f'bedrock-profiles = {{ path = "{repo}" }}\n'
    write(out / "Cargo.toml", '[workspace]\nmembers = ["dsl", "hand", "verify", "bp-dep", "serde-dep"]\nresolver = "3"\n')
    lock = repo / "Cargo.lock"
    if lock.exists() and not (out / "Cargo.lock").exists():
        shutil.copy(lock, out / "Cargo.lock")

    dsl = [
        "//! Generated by benches/compile-cost/gen.py: the DSL side.",
        "#![allow(clippy::all)]",
        "use bedrock_profiles::{agent, inference_profile, prompt};",
        "",
        "inference_profile! {",
        "\n\n".join(p.dsl() for p in ps),
        "}",
        "",
    ]
    dsl += [p.dsl() + "\n" for p in prs]
    dsl += [a.dsl() + "\n" for a in ags]
    write(out / "dsl" / "Cargo.toml", manifest("dsl", bp))
    write(out / "dsl" / "src" / "lib.rs", "\n".join(dsl))

    hand = ["//! Generated by benches/compile-cost/gen.py: the same items written by hand.", HAND_PRELUDE]
    hand += [p.hand() + "\n" for p in ps]
    hand += [p.hand() + "\n" for p in prs]
    hand += [a.hand() + "\n" for a in ags]
    write(out / "hand" / "Cargo.toml", manifest("hand", bp + 'itoa = "1"\n'))
    write(out / "hand" / "src" / "lib.rs", "\n".join(hand))

    checks = ["//! Generated by benches/compile-cost/gen.py: every item of `dsl` equals its hand-written peer.",
              "use bedrock_profiles::{Agent, Prompt};", "", "fn main() {", "    let mut checked = 0usize;"]
    for p in ps:
        checks.append(f"    assert_eq!(dsl::{p.ident}, hand::{p.ident}, \"{p.ident}\"); checked += 1;")
    for d in prs:
        checks.append("    {")
        checks.append(f"        assert_eq!(<dsl::{d.ident} as Prompt>::SPEC, <hand::{d.ident} as Prompt>::SPEC);")
        checks.append(f"        let (a, b) = ({d.value('dsl')}, {d.value('hand')});")
        checks.append(f"        assert_eq!(a.render(), b.render(), \"{d.ident}\");")
        checks.append("        assert!(!a.render().is_empty());")
        checks.append(f"        assert_eq!(a.render_system(), b.render_system(), \"{d.ident}\");")
        checks.append("        let (mut x, mut y) = (String::new(), String::new());")
        checks.append("        a.write(&mut x).unwrap(); b.write(&mut y).unwrap();")
        checks.append("        assert_eq!(x, y); assert_eq!(x, a.render());")
        for v in d.variants:
            checks.append(f"        assert_eq!(a.render_variant({rust_str(v.name)}), b.render_variant({rust_str(v.name)}));")
            checks.append(
                f"        assert_eq!(a.render_variant_system({rust_str(v.name)}), "
                f"b.render_variant_system({rust_str(v.name)}));"
            )
        checks.append("        checked += 1;")
        checks.append("    }")
    for a in ags:
        checks.append(f"    assert_eq!(<dsl::{a.ident} as Agent>::SPEC, <hand::{a.ident} as Agent>::SPEC); checked += 1;")
    checks.append('    println!("{checked} items equal (profiles, prompts with every rendering, agents)");')
    checks.append("}")
    write(
        out / "verify" / "Cargo.toml",
        manifest("verify", bp + 'dsl = { path = "../dsl" }\nhand = { path = "../hand" }\n'),
    )
    write(out / "verify" / "src" / "main.rs", "\n".join(checks) + "\n")

    write(out / "bp-dep" / "Cargo.toml", manifest("bp-dep", bp))
    write(
        out / "bp-dep" / "src" / "lib.rs",
        "//! One small declaration with `bedrock-profiles`.\n"
        "bedrock_profiles::inference_profile! {\n"
        "    /// Settings.\n"
        '    pub SETTINGS { model: "anthropic.claude-sonnet-4-6", temperature: 0.7, max_tokens: 1000 }\n'
        "}\n",
    )
    write(out / "serde-dep" / "Cargo.toml", manifest("serde-dep", 'serde = "1"\nserde_derive = "1"\n'))
    write(
        out / "serde-dep" / "src" / "lib.rs",
        "//! One small declaration with `serde` + `serde_derive`.\n"
        "/// Settings.\n"
        "#[derive(serde_derive::Serialize, serde_derive::Deserialize)]\n"
        "pub struct Settings { pub model: String, pub temperature: f32, pub max_tokens: u32 }\n",
    )
    return {
        "dsl": out / "dsl" / "src" / "lib.rs",
        "hand": out / "hand" / "src" / "lib.rs",
        "counts": (len(ps), len(prs), len(ags)),
    }


def _workspace(out: Path, repo: Path, members: list[str]) -> None:
    members_list = ", ".join(f'"{m}"' for m in members)
    write(out / "Cargo.toml", f'[workspace]\nmembers = [{members_list}]\nresolver = "3"\n')
    lock = repo / "Cargo.lock"
    if lock.exists() and not (out / "Cargo.lock").exists():
        shutil.copy(lock, out / "Cargo.lock")


def generate_probe(out: Path, repo: Path, features: list[str]) -> None:
    """The workspace `out` with one crate, `probe`, on `bedrock-profiles` with `features` (rewritten per call)."""
    _workspace(out, repo, ["probe"])
    feats = ", ".join(f'"{f}"' for f in features)
    write(out / "probe" / "Cargo.toml", manifest("probe", f'bedrock-profiles = {{ path = "{repo}", features = [{feats}] }}\n'))
    write(
        out / "probe" / "src" / "lib.rs",
        "//! One small declaration with `bedrock-profiles`.\n"
        "bedrock_profiles::inference_profile! {\n"
        "    /// Settings.\n"
        '    pub SETTINGS { model: "anthropic.claude-sonnet-4-6", temperature: 0.7, max_tokens: 1000 }\n'
        "}\n",
    )


# The SDK as a service depends on it: `aws-sdk-bedrockruntime = "1"`, its default features (rustls, the default
# HTTPS client, rt-tokio), as README's "Install" shows. Both crates of the comparison take exactly this line.
SDK_DEP = 'aws-sdk-bedrockruntime = "1.153"\n'

SDK_CALL = """
/// The request a service sends: the model and its settings on a Converse call.
pub fn ask(client: &aws_sdk_bedrockruntime::Client, question: &str) -> {ret} {{
    let message = aws_sdk_bedrockruntime::types::Message::builder()
        .role(aws_sdk_bedrockruntime::types::ConversationRole::User)
        .content(aws_sdk_bedrockruntime::types::ContentBlock::Text(question.to_owned()))
        .build()
        .expect("role and content are set");
    {body}
}}
"""


def generate_sdk(out: Path, repo: Path) -> None:
    """The workspace `out` with `sdk-files` (bedrock-profiles with aws-sdk + files, and the SDK) and `sdk-only`."""
    _workspace(out, repo, ["sdk-files", "sdk-only"])
    bp = f'bedrock-profiles = {{ path = "{repo}", features = ["aws-sdk", "files"] }}\n'
    write(out / "sdk-files" / "Cargo.toml", manifest("sdk-files", bp + SDK_DEP))
    write(
        out / "sdk-files" / "settings.toml",
        '[profiles.answer]\nmodel = "us.anthropic.claude-sonnet-4-6"\ntemperature = 0.3\nmax_tokens = 2000\n\n'
        '[profiles.short]\nextends = "answer"\nmax_tokens = 300\n',
    )
    body = (
        "use bedrock_profiles::aws::ConverseExt;\n"
        "    client.converse().with_profile(&SETTINGS).map(|call| call.messages(message))"
    )
    write(
        out / "sdk-files" / "src" / "lib.rs",
        "//! A service's settings with `bedrock-profiles` (`aws-sdk` + `files`).\n"
        'bedrock_profiles::include_profiles!("settings.toml");\n\n'
        "bedrock_profiles::inference_profile! {\n"
        "    /// Settings.\n"
        '    pub SETTINGS { model: "anthropic.claude-sonnet-4-6", temperature: 0.7, max_tokens: 1000 }\n'
        "}\n"
        + SDK_CALL.format(
            ret="Result<aws_sdk_bedrockruntime::operation::converse::builders::ConverseFluentBuilder, "
            "bedrock_profiles::wire::WireError>",
            body=body,
        ),
    )
    write(out / "sdk-only" / "Cargo.toml", manifest("sdk-only", SDK_DEP))
    body = (
        "let config = aws_sdk_bedrockruntime::types::InferenceConfiguration::builder()\n"
        "        .temperature(0.7)\n"
        "        .max_tokens(1000)\n"
        "        .build();\n"
        "    client\n"
        "        .converse()\n"
        '        .model_id("anthropic.claude-sonnet-4-6")\n'
        "        .inference_config(config)\n"
        "        .messages(message)"
    )
    write(
        out / "sdk-only" / "src" / "lib.rs",
        "//! A service's settings written by hand against `aws-sdk-bedrockruntime`.\n"
        + SDK_CALL.format(
            ret="aws_sdk_bedrockruntime::operation::converse::builders::ConverseFluentBuilder", body=body
        ),
    )
