//! Compile cases with the account's catalog in force: the macros read the file `BEDROCK_PROFILES_CATALOG` names
//! (relative to the crate root), here trybuild's generated project, into which the catalogs of `tests/ui/account/`
//! are copied. A test binary of its own, so that the variable is set for these cases only (`tests/ui.rs` runs
//! without a catalog). Refresh snapshots with `TRYBUILD=overwrite`.

use bedrock_profiles::models::account::ENV_VAR;
use std::path::Path;

#[test]
fn ui_account() {
    let project = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("target directory")
        .join("tests/trybuild/bedrock-profiles");
    std::fs::create_dir_all(&project).unwrap();
    let copy = |from: &str, to: &str| std::fs::copy(from, project.join(to)).unwrap();
    copy(
        "tests/ui/account/account-catalog.toml",
        "account-catalog.toml",
    );
    copy(
        "tests/ui/account/malformed/account-catalog.toml",
        "malformed-account-catalog.toml",
    );
    // SAFETY: this binary runs this one test, and nothing else reads the environment while it is set.
    unsafe { std::env::set_var(ENV_VAR, "account-catalog.toml") };
    {
        let t = trybuild::TestCases::new();
        t.compile_fail("tests/ui/account/*.rs");
        t.pass("tests/ui/account/pass/*.rs");
        // The cases run when `t` is dropped, with the variable set.
    }
    // SAFETY: as above.
    unsafe { std::env::set_var(ENV_VAR, "malformed-account-catalog.toml") };
    {
        let t = trybuild::TestCases::new();
        t.compile_fail("tests/ui/account/malformed/*.rs");
    }
    // SAFETY: as above.
    unsafe { std::env::remove_var(ENV_VAR) };
}
