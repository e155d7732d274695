use bedrock_profiles::prompt;

#[prompt(
    text = "Hello {{customer}}",
    variant(name = "short", text = "Hi {{customer}}"),
    variant(name = "short", text = "Yo {{customer}}"),
)]
struct Greeting {
    customer: String,
}

fn main() {}
