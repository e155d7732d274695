use bedrock_profiles::prompt;

#[prompt(text_file = "prompts/no-such-file.txt")]
struct Greeting {
    customer: String,
}

fn main() {}
