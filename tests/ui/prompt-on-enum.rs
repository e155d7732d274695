use bedrock_profiles::prompt;

#[prompt(text = "Hello {{customer}}")]
enum Greeting {
    Customer(String),
}

fn main() {
    // No cascade: the enum still implements `Prompt` (a stub).
    let _ = <Greeting as bedrock_profiles::Prompt>::SPEC;
}
