use bedrock_profiles::prompt;

#[prompt(text = "Hello {{customer}}, about {{topc}}")]
struct Greeting {
    customer: String,
    topic: String,
}

fn main() {}
