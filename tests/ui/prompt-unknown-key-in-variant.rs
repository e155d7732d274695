use bedrock_profiles::prompt;

#[prompt(text = "Hello {{customer}}", variant(name = "short", description = "Short"))]
struct Greeting {
    customer: String,
}

fn main() {}
