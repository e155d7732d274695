use bedrock_profiles::prompt;

#[prompt(text = "Hello {{customer, how can I help?")]
struct Greeting {
    customer: String,
}

fn main() {}
