//! Compile-fail cases (`tests/ui/*.rs`, one broken rule each, the compiler's exact output pinned in the `.stderr`
//! beside it) and pass cases (`tests/ui/pass/*.rs`, which also run). Refresh snapshots with `TRYBUILD=overwrite`
//! and review the diff like code.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
    t.pass("tests/ui/pass/*.rs");
}
