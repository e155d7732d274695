//! The file loader on hostile sizes: how its time grows with the number of errors and the length of an `extends`
//! chain or cycle (25,000, 50,000 and 100,000 tables: linear time is a ratio near 4 from the first to the last,
//! quadratic near 16), and its peak memory on a file holding one 50 MB string. A bench binary, not a timed test:
//!
//! ```sh
//! cargo bench --bench loader --features files,wire   # `wire`: the CloudFormation row
//! ```
//!
//! Prints a markdown table (the README's "Hostile files" table).

use bedrock_profiles::files::{self, Format};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded to the system allocator with the caller's layout.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `alloc` above with this layout.
        unsafe { System.dealloc(ptr, layout) };
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// `n` profiles, each breaking a rule.
fn errors(n: usize) -> String {
    (0..n)
        .map(|i| format!("[profiles.p{i}]\ntemperature = 2.5\n"))
        .collect()
}

/// A chain of `n` profiles, each extending the one before.
fn chain(n: usize) -> String {
    let mut s = String::from("[profiles.p0]\ntemperature = 0.5\n");
    for i in 1..n {
        s.push_str(&format!("[profiles.p{i}]\nextends = \"p{}\"\n", i - 1));
    }
    s
}

/// A cycle of `n` profiles: `p0` extends `p1`, ..., `p{n-1}` extends `p0` (one message, its names capped).
fn cycle(n: usize) -> String {
    (0..n)
        .map(|i| format!("[profiles.p{i}]\nextends = \"p{}\"\n", (i + 1) % n))
        .collect()
}

/// `n` profiles with an error each on one line of JSON (a minified file): every error on the same long line.
fn json_line(n: usize) -> String {
    let tables: Vec<String> = (0..n)
        .map(|i| format!("\"p{i}\":{{\"temperature\":2.5}}"))
        .collect();
    format!("{{\"profiles\":{{{}}}}}", tables.join(","))
}

/// One prompt whose text holds `n` empty placeholders `{{}}`: `n` template errors in one text.
fn empty_placeholders(n: usize) -> String {
    format!("[prompts.p]\ntext = \"{}\"\n", "{{}} ".repeat(n))
}

/// One prompt whose text uses `n` distinct variables (the 20-variable rule's count).
fn variables(n: usize) -> String {
    let text: String = (0..n).map(|i| format!("{{{{v{i}}}}} ")).collect();
    format!("[prompts.p]\ntext = \"{text}\"\n")
}

/// One prompt with `n` variants (their names checked for repeats).
fn variants(n: usize) -> String {
    let mut s = String::from("[prompts.p]\ntext = \"x\"\n");
    for i in 0..n {
        s.push_str(&format!("[prompts.p.variants.v{i}]\n"));
    }
    s
}

/// One profile with `n` distinct stop sequences (past Converse's 2500).
fn stop_sequences(n: usize) -> String {
    let items: Vec<String> = (0..n).map(|i| format!("\"s{i}\"")).collect();
    format!("[profiles.p]\nstop_sequences = [{}]\n", items.join(", "))
}

/// `n` profiles, each extending a profile that is not declared ("did you mean" among `n` names).
fn missing_extends(n: usize) -> String {
    (0..n)
        .map(|i| format!("[profiles.p{i}]\nextends = \"q{i}\"\n"))
        .collect()
}

/// One prompt with `n` variants, each naming its own profile (checked once per profile and model).
fn variant_profiles(n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        s.push_str(&format!("[profiles.p{i}]\ntemperature = 0.5\n"));
    }
    s.push_str("[prompts.q]\ntext = \"x\"\n");
    for i in 0..n {
        s.push_str(&format!("[prompts.q.variants.v{i}]\nprofile = \"p{i}\"\n"));
    }
    s
}

/// Median time of `runs` loads of `source`, rendering the errors as the command does.
fn time(source: &str, format: Format, runs: usize) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let rendered = match files::parse("bench", source, format) {
                Ok(d) => d.profiles.len(),
                Err(e) => e.render(false).len(),
            };
            std::hint::black_box(rendered);
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn main() {
    // `cargo bench` passes `--bench`; `-- --memory` prints only the memory table, and `-- --memory TEXT` only its
    // rows whose input names TEXT.
    if std::env::args().any(|a| a == "--memory") {
        memory_rows();
        return;
    }
    let runs = 3;
    println!("| input | 25,000 | 50,000 | 100,000 | ratio 100,000 / 25,000 (linear: ~4) |");
    println!("|---|---|---|---|---|");
    for (what, make, format) in [
        (
            "one error per table",
            errors as fn(usize) -> String,
            Format::Toml,
        ),
        ("an `extends` chain", chain, Format::Toml),
        ("an `extends` cycle", cycle, Format::Toml),
        (
            "one error per table, one JSON line",
            json_line,
            Format::Json,
        ),
        (
            "`{{}}` errors in one prompt text",
            empty_placeholders,
            Format::Toml,
        ),
        (
            "distinct variables in one prompt text",
            variables,
            Format::Toml,
        ),
        ("variants of one prompt", variants, Format::Toml),
        (
            "variants of one prompt, each with its own profile",
            variant_profiles,
            Format::Toml,
        ),
        (
            "stop sequences of one profile",
            stop_sequences,
            Format::Toml,
        ),
        (
            "a missing `extends` per table",
            missing_extends,
            Format::Toml,
        ),
    ] {
        let t = [25_000, 50_000, 100_000].map(|n| time(&make(n), format, runs).as_secs_f64());
        scaling_row(what, t);
    }
    lookup_rows(runs);
    println!();
    memory_rows();
}

/// Memory per input byte: peak memory above the source of one load, with its errors rendered.
fn memory_rows() {
    println!("| input | file size | time | peak memory above the source | ratio to the file |");
    println!("|---|---|---|---|---|");
    let big = format!(
        "[profiles.p]\ndescription = \"{}\"\n",
        "x".repeat(50_000_000)
    );
    memory_row("one 50 MB string (breaking the description rule)", &big);
    memory_row("2,000 variants of one 1 MB text", &shared_text(2000));
    memory_row("1,000 profiles extending one 500 KB base", &fan_out(1000));
    let tables: Vec<String> = (0..1_000_000).map(|i| format!("\"p{i}\": {{}}")).collect();
    memory_row_as(
        "1,000,000 empty JSON tables",
        &format!("{{\"profiles\": {{{}}}}}", tables.join(", ")),
        std::path::Path::new("big.json"),
        Format::Json,
    );
    let dir = std::env::temp_dir().join(format!("bp-loader-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = format!("{{{{a}}}} {}\n", "x".repeat(1_000_000));
    std::fs::write(dir.join("shared.txt"), text).unwrap();
    let prompts: String = (0..1000)
        .map(|i| format!("[prompts.p{i}]\ntext_file = \"shared.txt\"\n"))
        .collect();
    memory_row_at(
        "1,000 prompts naming one 1 MB `text_file` (file size: the declaration)",
        &prompts,
        &dir.join("bench.toml"),
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A prompt with a 1 MB text (and two variables) and `n` variants that inherit it.
fn shared_text(n: usize) -> String {
    let text = format!("{{{{a}}}} {} {{{{b}}}}", "x".repeat(1_000_000));
    let mut s = format!("[prompts.p]\ntext = \"{text}\"\n");
    for i in 0..n {
        s.push_str(&format!("[prompts.p.variants.v{i}]\n"));
    }
    s
}

/// A profile with 500 KB of stop sequences (2,500 of 200 characters) and `n` profiles extending it.
fn fan_out(n: usize) -> String {
    let stops: Vec<String> = (0..2500)
        .map(|i| format!("\"{i:05}{}\"", "x".repeat(195)))
        .collect();
    let mut s = format!("[profiles.base]\nstop_sequences = [{}]\n", stops.join(", "));
    for i in 0..n {
        s.push_str(&format!("[profiles.p{i}]\nextends = \"base\"\n"));
    }
    s
}

/// Loads `source` once, rendering its errors, and prints its time and peak memory above the source.
fn memory_row(what: &str, source: &str) {
    memory_row_at(what, source, std::path::Path::new("big.toml"));
}

/// [`memory_row`] for a file at `path` (the files it names are read from its directory).
fn memory_row_at(what: &str, source: &str, path: &std::path::Path) {
    memory_row_as(what, source, path, Format::Toml);
}

/// [`memory_row_at`] in `format`.
fn memory_row_as(what: &str, source: &str, path: &std::path::Path, format: Format) {
    let args: Vec<String> = std::env::args().collect();
    // `cargo bench` adds `--bench` after the user's arguments.
    let filter = args
        .iter()
        .skip_while(|a| *a != "--memory")
        .nth(1)
        .filter(|a| !a.starts_with("--"));
    if filter.is_some_and(|f| !what.contains(f.as_str())) {
        return;
    }
    let before = IN_USE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let start = Instant::now();
    let rendered = match files::parse(path, source, format) {
        Ok(d) => d.profiles.len() + d.prompts.len(),
        Err(e) => e.render(false).len(),
    };
    std::hint::black_box(rendered);
    let peak = PEAK.load(Ordering::Relaxed) - before;
    println!(
        "| {what} | {:.1} MB | {:.2} s | {:.0} MB | {:.1}x |",
        source.len() as f64 / 1e6,
        start.elapsed().as_secs_f64(),
        peak as f64 / 1e6,
        peak as f64 / source.len() as f64
    );
}

/// `n` profiles and `n` prompts, each prompt naming its own profile.
fn prompts_with_profiles(n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        s.push_str(&format!("[profiles.p{i}]\ntemperature = 0.5\n"));
    }
    for i in 0..n {
        s.push_str(&format!(
            "[prompts.q{i}]\ntext = \"x\"\nprofile = \"p{i}\"\n"
        ));
    }
    s
}

/// Median time of `runs` runs of `f`.
fn median(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

/// One row of the scaling table: the times at x, 2x and 4x, and the ratio of the last to the first.
fn scaling_row(what: &str, t: [f64; 3]) {
    println!(
        "| {what} | {:.3} s | {:.3} s | {:.3} s | {:.1}x |",
        t[0],
        t[1],
        t[2],
        t[2] / t[0]
    );
}

/// What `export` does per declaration after loading: each prompt's profile looked up by its table name
/// (`Declarations::profile`, which every request of a prompt or agent goes through), and, with `wire`, the
/// CloudFormation logical ids of `n` profiles of one name.
fn lookup_rows(runs: usize) {
    let sizes = [25_000, 50_000, 100_000];

    let lookups = sizes.map(|n| {
        let d = files::parse("bench", &prompts_with_profiles(n), Format::Toml).unwrap();
        median(runs, || {
            let found = d
                .prompts
                .iter()
                .filter_map(|p| d.profile(p.variants[0].profile.as_ref()?.name()?))
                .count();
            assert_eq!(std::hint::black_box(found), n);
        })
    });
    scaling_row("each prompt's profile looked up, as `export` does", lookups);
    #[cfg(feature = "wire")]
    {
        use bedrock_profiles::wire::cloudformation::Template;
        let ids = sizes.map(|n| {
            let mut profile = bedrock_profiles::InferenceProfile::new("same");
            profile.model =
                Some(bedrock_profiles::models::resolve("us.amazon.nova-lite-v1:0").unwrap());
            profile.tags = bedrock_profiles::Tags::Static(&[("team", "a")]);
            median(runs, || {
                let mut t = Template::new();
                for _ in 0..n {
                    t = t.inference_profile(&profile).unwrap();
                }
                std::hint::black_box(t.to_json());
            })
        });
        scaling_row(
            "CloudFormation resources of one name (`--features files,wire`)",
            ids,
        );
    }
}
