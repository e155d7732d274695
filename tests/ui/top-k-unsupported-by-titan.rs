use bedrock_profiles::inference_profile;

inference_profile! {
    pub TITAN { model: "amazon.titan-text-express-v1", top_k: 50 }
}

fn main() {}
