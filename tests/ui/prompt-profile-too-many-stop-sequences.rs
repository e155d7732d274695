use bedrock_profiles::{inference_profile, prompt};

inference_profile! {
    pub CHATTY { stop_sequences: ["a", "b", "c", "d", "e"] }
}

#[prompt(profile = CHATTY, text = "Hello {{customer}}")]
struct Greeting {
    customer: String,
}

fn main() {}
