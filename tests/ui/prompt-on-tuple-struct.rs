use bedrock_profiles::prompt;

#[prompt(text = "Hello {{customer}}")]
struct Greeting(String);

fn main() {}
