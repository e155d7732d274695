use bedrock_profiles::prompt;

#[prompt(
    text = "Hello {{customer}}",
    variant(name = "short", text = "Hi {{customer}}"),
)]
struct Greeting {
    customer: String,
    topic: String,
}

fn main() {}
