use bedrock_profiles::inference_profile;

inference_profile! {
    pub JSON { response_format: json_schema { schema: r#"["type", "object"]"# } }
}

fn main() {}
