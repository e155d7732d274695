use bedrock_profiles::prompt;

#[prompt(name = "my prompt", text = "Hello {{customer}}")]
struct Greeting {
    customer: String,
}

fn main() {}
