//! `JsonSchemaDefinition.description` has no length limit (bedrock-runtime 2023-09-30): a long one is accepted.
use bedrock_profiles::inference_profile;

inference_profile! {
    pub STRUCTURED {
        model: "amazon.nova-lite-v1:0",
        response_format: json_schema {
            name: "answer",
            description: "An answer with its sources: every source is a URL the model read, in the order it read them, with the passage it used, the date of the page when the page gives one, and a confidence between zero and one that says how sure the model is that the passage supports the answer.",
            schema: r#"{"type": "object"}"#,
        },
    }
}

fn main() {
    let Some(bedrock_profiles::ResponseFormat::JsonSchema(schema)) = &STRUCTURED.response_format else {
        panic!("a JSON schema")
    };
    assert!(schema.description.as_deref().unwrap_or_default().chars().count() > 200);
}
