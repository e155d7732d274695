//! What Bedrock receives: a profile, a prompt and an agent as the request bodies of Converse, InvokeModel,
//! CreatePrompt and CreateAgent.
//!
//! Run with `cargo run --example converse --features wire`.

use bedrock_profiles::wire::agent::CreateAgentRequest;
use bedrock_profiles::wire::converse::ConverseRequest;
use bedrock_profiles::wire::prompt::create_prompt_requests;
use bedrock_profiles::wire::{Conversation, invoke};
use bedrock_profiles::{Agent, Prompt, PromptType, agent, inference_profile, prompt};
use std::error::Error;

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
}

/// A prompt, with the customer and topic as checked variables.
#[prompt(
    name = "my-prompt",
    description = "Greets a customer",
    model = "us.anthropic.claude-sonnet-4-6",
    profile = HIGH_QUALITY,
    text = "Hello {{customer}}, how can I help you with {{topic}}?",
)]
pub struct Greeting<'a> {
    pub customer: &'a str,
    pub topic: String,
}

/// An agent; its instruction is long enough for Bedrock (40..=4000 characters).
#[agent(
    name = "my-agent",
    description = "Answers order questions",
    instruction = "You are a helpful assistant. Answer questions about orders politely and briefly.",
    model = "us.anthropic.claude-sonnet-4-6",
    profile = HIGH_QUALITY,
    idle_session_ttl = 600,
    base_prompt_templates(orchestration = "$instruction$ $question$"),
)]
pub struct SupportAgent;

fn print(title: &str, body: &serde_json::Value) -> Result<(), Box<dyn Error>> {
    println!("// {title}\n{}\n", serde_json::to_string_pretty(body)?);
    Ok(())
}

fn main() -> Result<(), Box<dyn Error>> {
    let greeting = Greeting {
        customer: "Ada",
        topic: "billing".into(),
    };

    let converse = ConverseRequest::for_profile(&HIGH_QUALITY)?.with_prompt(&greeting)?;
    print("Converse", &converse.to_json())?;

    let native = invoke::body(&HIGH_QUALITY, None, &Conversation::from_prompt(&greeting))?;
    print("InvokeModel (Anthropic Messages)", &native)?;

    for request in create_prompt_requests(&Greeting::SPEC)? {
        print("CreatePrompt", &request)?;
    }

    // Bedrock applies a step's inference configuration only to an overridden prompt, so the orchestration step
    // needs its base prompt template (here a minimal Anthropic Messages one with Bedrock's placeholders).
    let template = r#"{"anthropic_version":"bedrock-2023-05-31","system":"$instruction$","messages":[{"role":"user","content":"$question$"}]}"#;
    let agent = CreateAgentRequest::new(SupportAgent::SPEC)
        .base_prompt_template(PromptType::Orchestration, template)
        .to_json()?;
    print("CreateAgent", &agent)?;
    Ok(())
}
