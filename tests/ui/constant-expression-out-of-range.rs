use bedrock_profiles::inference_profile;

const WARM: f32 = 0.6 * 2.0;

inference_profile! {
    pub COMPUTED { temperature: WARM }
}

fn main() {}
