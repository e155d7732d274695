use bedrock_profiles::prompt;

const TEMPLATE: &str = "Hello {{customer}}";

#[prompt(text = TEMPLATE)]
struct Greeting {
    customer: String,
}

fn main() {}
