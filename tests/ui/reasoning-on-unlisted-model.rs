use bedrock_profiles::inference_profile;

inference_profile! {
    pub P { model: unlisted { id: "anthropic.claude-next", max_output_tokens: 1000 }, reasoning: { effort: "low" } }
}

fn main() {}
