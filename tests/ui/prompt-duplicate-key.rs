use bedrock_profiles::prompt;

#[prompt(text = "Hello {{customer}}", text = "Hi {{customer}}")]
struct Greeting {
    customer: String,
}

fn main() {}
