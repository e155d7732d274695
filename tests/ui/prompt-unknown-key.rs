use bedrock_profiles::prompt;

#[prompt(txt = "Hello {{customer}}")]
struct Greeting {
    customer: String,
}

fn main() {}
