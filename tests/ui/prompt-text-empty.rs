use bedrock_profiles::prompt;

#[prompt(text = "")]
struct Empty {}

fn main() {}
