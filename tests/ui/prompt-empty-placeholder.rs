use bedrock_profiles::prompt;

#[prompt(text = "Hello {{customer}}\nabout {{}}")]
struct Greeting {
    customer: String,
}

fn main() {}
