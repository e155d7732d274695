//! The rulebook at every boundary: each limit's last good value passes, the first bad value fails with the exact
//! message the macros print.
// These tests pin the rules on models past their end of life too: their profiles warn (`deprecated`).
#![allow(deprecated)]

use crate::models::{self, ModelRef};
use crate::prompt::{self, PromptSpec, PromptVariant, TemplateType};
use crate::rules::{self, Key, Limiter, Surface, Violation};
use crate::{InferenceProfile, JsonSchema, ResponseFormat, check};
use std::borrow::Cow;

fn model(id: &str) -> ModelRef {
    models::resolve(id).unwrap()
}

fn msg(v: Option<Violation<'_>>) -> Option<String> {
    v.map(|v| v.to_string())
}

#[test]
fn temperature() {
    assert_eq!(rules::check_temperature(0.0, None), None);
    assert_eq!(rules::check_temperature(1.0, None), None);
    assert_eq!(
        msg(rules::check_temperature(1.000_001, None)).as_deref(),
        Some("`temperature` must be within 0.0..=1.0, found 1.000001")
    );
    assert_eq!(
        msg(rules::check_temperature(-0.0001, None)).as_deref(),
        Some("`temperature` must be within 0.0..=1.0, found -0.0001")
    );
    assert!(rules::check_temperature(f32::NAN, None).is_some());
    let nova = model("amazon.nova-lite-v1:0");
    assert_eq!(rules::check_temperature(0.00001, Some(&nova)), None);
    assert_eq!(
        msg(rules::check_temperature(0.0, Some(&nova))).as_deref(),
        Some("`temperature` must be within 0.00001..=1.0 for amazon.nova-lite-v1:0, found 0.0")
    );
    // A cross-region id keeps the model's minimum.
    assert!(rules::check_temperature(0.0, Some(&model("us.amazon.nova-lite-v1:0"))).is_some());
}

#[test]
fn top_p() {
    assert_eq!(rules::check_top_p(0.0), None);
    assert_eq!(rules::check_top_p(1.0), None);
    assert_eq!(
        msg(rules::check_top_p(1.01)).as_deref(),
        Some("`top_p` must be within 0.0..=1.0, found 1.01")
    );
    assert!(rules::check_top_p(-0.01).is_some());
}

#[test]
fn top_k() {
    let converse = Surface::Converse;
    assert_eq!(rules::check_top_k(0, None, converse), None);
    assert_eq!(rules::check_top_k(500, None, converse), None);
    assert_eq!(
        msg(rules::check_top_k(501, None, converse)).as_deref(),
        Some("`top_k` must be within 0..=500, found 501")
    );
    let nova2 = model("amazon.nova-2-lite-v1:0");
    assert_eq!(rules::check_top_k(128, Some(&nova2), converse), None);
    assert_eq!(
        msg(rules::check_top_k(129, Some(&nova2), converse)).as_deref(),
        Some("`top_k` must be within 0..=128 for amazon.nova-2-lite-v1:0, found 129")
    );
    let mistral = model("mistral.mistral-7b-instruct-v0:2");
    assert_eq!(rules::check_top_k(1, Some(&mistral), converse), None);
    assert_eq!(rules::check_top_k(200, Some(&mistral), converse), None);
    assert!(rules::check_top_k(0, Some(&mistral), converse).is_some());
    assert!(rules::check_top_k(201, Some(&mistral), converse).is_some());
    for id in [
        "amazon.titan-text-lite-v1",
        "meta.llama3-1-70b-instruct-v1:0",
        "us.deepseek.r1-v1:0",
        "ai21.jamba-1-5-large-v1:0",
    ] {
        assert_eq!(
            msg(rules::check_top_k(1, Some(&model(id)), converse)),
            Some(format!("`top_k` is not supported by {id}"))
        );
    }
    // The Agent surface's own topK field: 0..=500.
    let unlisted = ModelRef::unlisted("acme.big-v1:0", 1000);
    assert_eq!(
        rules::check_top_k(500, Some(&unlisted), Surface::Agent),
        None
    );
    assert!(rules::check_top_k(501, Some(&unlisted), Surface::Agent).is_some());
}

#[test]
fn max_tokens() {
    assert_eq!(rules::check_max_tokens(1, None), None);
    // Without a model, the APIs' 32-bit integer is the bound (Converse maxTokens, Agents maximumLength).
    assert_eq!(rules::check_max_tokens(i32::MAX as u32, None), None);
    assert_eq!(
        msg(rules::check_max_tokens(i32::MAX as u32 + 1, None)).as_deref(),
        Some(
            "`max_tokens` must be at most 2147483647 (the APIs take a 32-bit integer), found 2147483648"
        )
    );
    assert_eq!(
        msg(rules::check_max_tokens(0, None)).as_deref(),
        Some("`max_tokens` must be at least 1, found 0")
    );
    for (id, limit) in [
        ("anthropic.claude-3-haiku-20240307-v1:0", 4096),
        ("anthropic.claude-3-5-sonnet-20240620-v1:0", 4096),
        ("anthropic.claude-3-5-sonnet-20241022-v2:0", 8192),
        ("anthropic.claude-3-7-sonnet-20250219-v1:0", 64000),
        ("anthropic.claude-opus-4-20250514-v1:0", 32000),
        ("us.anthropic.claude-sonnet-4-20250514-v1:0", 64000),
        ("amazon.titan-text-premier-v1:0", 3072),
        ("amazon.nova-pro-v1:0", 10000),
        ("us-gov.anthropic.claude-sonnet-5", 128000),
        ("deepseek.v3-v1:0", 8000),
        ("meta.llama3-1-70b-instruct-v1:0", 2048),
        ("mistral.mixtral-8x7b-instruct-v0:1", 4096),
        ("us.deepseek.r1-v1:0", 32768),
    ] {
        let m = model(id);
        assert_eq!(rules::check_max_tokens(limit, Some(&m)), None, "{id}");
        assert_eq!(
            msg(rules::check_max_tokens(limit + 1, Some(&m))),
            Some(format!(
                "`max_tokens` {} exceeds the {limit} output tokens of {id}",
                limit + 1
            ))
        );
    }
    // An application inference profile says nothing about its model.
    let app = model("arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123");
    assert_eq!(rules::check_max_tokens(1_000_000, Some(&app)), None);
}

#[test]
fn stop_sequences() {
    let converse = Surface::Converse;
    assert_eq!(rules::check_stop_sequence_count(2500, None, converse), None);
    assert_eq!(
        msg(rules::check_stop_sequence_count(2501, None, converse)).as_deref(),
        Some("`stop_sequences` has 2501 items, but Converse takes at most 2500")
    );
    assert_eq!(
        rules::check_stop_sequence_count(4, None, Surface::PromptManagement),
        None
    );
    assert_eq!(
        rules::check_stop_sequence_count(5, None, Surface::Agent),
        Some(Violation::TooManyStopSequences {
            found: 5,
            max: 4,
            by: Limiter::Surface(Surface::Agent)
        })
    );
    let mistral = model("mistral.mistral-large-2402-v1:0");
    assert_eq!(
        rules::check_stop_sequence_count(10, Some(&mistral), converse),
        None
    );
    assert_eq!(
        msg(rules::check_stop_sequence_count(
            11,
            Some(&mistral),
            converse
        ))
        .as_deref(),
        Some("`stop_sequences` has 11 items, but mistral.mistral-large-2402-v1:0 takes at most 10")
    );
    let items: Vec<Cow<'static, str>> =
        ["a", "", "b", "a"].into_iter().map(Cow::Borrowed).collect();
    assert_eq!(rules::check_stop_sequence(&items, 0), None);
    assert_eq!(
        msg(rules::check_stop_sequence(&items, 1)).as_deref(),
        Some("`stop_sequences` item 1 is empty; a stop sequence needs at least one character")
    );
    assert_eq!(rules::check_stop_sequence(&items, 2), None);
    assert_eq!(
        msg(rules::check_stop_sequence(&items, 3)).as_deref(),
        Some("`stop_sequences` item 3 repeats item 0, \"a\"")
    );
}

#[test]
fn stop_sequences_past_the_limit_get_the_count_error_only() {
    // 3000 equal items: the count error, and repeats reported only among the first 2500 (Converse's limit).
    let mut p = InferenceProfile::new("p");
    p.stop_sequences = vec![Cow::Borrowed("a"); 3000].into();
    let found = check(&p, Surface::Converse);
    let repeats = found
        .iter()
        .filter(|v| matches!(v, Violation::DuplicateStopSequence { .. }))
        .count();
    assert_eq!(repeats, 2499);
    assert!(matches!(
        found[0],
        Violation::TooManyStopSequences { found: 3000, .. }
    ));
    assert!(found.iter().all(|v| match v {
        Violation::DuplicateStopSequence { index, .. } => *index < 2500,
        _ => true,
    }));
    // At the limit, every item is still checked.
    p.stop_sequences = vec![Cow::Borrowed("a"); 2500].into();
    assert_eq!(check(&p, Surface::Converse).len(), 2499);
}

#[test]
fn names_and_descriptions() {
    assert_eq!(rules::check_name(&"a".repeat(64)), None);
    assert_eq!(
        msg(rules::check_name(&"a".repeat(65))).as_deref(),
        Some("`name` must be 1..=64 characters, found 65")
    );
    assert!(rules::check_name("").is_some());
    for good in ["a", "my-inference-profile", "A1 b2_c3-d4", "9"] {
        assert_eq!(rules::check_name(good), None, "{good}");
    }
    for bad in ["-a", "a--b", "a  b", "a!", "é", "a_-b"] {
        assert!(
            matches!(rules::check_name(bad), Some(Violation::NamePattern { .. })),
            "{bad}"
        );
    }
    // A trailing separator matches `([0-9a-zA-Z][ _-]?)+`.
    assert_eq!(rules::check_name("a-"), None);
    // The prompt/agent form: no spaces, at most 100 alphanumerics.
    assert!(rules::matches_name_pattern(&"a".repeat(100), false, 100));
    assert!(!rules::matches_name_pattern(&"a".repeat(101), false, 100));
    assert!(!rules::matches_name_pattern("a b", false, 100));

    assert_eq!(rules::check_description(&"é".repeat(200)), None);
    assert_eq!(
        msg(rules::check_description(&"d".repeat(201))).as_deref(),
        Some("`description` must be 1..=200 characters, found 201")
    );
    assert!(rules::check_description("").is_some());
    assert_eq!(rules::check_version(1), None);
    assert_eq!(
        msg(rules::check_version(0)).as_deref(),
        Some("`version` must be at least 1, found 0")
    );
}

#[test]
fn anthropic_version() {
    let claude = model("anthropic.claude-3-haiku-20240307-v1:0");
    let nova = model("amazon.nova-micro-v1:0");
    assert_eq!(
        rules::check_anthropic_version("bedrock-2023-05-31", Some(&claude)),
        None
    );
    assert_eq!(
        rules::check_anthropic_version("bedrock-2023-05-31", None),
        None
    );
    assert_eq!(
        msg(rules::check_anthropic_version(
            "bedrock-2023-05-31",
            Some(&nova)
        ))
        .as_deref(),
        Some("`anthropic_version` only applies to Anthropic models, not amazon.nova-micro-v1:0")
    );
    assert_eq!(
        msg(rules::check_anthropic_version("2023-06-01", Some(&claude))).as_deref(),
        Some("`anthropic_version` must be \"bedrock-2023-05-31\", found \"2023-06-01\"")
    );
}

#[test]
fn models_and_surfaces() {
    assert_eq!(
        msg(rules::check_model(
            &model("deepseek.r1-v1:0"),
            Surface::Converse
        ))
        .as_deref(),
        Some(
            "`model` deepseek.r1-v1:0 can only be invoked through a cross-region inference profile; \
             use an id such as us.deepseek.r1-v1:0"
        )
    );
    assert_eq!(
        rules::check_model(&model("us.deepseek.r1-v1:0"), Surface::Converse),
        None
    );
    let titan = model("amazon.titan-text-lite-v1");
    assert_eq!(rules::check_model(&titan, Surface::Converse), None);
    assert!(matches!(
        rules::check_model(&titan, Surface::Agent),
        Some(Violation::ModelNotForAgents { .. })
    ));
    assert_eq!(
        rules::check_model(
            &model("eu.anthropic.claude-3-haiku-20240307-v1:0"),
            Surface::Agent
        ),
        None
    );
    let sonnet45 = model("anthropic.claude-sonnet-4-5-20250929-v1:0");
    assert_eq!(
        msg(rules::check_temperature_with_top_p(&sonnet45)).as_deref(),
        Some(
            "`temperature` and `top_p` cannot both be set for anthropic.claude-sonnet-4-5-20250929-v1:0; \
             keep one of them"
        )
    );
    assert_eq!(
        rules::check_temperature_with_top_p(&model("anthropic.claude-sonnet-4-20250514-v1:0")),
        None
    );
}

#[test]
fn schemas() {
    assert_eq!(rules::check_schema(r#"{"type": "object"}"#), None);
    assert_eq!(
        msg(rules::check_schema("{\n  \"type\": \"object\",\n}")).as_deref(),
        Some(
            "`response_format` schema is not valid JSON: expected a string key at line 3, column 1"
        )
    );
    assert_eq!(
        msg(rules::check_schema("true")).as_deref(),
        Some("`response_format` schema must be a JSON object, found a boolean")
    );
    let empty_name = ResponseFormat::JsonSchema(JsonSchema {
        name: Some(Cow::Borrowed("")),
        description: None,
        schema: crate::Shared::Static("{}"),
    });
    assert_eq!(
        rules::check_response_format(&empty_name, "{}").map(|v| v.key()),
        Some(Key::ResponseFormat)
    );
}

#[test]
fn whole_profile_reports_every_violation_in_key_order() {
    let mut p = InferenceProfile::new("bad name!");
    p.model = Some(model("anthropic.claude-3-haiku-20240307-v1:0"));
    p.temperature = Some(2.0);
    p.max_tokens = Some(5000);
    p.stop_sequences =
        crate::Shared::Static(&[Cow::Borrowed("x"), Cow::Borrowed("x"), Cow::Borrowed("")]);
    p.anthropic_version = Some(Cow::Borrowed("v1"));
    let keys: Vec<(Key, Option<usize>)> = check(&p, Surface::Converse)
        .iter()
        .map(|v| (v.key(), v.item()))
        .collect();
    assert_eq!(
        keys,
        [
            (Key::Name, None),
            (Key::Temperature, None),
            (Key::MaxTokens, None),
            (Key::AnthropicVersion, None),
            (Key::StopSequences, Some(1)),
            (Key::StopSequences, Some(2)),
        ]
    );
    // Prompt management and Agents take at most 4 stop sequences.
    let mut four = InferenceProfile::new("four");
    four.stop_sequences = (0..5)
        .map(|i| Cow::Owned(format!("s{i}")))
        .collect::<Vec<_>>()
        .into();
    assert!(check(&four, Surface::Converse).is_empty());
    assert_eq!(check(&four, Surface::PromptManagement).len(), 1);
}

#[test]
fn another_model_replaces_the_profiles_own() {
    // A prompt variant (or an agent) names the model it is sent with; its profile is checked with that model.
    static LONG: InferenceProfile = InferenceProfile {
        name: Cow::Borrowed("long"),
        model: Some(ModelRef::base(&models::ANTHROPIC_CLAUDE_3_5_SONNET_V2)),
        max_tokens: Some(8000),
        ..InferenceProfile::EMPTY
    };
    assert!(check(&LONG, Surface::Converse).is_empty());
    let variants = [PromptVariant {
        name: "default",
        model: Some(ModelRef::base(&models::ANTHROPIC_CLAUDE_3_HAIKU)),
        profile: Some(&LONG),
        template_type: TemplateType::Text,
        text: "Summarize {{text}}",
        system: None,
        variables: &["text"],
    }];
    let spec = PromptSpec {
        name: "summary",
        description: None,
        variants: Box::leak(Box::new(variants)),
    };
    assert_eq!(
        prompt::check(&spec)
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        [
            "profile: `max_tokens` 8000 exceeds the 4096 output tokens of anthropic.claude-3-haiku-20240307-v1:0"
        ]
    );
}

#[test]
fn const_checks_run_at_compile_time() {
    const HAIKU: ModelRef = ModelRef {
        id: Cow::Borrowed("anthropic.claude-3-haiku-20240307-v1:0"),
        target: models::ModelTarget::Base(&models::ANTHROPIC_CLAUDE_3_HAIKU),
    };
    const GOOD: InferenceProfile = InferenceProfile {
        temperature: Some(0.5),
        max_tokens: Some(4096),
        model: Some(HAIKU),
        name: Cow::Borrowed("good"),
        ..InferenceProfile::EMPTY
    };
    const _: () = rules::assert_valid(GOOD, Surface::Converse, None, "profile `GOOD`");
    const _: () = rules::assert_valid(GOOD, Surface::Agent, Some(&HAIKU), "profile `GOOD`");
    const MESSAGE: crate::const_text::Message = match rules::check_max_tokens(4097, Some(&HAIKU)) {
        Some(v) => v.message(),
        None => crate::const_text::Message::new(),
    };
    assert_eq!(
        MESSAGE.as_str(),
        "`max_tokens` 4097 exceeds the 4096 output tokens of anthropic.claude-3-haiku-20240307-v1:0"
    );
    assert_eq!(GOOD.name(), "good");
}

#[test]
fn a_variant_request_name_follows_the_name_rule() {
    assert_eq!(prompt::request_name("greeting", "default"), "greeting");
    assert_eq!(prompt::request_name("greeting-", "short"), "greeting-short");
    let sixty = "a".repeat(60);
    let v = prompt::check_request_name(&sixty, &sixty).expect("120 letters");
    assert_eq!(
        v.to_string(),
        format!(
            "variant `{sixty}` is created as the prompt `{sixty}-{sixty}` (one variant per CreatePrompt request), \
             which breaks ([0-9a-zA-Z][_-]?){{1,100}}; shorten the prompt's or the variant's name"
        )
    );
    assert!(prompt::check_request_name(&sixty, "short").is_none());
    assert!(prompt::check_request_name(&sixty, "default").is_none());
}

/// A model's own warnings: a geography no source lists (never an error), an end of life that concerns one
/// geography's profile only, and the legacy state when no end-of-life date is known.
#[test]
fn model_warnings_of_prefixes_and_lifecycle() {
    let texts = |id: &str| -> Vec<String> {
        let m = model(id);
        rules::model_warnings(&m)
            .iter()
            .map(ToString::to_string)
            .collect()
    };
    assert_eq!(texts("us.anthropic.claude-sonnet-5"), Vec::<String>::new());
    assert_eq!(
        texts("us-gov.anthropic.claude-sonnet-5"),
        Vec::<String>::new()
    );
    assert_eq!(
        texts("jp.anthropic.claude-opus-4-5-20251101-v1:0"),
        [
            "no source lists the cross-region inference profile `jp.anthropic.claude-opus-4-5-20251101-v1:0` (they \
          list `us.`, `eu.`, `global.`; Anthropic docs: Claude on Amazon Bedrock; LiteLLM 1.110.2 model table); \
          availability grows month by month, so check ListInferenceProfiles in your region before relying on it"
        ]
    );
    // Haiku 4.5's end of life concerns its `eu.` profile only.
    assert_eq!(
        texts("us.anthropic.claude-haiku-4-5-20251001-v1:0"),
        Vec::<String>::new()
    );
    assert_eq!(
        texts("anthropic.claude-haiku-4-5-20251001-v1:0"),
        Vec::<String>::new()
    );
    assert_eq!(
        texts("eu.anthropic.claude-haiku-4-5-20251001-v1:0"),
        [
            "eu.anthropic.claude-haiku-4-5-20251001-v1:0 reaches end of life on Bedrock on 2026-10-15, the `eu.` \
          cross-region profile only (LiteLLM 1.110.2 model table); dates differ by region, move to \
          `eu.anthropic.claude-haiku-5-5`, its successor (LiteLLM 1.110.2 model table)"
        ]
    );
    // Both warnings at once, through an ARN too.
    let arn = "arn:aws:bedrock:us-east-1:123456789012:inference-profile/global.anthropic.claude-3-haiku-20240307-v1:0";
    let both = texts(arn);
    assert_eq!(both.len(), 2, "{both:?}");
    assert!(
        both[0].starts_with("no source lists the cross-region inference profile `global."),
        "{both:?}"
    );
    assert!(
        both[1].contains("reaches end of life on Bedrock on 2026-09-10"),
        "{both:?}"
    );
    // Claude 3 Haiku's successor (Haiku 4.5) has a `global.` profile, so the suggestion keeps the prefix.
    assert!(
        both[1]
            .contains("move to `global.anthropic.claude-haiku-4-5-20251001-v1:0`, its successor"),
        "{both:?}"
    );
    // A successor without the declared geography is suggested by its base id.
    let gov = texts("us-gov.anthropic.claude-sonnet-4-5-20250929-v1:0");
    assert!(
        gov[0].contains("move to `us-gov.anthropic.claude-sonnet-5-5`"),
        "{gov:?}"
    );
    let jp_nova = texts("jp.amazon.nova-premier-v1:0");
    assert!(
        jp_nova[1].contains("move to `amazon.nova-2-pro-preview-20251202-v1:0`"),
        "{jp_nova:?}"
    );
    // An unlisted model has no catalog facts, so no warnings.
    let unlisted = models::ModelRef::unlisted("us.acme.new-v1:0", 100);
    assert!(rules::model_warnings(&unlisted).is_empty());
    let legacy = rules::Warning::Legacy {
        model: "anthropic.claude-x",
        since: Some("2026-01-01"),
        source: "AWS Bedrock user guide: model-lifecycle",
    };
    assert_eq!(
        legacy.to_string(),
        "anthropic.claude-x is legacy on Bedrock since 2026-01-01 (AWS Bedrock user guide: model-lifecycle): its end \
         of life follows; move to a current model"
    );
}

/// A model the sources say reasons, without documenting its settings: `reasoning` is refused with a message that
/// says so (nothing could send it), and the model itself is fine without it.
#[test]
fn reasoning_on_a_model_with_undocumented_settings() {
    use crate::ReasoningConfig;
    use crate::models::Effort;
    let mut profile = InferenceProfile::new("gpt");
    profile.model = Some(model("global.openai.gpt-6.1-sol"));
    profile.max_tokens = Some(131_072);
    assert!(check(&profile, Surface::Converse).is_empty());
    profile.reasoning = Some(ReasoningConfig {
        effort: Some(Effort::High),
        ..ReasoningConfig::EMPTY
    });
    let found: Vec<String> = check(&profile, Surface::Converse)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        found,
        [
            "`reasoning` cannot be sent to global.openai.gpt-6.1-sol: the sources say it reasons, but none documents \
          which reasoning settings it takes on Bedrock; leave `reasoning` out (the model uses its default)"
        ]
    );
}
