// A malformed account catalog: one error at the macro call naming the file, line, column and key; the items are
// still generated from the crate's catalog, so using them adds no error.
use bedrock_profiles::inference_profile;

inference_profile! {
    pub FINE {
        model: "anthropic.claude-sonnet-4-6",
    }
}

fn main() {
    let _ = FINE;
}
