//! Compile-fail cases (`tests/ui/*.rs`, one broken rule each, the compiler's exact output pinned in the `.stderr`
//! beside it) and pass cases (`tests/ui/pass/*.rs`, which also run). Refresh snapshots with `TRYBUILD=overwrite`
//! and review the diff like code. `tests/ui/files/` holds the `include_profiles!` cases (feature `files`).

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
    t.pass("tests/ui/pass/*.rs");
    #[cfg(feature = "files")]
    {
        // `include_profiles!` reads files relative to CARGO_MANIFEST_DIR, which under trybuild is trybuild's
        // generated project (`<target>/tests/trybuild/bedrock-profiles`): put the broken declaration file there.
        let project = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
            .parent()
            .expect("target directory")
            .join("tests/trybuild/bedrock-profiles");
        std::fs::create_dir_all(&project).unwrap();
        for file in [
            "broken-profiles.toml",
            "broken-profile-used.toml",
            "clashing-names.toml",
        ] {
            std::fs::copy(format!("tests/ui/files/{file}"), project.join(file)).unwrap();
        }
        t.compile_fail("tests/ui/files/*.rs");
    }
}
