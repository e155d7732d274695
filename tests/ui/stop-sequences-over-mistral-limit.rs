use bedrock_profiles::inference_profile;

inference_profile! {
    pub STOPS {
        model: "mistral.mistral-7b-instruct-v0:2",
        stop_sequences: ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"],
    }
}

fn main() {}
