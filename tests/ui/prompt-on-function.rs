use bedrock_profiles::prompt;

#[prompt(text = "Hello {{customer}}")]
fn greeting() {}

fn main() {
    greeting();
}
