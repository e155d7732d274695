//! `include_profiles!`: the declaration file's consts, equal to what the runtime loader reads.
// These tests pin the rules on models past their end of life too: their profiles warn (`deprecated`).
#![allow(deprecated)]

mod declared {
    bedrock_profiles::include_profiles!("profile-core/tests/files/bedrock.toml");
}

#[cfg(feature = "files")]
#[test]
fn same_declarations_as_the_loader() {
    let loaded = bedrock_profiles::files::load(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/profile-core/tests/files/bedrock.toml"
    ))
    .unwrap();
    assert_eq!(
        &declared::HIGH_QUALITY,
        loaded.profile("high-quality").unwrap()
    );
    assert_eq!(&declared::CREATIVE, loaded.profile("creative").unwrap());
    loaded.with_prompt_spec(loaded.prompt("greeting").unwrap(), |spec| {
        assert_eq!(&declared::GREETING, spec);
    });
    loaded.with_agent_spec(loaded.agent("support").unwrap(), |spec| {
        assert_eq!(declared::SUPPORT, spec);
    });
}

#[test]
fn consts_are_consts() {
    const NAME: &str = declared::SUPPORT.name;
    assert_eq!(NAME, "support");
    assert_eq!(declared::CREATIVE.temperature, Some(1.0));
    assert_eq!(declared::CREATIVE.max_tokens, Some(2000));
    assert_eq!(declared::GREETING.variants[1].name, "concise");
    assert_eq!(
        declared::GREETING.variants[1].profile.map(|p| p.name()),
        Some("creative")
    );
    assert_eq!(
        declared::SUPPORT.orchestration.map(|p| p.name()),
        Some("high-quality")
    );
}
