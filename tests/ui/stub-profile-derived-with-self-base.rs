//! A profile with an error is reported once: an associated profile of another invocation derived from it with
//! `..Self::BASE` (checked where it is used) adds no error of its own. (Today rustc stops at the base's error
//! before it evaluates the consts a function body uses, so this case would hold without the stub's mark too; the
//! mark, which `checked` honours, keeps it so whatever that order.)
use bedrock_profiles::inference_profile;

pub struct Assistant;

impl Assistant {
    inference_profile! {
        pub BASE { model: "anthropic.claude-sonnet-4-6", max_tokens: 16000, temperature: 2.0 }
    }
    inference_profile! {
        // `budget_tokens` needs `max_tokens`, which only the broken base sets.
        pub THINKING { reasoning: { budget_tokens: 2000 }, ..Self::BASE }
    }
}

fn main() {
    let _ = Assistant::THINKING;
}
