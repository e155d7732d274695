// A description is `CreateInferenceProfile`'s only when the profile is deployed (declares tags): a profile sent
// only to Converse may keep prose in it.
use bedrock_profiles::inference_profile;

inference_profile! {
    pub ANSWER {
        model: "us.anthropic.claude-sonnet-4-6",
        description: "Answers customers, briefly and politely!",
        max_tokens: 2000,
    }
}

fn main() {
    assert_eq!(
        ANSWER.description(),
        Some("Answers customers, briefly and politely!")
    );
}
