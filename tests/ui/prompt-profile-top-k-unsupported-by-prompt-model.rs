use bedrock_profiles::{inference_profile, prompt};

inference_profile! {
    pub SAMPLED { top_k: 50 }
}

#[prompt(model = "meta.llama3-1-70b-instruct-v1:0", profile = SAMPLED, text = "Hello {{customer}}")]
struct Greeting {
    customer: String,
}

fn main() {}
