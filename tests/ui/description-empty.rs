use bedrock_profiles::inference_profile;

inference_profile! {
    pub SILENT { description: "" }
}

fn main() {}
