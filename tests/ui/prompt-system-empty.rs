use bedrock_profiles::prompt;

#[prompt(text = "Hello {{customer}}", system = "")]
pub struct Greeting {
    pub customer: String,
}

fn main() {}
