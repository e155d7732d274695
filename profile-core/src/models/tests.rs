//! Unit tests of the module.

use super::*;

#[test]
fn catalog_ids_are_unique_and_named() {
    assert_eq!(CATALOG.len(), CATALOG_CONST_NAMES.len());
    for (i, a) in CATALOG.iter().enumerate() {
        assert!(
            CATALOG[i + 1..].iter().all(|b| b.id != a.id),
            "{} twice",
            a.id
        );
        assert_eq!(get(a.id), Some(*a));
        assert_eq!(Provider::from_model_id(a.id), a.provider(), "{}", a.id);
    }
}

#[test]
fn reference_limits() {
    assert_eq!(ANTHROPIC_CLAUDE_3_HAIKU.max_output_tokens(), 4096);
    assert_eq!(ANTHROPIC_CLAUDE_3_5_SONNET_V2.max_output_tokens(), 8192);
    assert_eq!(ANTHROPIC_CLAUDE_3_7_SONNET.max_output_tokens(), 64000);
    assert_eq!(ANTHROPIC_CLAUDE_OPUS_4_1.max_output_tokens(), 32000);
    assert!(
        get("anthropic.claude-haiku-4-5-20251001-v1:0")
            .unwrap()
            .limits
            .exclusive_temperature_top_p
    );
    assert!(
        !get("anthropic.claude-sonnet-4-20250514-v1:0")
            .unwrap()
            .limits
            .exclusive_temperature_top_p
    );
    assert_eq!(AMAZON_TITAN_TEXT_PREMIER.max_output_tokens(), 3072);
    assert_eq!(
        AMAZON_NOVA_2_LITE.limits.top_k,
        TopK::Range { min: 0, max: 128 }
    );
    assert_eq!(AMAZON_NOVA_PRO.limits.min_temperature, 0.00001);
    assert_eq!(META_LLAMA3_1_70B_INSTRUCT.limits.top_k, TopK::Unsupported);
    assert_eq!(DEEPSEEK_R1.limits.max_stop_sequences, Some(10));
    assert!(!get("deepseek.r1-v1:0").unwrap().on_demand);
}

#[test]
fn resolves_base_cross_region_and_arns() {
    let base = resolve("anthropic.claude-3-haiku-20240307-v1:0").unwrap();
    assert_eq!(base.target, ModelTarget::Base(&ANTHROPIC_CLAUDE_3_HAIKU));

    let cross = resolve("us.anthropic.claude-sonnet-4-20250514-v1:0").unwrap();
    assert_eq!(
        cross.target,
        ModelTarget::CrossRegion(Geo::Us, &ANTHROPIC_CLAUDE_SONNET_4)
    );
    assert_eq!(cross.limits().unwrap().max_output_tokens, 64000);
    assert_eq!(cross.id(), "us.anthropic.claude-sonnet-4-20250514-v1:0");

    let global = resolve("global.anthropic.claude-haiku-4-5-20251001-v1:0").unwrap();
    assert_eq!(global.catalog_model(), Some(&ANTHROPIC_CLAUDE_HAIKU_4_5));

    let fm = resolve("arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0").unwrap();
    assert_eq!(
        fm.target,
        ModelTarget::Arn(ArnResource::FoundationModel, &AMAZON_NOVA_PRO)
    );

    let ip =
        resolve("arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.deepseek.r1-v1:0")
            .unwrap();
    assert_eq!(ip.catalog_model(), Some(&DEEPSEEK_R1));

    let app =
        resolve("arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123")
            .unwrap();
    assert_eq!(
        app.target,
        ModelTarget::OpaqueArn(ArnResource::ApplicationInferenceProfile)
    );
    assert_eq!(app.limits(), None);
}

#[test]
fn explains_what_is_wrong() {
    let typo = resolve("anthropic.claude-3-5-sonet-20241022-v2:0").unwrap_err();
    assert!(
        typo.to_string().starts_with(
            "unknown model `anthropic.claude-3-5-sonet-20241022-v2:0`; did you mean one of \
             `anthropic.claude-3-5-sonnet-20241022-v2:0`"
        ),
        "{typo}"
    );
    // A suggestion keeps the geography the id was written with.
    let cross = resolve("us.anthropic.claude-sonet-4-6").unwrap_err();
    assert!(
        cross
            .to_string()
            .starts_with("unknown model `us.anthropic.claude-sonet-4-6`; did you mean one of `us.anthropic.claude-sonnet-4-6`"),
        "{cross}"
    );
    let geo = resolve("ca.anthropic.claude-3-haiku-20240307-v1:0").unwrap_err();
    assert_eq!(
        geo.to_string(),
        "unknown cross-region prefix `ca` in `ca.anthropic.claude-3-haiku-20240307-v1:0`; \
         expected one of us, eu, apac, au, jp, global, us-gov, in"
    );
    let arn = resolve("arn:aws:s3:::bucket/key").unwrap_err();
    assert!(matches!(arn, ModelError::MalformedArn { .. }), "{arn}");
    assert_eq!(resolve("").unwrap_err(), ModelError::Length { found: 0 });
    assert_eq!(
        resolve(&"a".repeat(2049)).unwrap_err(),
        ModelError::Length { found: 2049 }
    );
}

#[test]
fn unlisted_models_take_the_stated_limit() {
    const NEW: ModelRef = ModelRef::unlisted("anthropic.claude-future-v9:0", 128_000);
    let limits = NEW.limits().unwrap();
    assert_eq!(limits.max_output_tokens, 128_000);
    assert_eq!(limits.provider, Provider::Anthropic);
    let llama = ModelLimits::unlisted("us.meta.llama9-v1:0", 1000);
    assert_eq!(llama.provider, Provider::Meta);
    assert_eq!(llama.top_k, TopK::Unsupported);
}

#[test]
fn cross_region_prefixes_resolve_for_every_geography() {
    // A known geography resolves whether or not a source lists it for the model (the rulebook warns when none
    // does); only a prefix that is no geography is an error.
    let gov = resolve("us-gov.anthropic.claude-sonnet-5").unwrap();
    assert_eq!(
        gov.target,
        ModelTarget::CrossRegion(Geo::UsGov, &ANTHROPIC_CLAUDE_SONNET_5)
    );
    let india = resolve("in.moonshotai.kimi-k3").unwrap();
    assert_eq!(
        india.target,
        ModelTarget::CrossRegion(Geo::In, &MOONSHOTAI_KIMI_K3)
    );
    assert!(resolve("eu.anthropic.claude-sonnet-5-5").is_ok());
    assert!(resolve("global.anthropic.claude-3-haiku-20240307-v1:0").is_ok());
    assert!(resolve("us.openai.gpt-oss-120b-1:0").is_ok());
    let error = resolve("mars.anthropic.claude-sonnet-5").unwrap_err();
    assert_eq!(
        error.to_string(),
        "unknown cross-region prefix `mars` in `mars.anthropic.claude-sonnet-5`; expected one of us, eu, apac, au, \
         jp, global, us-gov, in"
    );
    // `us` is a prefix of `us-gov`: the longer geography is read whole.
    assert_eq!(
        Provider::from_model_id("us-gov.anthropic.claude-sonnet-5"),
        Provider::Anthropic
    );
    assert_eq!(
        cross_region_geo("us-gov.anthropic.claude-sonnet-5"),
        Some(Geo::UsGov)
    );
}

#[test]
fn govcloud_arns_resolve() {
    let arn = "arn:aws-us-gov:bedrock:us-gov-west-1:123456789012:inference-profile/us-gov.anthropic.claude-sonnet-5";
    let model = resolve(arn).unwrap();
    assert_eq!(
        model.target,
        ModelTarget::Arn(ArnResource::InferenceProfile, &ANTHROPIC_CLAUDE_SONNET_5)
    );
    assert_eq!(cross_region_geo(arn), Some(Geo::UsGov));
    let base = "arn:aws-us-gov:bedrock:us-gov-west-1::foundation-model/anthropic.claude-sonnet-5";
    assert_eq!(cross_region_geo(base), None);
    assert!(resolve(base).is_ok());
}

#[test]
fn every_figure_names_a_public_source() {
    for m in CATALOG {
        let s = m.facts.sources;
        for (what, text) in [
            ("prefixes", s.prefixes),
            ("reasoning", s.reasoning),
            ("sampling", s.sampling),
            ("limits", s.limits),
            ("on_demand", s.on_demand),
            ("source", m.source),
        ] {
            assert!(!text.is_empty(), "{}: {what} has no source", m.id);
            assert!(
                !text.contains('['),
                "{}: {what} names a private label: {text}",
                m.id
            );
        }
        if let Some(e) = m.facts.end_of_life {
            assert!(!e.source.is_empty() && !e.source.contains('['), "{}", m.id);
        }
        if let Some(l) = m.facts.legacy {
            assert!(!l.source.is_empty() && !l.source.contains('['), "{}", m.id);
            assert!(m.legacy, "{}", m.id);
        }
    }
}

#[test]
fn facts_of_2026_models() {
    assert_eq!(ANTHROPIC_CLAUDE_OPUS_4_7.max_output_tokens(), 128000);
    assert!(matches!(
        ANTHROPIC_CLAUDE_OPUS_4_7.facts.sampling,
        Sampling::DefaultsOnly { top_p: None }
    ));
    assert!(ANTHROPIC_CLAUDE_SONNET_4_6.facts.unverified.is_some());
    assert_eq!(
        ANTHROPIC_CLAUDE_3_5_SONNET_V2
            .facts
            .end_of_life
            .map(|e| e.date),
        Some("2026-07-30")
    );
    assert!(
        !ANTHROPIC_CLAUDE_OPUS_4_6
            .facts
            .reasoning
            .efforts()
            .has(Effort::Xhigh)
    );
    assert!(
        ANTHROPIC_CLAUDE_OPUS_4_6
            .facts
            .reasoning
            .efforts()
            .has(Effort::Max)
    );
    assert_eq!(Efforts::TO_HIGH.describe(), "low, medium, high");
}
