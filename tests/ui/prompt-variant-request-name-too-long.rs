use bedrock_profiles::prompt;

// Each name is valid on its own; the variant is created as the prompt `<prompt>-<variant>`, 120 letters and digits.
#[prompt(
    name = "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghij",
    text = "Hello {{customer}}",
    variant(name = "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghij", text = "Hi {{customer}}"),
)]
pub struct Greeting {
    pub customer: String,
}

fn main() {}
