use bedrock_profiles::prompt;

#[prompt(text = "Hello {{customer}}", variant(text = "Hi {{customer}}"))]
struct Greeting {
    customer: String,
}

fn main() {}
