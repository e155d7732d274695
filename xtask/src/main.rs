//! Maintainer tasks. `cargo xtask catalog <command>`:
//!
//! - `generate`: write `profile-core/src/models/generated.rs` from `profile-core/catalog/models.toml`;
//! - `check`: fail when the generated file is out of date or the data file has a problem;
//! - `fetch`: download the pinned maintained tables through the package registries (pip, npm) and refresh the
//!   snapshots in `profile-core/catalog/sources/`;
//! - `compare`: print every disagreement between the data file and the snapshots;
//! - `pairs`: write the test file of one profile per (prefix, model) pair the pinned LiteLLM table lists.

use std::process::ExitCode;
use xtask::{compare, pairs, sources};

fn usage() -> ExitCode {
    eprintln!("usage: cargo xtask catalog <generate|check|fetch|compare|pairs>");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match args.as_slice() {
        ["catalog", "generate"] => xtask::write_generated().map(|path| {
            println!("wrote {}", path.display());
        }),
        ["catalog", "check"] => xtask::check_generated(),
        ["catalog", "fetch", rest @ ..] => sources::fetch_command(rest),
        ["catalog", "compare", rest @ ..] => compare::compare_command(rest),
        ["catalog", "pairs", rest @ ..] => pairs::pairs_command(rest),
        _ => return usage(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
