//! A thinking budget over a base of another invocation that sets `max_tokens`: the macro cannot see that base, so
//! the `const` assertion, not the macro, checks that the budget is below it.
use bedrock_profiles::inference_profile;

inference_profile! {
    pub BASE { model: "anthropic.claude-sonnet-4-6", max_tokens: 16000 }
}

mod derived {
    bedrock_profiles::inference_profile! {
        pub THINKING { reasoning: { budget_tokens: 2000 }, ..super::BASE }
    }
}

fn main() {
    assert_eq!(derived::THINKING.max_tokens, Some(16000));
    assert_eq!(
        derived::THINKING.reasoning.as_ref().and_then(|r| r.budget_tokens),
        Some(2000)
    );
}
