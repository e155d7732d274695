use bedrock_profiles::prompt;

#[prompt(model = "anthropic.claude-3-haiku", text = "Hello {{customer}}")]
struct Greeting {
    customer: String,
}

fn main() {}
