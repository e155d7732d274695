//! A profile with an error is reported once: its uses, a profile of the same invocation derived from it and one of
//! another invocation raise no errors of their own, and the other profiles of its invocation stand.
use bedrock_profiles::inference_profile;

inference_profile! {
    pub BAD { temperature: 2.0 }
    pub DERIVED_HERE { max_tokens: 10, ..BAD }
    pub GOOD { temperature: 0.5 }
}

inference_profile! {
    pub DERIVED_THERE { max_tokens: 10, ..BAD }
}

fn main() {
    let _ = (BAD, DERIVED_HERE, DERIVED_THERE);
    assert_eq!(GOOD.temperature, Some(0.5));
}
