use bedrock_profiles::prompt;

#[prompt(
    text = "Hello {{customer}}",
    variant(name = "-concise", text = "Hi {{customer}}"),
)]
struct Greeting {
    customer: String,
}

fn main() {}
