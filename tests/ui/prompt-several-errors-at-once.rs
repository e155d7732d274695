use bedrock_profiles::prompt;

#[prompt(
    name = "bad name",
    description = "",
    text = "Hello {{ customer }} about {{topc}}",
    system = "{{unclosed",
)]
struct Greeting {
    customer: String,
    topic: String,
}

fn main() {}
