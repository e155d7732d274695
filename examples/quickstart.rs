//! Declares the README's profiles, derives one, and prints each profile's effective settings as JSON; then renders
//! a prompt and declares an agent that use them.
//!
//! Run with `cargo run --example quickstart --features serde`.

use bedrock_profiles::{
    Agent, InferenceProfile, Prompt, Surface, agent, check, inference_profile, prompt,
};

inference_profile! {
    /// A profile for high-quality responses.
    pub HIGH_QUALITY {
        name: "my-inference-profile",
        description: "A profile for high-quality responses",
        model: "us.anthropic.claude-sonnet-4-6",
        temperature: 0.7,
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

/// Answers questions about orders.
#[agent(
    name = "my-agent",
    description = "Answers order questions",
    instruction = "You are a helpful assistant. Answer questions about orders politely and briefly.",
    model = "us.anthropic.claude-sonnet-4-6",
    profile = HIGH_QUALITY,
    idle_session_ttl = "10m",
    base_prompt_templates(orchestration = "$instruction$ $question$"),
)]
pub struct SupportAgent;
/// The README's prompt: its placeholders are checked against the fields, its profile against its model.
#[prompt(
    name = "my-prompt",
    description = "Greets a customer",
    model = "us.anthropic.claude-sonnet-4-6",
    profile = HIGH_QUALITY,
    text = "Hello {{customer}}, how can I help you with {{topic}}?",
    variant(name = "concise", profile = FAST_FACTS, model = "us.amazon.nova-micro-v1:0", text = "{{customer}}: {{topic}}?"),
)]
pub struct Greeting<'a> {
    pub customer: &'a str,
    pub topic: String,
}

fn main() -> Result<(), serde_json::Error> {
    let profiles: [&InferenceProfile; 3] = [&HIGH_QUALITY, &CREATIVE, &FAST_FACTS];
    for profile in profiles {
        // Already checked at compile time; the same rulebook is available at run time.
        assert!(check(profile, Surface::Converse).is_empty());
        println!("{}", serde_json::to_string_pretty(profile)?);
    }

    let spec = SupportAgent::SPEC;
    assert!(bedrock_profiles::agent::check(spec).is_empty());
    println!("agent {} ({})", spec.name, spec.model_id());
    println!("  instruction: {}", spec.instruction);
    if let Some(seconds) = spec.idle_session_ttl {
        println!("  idle session TTL: {seconds} s");
    }
    for (step, profile) in spec.profiles() {
        println!("  {}: {}", step.as_str(), profile.name());
    }
    let greeting = Greeting {
        customer: "Ada",
        topic: "billing".into(),
    };
    for variant in Greeting::SPEC.variants {
        let text = greeting.render_variant(variant.name).unwrap_or_default();
        println!(
            "prompt {} / {} ({}, {}): {text}",
            Greeting::SPEC.name,
            variant.name,
            variant.model_id().unwrap_or("no model"),
            variant.template_type.as_str(),
        );
    }
    assert_eq!(
        greeting.render(),
        "Hello Ada, how can I help you with billing?"
    );
    Ok(())
}
