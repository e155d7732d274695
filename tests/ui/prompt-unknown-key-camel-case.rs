use bedrock_profiles::prompt;

#[prompt(textFile = "prompts/greeting.txt")]
struct Greeting {
    customer: String,
}

fn main() {}
