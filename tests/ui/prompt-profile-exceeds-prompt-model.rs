use bedrock_profiles::prompt;

mod profiles {
    bedrock_profiles::inference_profile! {
        pub LONG { model: "anthropic.claude-3-5-sonnet-20241022-v2:0", max_tokens: 8000 }
    }
}

#[prompt(
    model = "anthropic.claude-3-haiku-20240307-v1:0",
    profile = profiles::LONG,
    text = "Hello {{customer}}",
)]
struct Greeting {
    customer: String,
}

fn main() {}
