//! Declares the README's profiles, derives one, and prints each profile's effective settings as JSON.
//!
//! Run with `cargo run --example quickstart`.

use bedrock_profiles::{InferenceProfile, Surface, check, inference_profile};

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

    /// Same settings, more adventurous.
    pub(crate) CREATIVE {
        name: "creative-writing",
        temperature: 1.0,
        ..HIGH_QUALITY
    }

    /// Short, deterministic answers from a small model in any US region.
    pub FAST_FACTS {
        description: "Short factual answers",
        model: "us.amazon.nova-micro-v1:0",
        temperature: 0.1,
        max_tokens: 500,
        response_format: json_schema {
            name: "fact",
            schema: r#"{"type": "object", "properties": {"fact": {"type": "string"}}, "required": ["fact"]}"#,
        },
    }
}

fn main() -> Result<(), serde_json::Error> {
    let profiles: [&InferenceProfile; 3] = [&HIGH_QUALITY, &CREATIVE, &FAST_FACTS];
    for profile in profiles {
        // Already checked at compile time; the same rulebook is available at run time.
        assert!(check(profile, Surface::Converse).is_empty());
        println!("{}", serde_json::to_string_pretty(profile)?);
    }
    Ok(())
}
