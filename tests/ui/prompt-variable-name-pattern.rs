use bedrock_profiles::prompt;

#[prompt(text = "Hello {{customer__name}}")]
struct Greeting {
    customer__name: String,
}

fn main() {}
