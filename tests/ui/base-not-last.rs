use bedrock_profiles::inference_profile;

inference_profile! {
    pub BASE { temperature: 0.5 }
    pub DERIVED { ..BASE, top_p: 0.5 }
}

fn main() {}
