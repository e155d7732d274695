//! Declared profiles at run time: reading them allocates nothing, serde round-trips them with the DSL's keys, and
//! the rulebook reports bad deserialized values with the macro's words.
// These tests pin the rules on models past their end of life too: their profiles warn (`deprecated`).
#![allow(deprecated)]

use bedrock_profiles::{InferenceProfile, Surface, check, inference_profile};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// Counts the allocations of the current thread (other tests run on other threads).
struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn allocations() -> usize {
    ALLOCATIONS.with(Cell::get)
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // `try_with`: the thread-local may already be gone while a thread shuts down.
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

inference_profile! {
    /// A profile for high-quality responses.
    pub HIGH_QUALITY {
        name: "my-inference-profile",
        description: "A profile for high-quality responses",
        model: "anthropic.claude-3-5-sonnet-20241022-v2:0",
        temperature: 0.7,
        top_p: 0.9,
        max_tokens: 2000,
        stop_sequences: ["Human:", "Assistant:"],
        top_k: 250,
        anthropic_version: "bedrock-2023-05-31",
    }

    pub CREATIVE { name: "creative-writing", temperature: 1.0, ..HIGH_QUALITY }

    pub STRUCTURED {
        model: "us.amazon.nova-pro-v1:0",
        response_format: json_schema { name: "answer", schema: r#"{"type": "object"}"# },
    }

    pub NEXT { model: unlisted { id: "acme.next-v1:0", max_output_tokens: 9000 }, max_tokens: 9000 }
}

#[test]
fn reading_a_const_profile_allocates_nothing() {
    let before = allocations();
    let mut sum = 0usize;
    for p in [&HIGH_QUALITY, &CREATIVE, &STRUCTURED, &NEXT] {
        sum +=
            p.name().len() + p.description().map_or(0, str::len) + p.model_id().map_or(0, str::len);
        sum += p.stop_sequences().map(str::len).sum::<usize>();
        sum +=
            p.temperature.map_or(0, |t| (t * 10.0) as usize) + p.max_tokens.unwrap_or(0) as usize;
        sum += p.anthropic_version().map_or(0, str::len);
        sum += p
            .model
            .as_ref()
            .and_then(|m| m.limits())
            .map_or(0, |l| l.max_output_tokens as usize);
    }
    let after = allocations();
    assert!(sum > 0);
    assert_eq!(after - before, 0, "reading const profiles allocated");
}

#[test]
fn serde_round_trip_with_the_dsl_keys() {
    for p in [&HIGH_QUALITY, &CREATIVE, &STRUCTURED, &NEXT] {
        let json = serde_json::to_string(p).unwrap();
        let back: InferenceProfile = serde_json::from_str(&json).unwrap();
        assert_eq!(&back, p, "{json}");
    }
    let json = serde_json::to_value(&HIGH_QUALITY).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "name": "my-inference-profile",
            "description": "A profile for high-quality responses",
            "version": 1,
            "model": "anthropic.claude-3-5-sonnet-20241022-v2:0",
            "temperature": 0.7,
            "top_p": 0.9,
            "top_k": 250,
            "max_tokens": 2000,
            "stop_sequences": ["Human:", "Assistant:"],
            "anthropic_version": "bedrock-2023-05-31"
        })
    );
    // f32 values print as declared, not widened (0.7, never 0.699999988079071).
    assert!(
        serde_json::to_string(&HIGH_QUALITY)
            .unwrap()
            .contains("\"temperature\":0.7,")
    );
    assert_eq!(
        serde_json::to_value(&NEXT).unwrap()["model"],
        serde_json::json!({"id": "acme.next-v1:0", "max_output_tokens": 9000})
    );
    assert_eq!(
        serde_json::to_value(&STRUCTURED).unwrap()["response_format"],
        serde_json::json!({"json_schema": {"name": "answer", "schema": "{\"type\": \"object\"}"}})
    );
}

#[test]
fn deserialized_profiles_are_checked_by_the_same_rulebook() {
    let err = serde_json::from_str::<InferenceProfile>(
        r#"{"name": "loaded", "model": "anthropic.claude-3-haiku-20240307-v1:0", "max_tokens": 5000, "top_k": 501}"#,
    )
    .unwrap_err()
    .to_string();
    // Every violation of the rulebook, in its words, with the key it is on (serde adds the position).
    let mut profile = InferenceProfile::new("loaded");
    profile.model =
        Some(bedrock_profiles::models::resolve("anthropic.claude-3-haiku-20240307-v1:0").unwrap());
    profile.max_tokens = Some(5000);
    profile.top_k = Some(501);
    let expected: Vec<String> = check(&profile, Surface::Converse)
        .iter()
        .map(|v| format!("`{}`: {v}", v.key().as_str()))
        .collect();
    assert_eq!(expected.len(), 2);
    assert!(err.starts_with(&expected.join("; ")), "{err}");
    assert!(err.starts_with(
        "`top_k`: `top_k` must be within 0..=500, found 501; `max_tokens`: `max_tokens` 5000 exceeds the 4096 output tokens of anthropic.claude-3-haiku-20240307-v1:0"
    ), "{err}");
    // A valid profile reads back equal to the declared one.
    let json = serde_json::to_string(&HIGH_QUALITY).unwrap();
    assert_eq!(
        serde_json::from_str::<InferenceProfile>(&json).unwrap(),
        HIGH_QUALITY
    );
}

#[test]
fn deserialization_errors_name_the_problem() {
    let err = |json: &str| {
        serde_json::from_str::<InferenceProfile>(json)
            .unwrap_err()
            .to_string()
    };
    let starts = |json: &str, prefix: &str| {
        let e = err(json);
        assert!(e.starts_with(prefix), "{json}: {e}");
    };
    starts(
        r#"{"name": "x", "topP": 0.5}"#,
        "`topP`: unknown key `topP`; did you mean `top_p`?",
    );
    starts(
        r#"{"name": "x", "model": "anthropic.claude-3-haiku"}"#,
        "`model`: unknown model `anthropic.claude-3-haiku`; did you mean",
    );
    starts(
        r#"{"name": "x", "model": {"id": "amazon.nova-pro-v1:0", "max_output_tokens": 1}}"#,
        "`model.id`: `amazon.nova-pro-v1:0` is in the catalog (10000 output tokens)",
    );
    starts(
        r#"{"name": "x", "model": {"id": "acme.next-v1:0", "max_output_tokens": 0}}"#,
        "`model.max_output_tokens`: `max_output_tokens` must be at least 1, found 0",
    );
    starts(
        r#"{"name": "x", "max_tokens": -1}"#,
        "`max_tokens`: `max_tokens` cannot be negative, found -1",
    );
    starts(
        r#"{"name": "x", "extends": "y"}"#,
        "`extends`: unknown key `extends`",
    );
    starts(r#"{"temperature": 0.5}"#, "missing field `name`");
    starts(
        r#"[1]"#,
        "an inference profile is a map of settings, found a list",
    );
}
