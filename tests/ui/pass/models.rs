//! Every way of naming a model, and structured output.
use bedrock_profiles::inference_profile;
use bedrock_profiles::models::{self, ModelTarget};

inference_profile! {
    pub CROSS_REGION { model: "global.anthropic.claude-haiku-4-5-20251001-v1:0", max_tokens: 64000 }

    pub FOUNDATION_ARN {
        model: "arn:aws:bedrock:us-west-2::foundation-model/meta.llama3-1-70b-instruct-v1:0",
        max_tokens: 2048,
    }

    /// An application inference profile says nothing about its model: only the surface's limits apply (and
    /// `top_k`, which travels in the model's own fields, cannot be routed: tests/ui/top-k-through-application-profile.rs).
    pub APPLICATION {
        model: "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123",
        max_tokens: 100000,
    }

    pub UNLISTED {
        model: unlisted { id: "anthropic.claude-next-v1:0", max_output_tokens: 128000 },
        max_tokens: 128000,
        anthropic_version: "bedrock-2023-05-31",
    }

    pub STRUCTURED {
        model: "amazon.nova-lite-v1:0",
        response_format: json_schema {
            name: "answer",
            description: "The answer and how sure the model is",
            schema: r#"{"type": "object", "properties": {"answer": {"type": "string"}, "confidence": {"type": "number"}}}"#,
        },
    }
}

fn main() {
    assert_eq!(
        CROSS_REGION.model.as_ref().unwrap().target,
        ModelTarget::CrossRegion(models::Geo::Global, &models::ANTHROPIC_CLAUDE_HAIKU_4_5)
    );
    assert_eq!(FOUNDATION_ARN.model.as_ref().unwrap().catalog_model(), Some(&models::META_LLAMA3_1_70B_INSTRUCT));
    assert_eq!(APPLICATION.model.as_ref().unwrap().limits(), None);
    assert_eq!(UNLISTED.model.as_ref().unwrap().limits().unwrap().max_output_tokens, 128000);
    let bedrock_profiles::ResponseFormat::JsonSchema(schema) = STRUCTURED.response_format.as_ref().unwrap();
    assert_eq!(schema.name.as_deref(), Some("answer"));
    assert!(schema.schema.starts_with("{\"type\": \"object\""));
}
