use bedrock_profiles::prompt;

#[prompt(text = "Hello {{customer}}", text_file = "prompts/greeting.txt")]
struct Greeting {
    customer: String,
}

fn main() {}
