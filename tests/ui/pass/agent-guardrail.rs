//! `#[agent(guardrail(...))]`: an id or an ARN, a version number (written as a number too) or `DRAFT`.

use bedrock_profiles::{Agent, agent};

#[agent(
    instruction = "You are a helpful assistant. Answer questions about orders politely and briefly.",
    model = "anthropic.claude-3-5-sonnet-20241022-v2:0",
    guardrail(id = "gr0abc123", version = 3),
)]
pub struct ById;

#[agent(
    instruction = "You are a helpful assistant. Answer questions about orders politely and briefly.",
    model = "anthropic.claude-3-5-sonnet-20241022-v2:0",
    guardrail(
        id = "arn:aws:bedrock:us-east-1:123456789012:guardrail/gr0abc123",
        version = "DRAFT",
    ),
)]
pub struct ByArn;

#[agent(
    instruction = "You are a helpful assistant. Answer questions about orders politely and briefly.",
    model = "anthropic.claude-3-5-sonnet-20241022-v2:0",
)]
pub struct Without;

const VERSION: &str = match ById::SPEC.guardrail {
    Some(g) => g.version,
    None => "",
};

fn main() {
    assert_eq!(VERSION, "3");
    let g = ById::SPEC.guardrail.expect("guardrail");
    assert_eq!((g.id, g.version), ("gr0abc123", "3"));
    let g = ByArn::SPEC.guardrail.expect("guardrail");
    assert_eq!(g.version, "DRAFT");
    assert!(g.id.ends_with(":guardrail/gr0abc123"));
    assert_eq!(Without::SPEC.guardrail, None);
}
