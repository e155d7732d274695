use bedrock_profiles::prompt;

#[prompt(text = "Hello {{customer.name}}")]
struct Greeting {
    customer: String,
}

fn main() {}
