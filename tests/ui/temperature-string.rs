use bedrock_profiles::inference_profile;

inference_profile! {
    pub QUOTED { temperature: "0.7" }
}

fn main() {}
