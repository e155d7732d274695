//! One profile per reasoning mode, and a guardrail; checks what reaches the runtime values.
use bedrock_profiles::inference_profile;
use bedrock_profiles::models::Effort;
use bedrock_profiles::{Thinking, Trace};

inference_profile! {
    pub DEEP { model: "us.anthropic.claude-sonnet-4-20250514-v1:0", max_tokens: 16000,
               reasoning: { budget_tokens: 8000 } }
    pub LONG_TURN { model: "anthropic.claude-opus-4-1-20250805-v1:0", max_tokens: 4000,
                    reasoning: { budget_tokens: 16000, interleaved: true } }
    pub ADAPTIVE { model: "global.anthropic.claude-opus-4-7", reasoning: { effort: "xhigh" },
                   guardrail: { id: "gr0abc123", version: "3", trace: "enabled" } }
    pub QUIET { model: "anthropic.claude-haiku-5-5", reasoning: { thinking: "off", effort: "high" } }
    pub BETWEEN { model: "us.anthropic.claude-sonnet-5-5", reasoning: { thinking: "between_tools" } }
    pub NOVA_THINKS { model: "us.amazon.nova-2-lite-v1:0", reasoning: { effort: "medium" } }
    pub NOVA_OFF { model: "global.amazon.nova-2-lite-v1:0", temperature: 0.3, reasoning: { thinking: "off" } }
    pub OSS { model: "openai.gpt-oss-120b-1:0", max_tokens: 4000, reasoning: { effort: "high" } }
    pub FABLE { model: "us.anthropic.claude-fable-5-1", top_p: 0.99 }
    pub GUARDED { model: "amazon.nova-pro-v1:0",
                  guardrail: { id: "arn:aws:bedrock:us-east-1:123456789012:guardrail/gr0abc123", version: "DRAFT" } }
    pub PLAIN { reasoning: None, ..ADAPTIVE }
}

fn main() {
    assert_eq!(DEEP.reasoning.unwrap().budget_tokens, Some(8000));
    assert!(LONG_TURN.reasoning.unwrap().interleaved);
    assert_eq!(ADAPTIVE.reasoning.unwrap().effort, Some(Effort::Xhigh));
    assert_eq!(ADAPTIVE.guardrail.as_ref().unwrap().trace, Some(Trace::Enabled));
    assert_eq!(QUIET.reasoning.unwrap().thinking, Some(Thinking::Off));
    assert_eq!(BETWEEN.reasoning.unwrap().thinking, Some(Thinking::BetweenTools));
    assert_eq!(NOVA_THINKS.reasoning.unwrap().effort, Some(Effort::Medium));
    assert!(NOVA_OFF.reasoning.unwrap().is_off());
    assert_eq!(OSS.reasoning.unwrap().effort, Some(Effort::High));
    assert_eq!(FABLE.top_p, Some(0.99));
    assert_eq!(GUARDED.guardrail.as_ref().unwrap().version(), "DRAFT");
    assert!(PLAIN.reasoning.is_none() && PLAIN.guardrail.is_some());
}
