use bedrock_profiles::prompt;

#[prompt(description = "", text = "Hello {{customer}}")]
struct Greeting {
    customer: String,
}

fn main() {}
