use bedrock_profiles::{ModelRef, inference_profile};

const NEXT_MODEL: ModelRef = ModelRef::unlisted("acme.next-v1:0", 4000);

inference_profile! {
    pub TOO_LONG { model: NEXT_MODEL, max_tokens: 5000 }
}

fn main() {}
