use bedrock_profiles::prompt;

#[prompt(text = "Hello {{customer}}")]
struct Greeting {
    customer: String,
    topic: String,
}

fn main() {}
