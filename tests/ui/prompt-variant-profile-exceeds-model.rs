use bedrock_profiles::{inference_profile, prompt};

inference_profile! {
    pub LONG { max_tokens: 8000 }
}

#[prompt(
    model = "anthropic.claude-3-5-sonnet-20241022-v2:0",
    profile = LONG,
    text = "Hello {{customer}}",
    variant(name = "cheap", model = "anthropic.claude-3-haiku-20240307-v1:0", text = "Hi {{customer}}"),
)]
struct Greeting {
    customer: String,
}

fn main() {}
