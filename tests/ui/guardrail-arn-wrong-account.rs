use bedrock_profiles::inference_profile;

inference_profile! {
    pub P { model: "anthropic.claude-opus-4-7", guardrail: { id: "arn:aws:bedrock:us-east-1:1234:guardrail/abc", version: "1" } }
}

fn main() {}
