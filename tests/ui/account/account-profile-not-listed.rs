// A cross-region profile no synced region of the account lists: AWS's own answer says it does not exist there.
use bedrock_profiles::inference_profile;

inference_profile! {
    pub APAC {
        model: "apac.anthropic.claude-sonnet-4-6",
    }
}

fn main() {}
