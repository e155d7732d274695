use bedrock_profiles::inference_profile;

inference_profile! {
    pub STOPS { stop_sequences: ["Human:", "Assistant:", "Human:"] }
}

fn main() {}
