//! A profile with an error is reported once: profiles of other invocations derived from it (with `..super::BASE`,
//! through a second derivation, with its tags cleared) and a prompt that uses one of them add
//! no errors of their own, though each would break a rule over the stub that stands for the broken profile.
use bedrock_profiles::{inference_profile, prompt};

inference_profile! {
    pub BASE { model: "anthropic.claude-sonnet-4-6", max_tokens: 16000, temperature: 2.0 }
}

mod derived {
    bedrock_profiles::inference_profile! {
        // `budget_tokens` needs `max_tokens`, which only the broken base sets.
        pub THINKING { reasoning: { budget_tokens: 2000 }, ..super::BASE }
    }
}

mod chain {
    bedrock_profiles::inference_profile! {
        pub UNTAGGED { tags: None, ..super::derived::THINKING }
    }
    bedrock_profiles::inference_profile! {
        pub FURTHER { version: 2, ..UNTAGGED }
    }
}

#[prompt(
    model = "anthropic.claude-sonnet-4-6",
    profile = chain::FURTHER,
    text = "Hello {{customer}}",
)]
struct SupportReply {
    customer: String,
}

fn main() {
    let _ = SupportReply { customer: String::new() };
}
