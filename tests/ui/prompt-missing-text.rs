use bedrock_profiles::prompt;

#[prompt(name = "greeting")]
struct Greeting {
    customer: String,
}

fn main() {}
