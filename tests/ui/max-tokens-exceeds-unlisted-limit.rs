use bedrock_profiles::inference_profile;

inference_profile! {
    pub NEXT {
        model: unlisted { id: "acme.next-v1:0", max_output_tokens: 1000 },
        max_tokens: 1001,
    }
}

fn main() {}
