//! A profile with an error is reported once: a `#[prompt]` that uses it (as the prompt's profile and a variant's)
//! adds no error of its own.
use bedrock_profiles::prompt;

mod profiles {
    bedrock_profiles::inference_profile! {
        pub ANSWER { temperature: 2.0 }
    }
}

#[prompt(
    model = "anthropic.claude-sonnet-4-6",
    profile = profiles::ANSWER,
    text = "Hello {{customer}}",
    variant(name = "short", profile = profiles::ANSWER, text = "Hi {{customer}}"),
)]
struct SupportReply {
    customer: String,
}

fn main() {
    let _ = SupportReply { customer: String::new() };
}
