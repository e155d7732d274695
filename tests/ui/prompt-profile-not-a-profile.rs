use bedrock_profiles::prompt;

const NOT_A_PROFILE: u32 = 1;

#[prompt(profile = NOT_A_PROFILE, text = "Hello {{customer}}")]
struct Greeting {
    customer: String,
}

fn main() {}
