use bedrock_profiles::inference_profile;

inference_profile! {
    pub NEXT { model: unlisted { id: "acme.next-v1:0" } }
}

fn main() {}
