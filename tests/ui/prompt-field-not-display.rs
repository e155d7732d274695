use bedrock_profiles::prompt;

struct Opaque;

#[prompt(text = "Hello {{customer}}")]
struct Greeting {
    customer: Opaque,
}

fn main() {}
