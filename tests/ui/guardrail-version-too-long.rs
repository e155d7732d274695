use bedrock_profiles::inference_profile;

inference_profile! {
    pub P { model: "anthropic.claude-opus-4-7", guardrail: { id: "gr0abc123", version: "123456789" } }
}

fn main() {}
