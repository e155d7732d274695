use bedrock_profiles::inference_profile;

inference_profile! {
    pub JSON {
        response_format: json_schema {
            name: "answer",
            schema: r#"{"type": "object" "properties": {}}"#,
        },
    }
}

fn main() {}
