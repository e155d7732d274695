//! A `..BASE` naming a profile of the same invocation is merged by the macro: in any order, in a chain, inside an
//! `impl` block (generic too) with a bare name or `Self::`, and a module-level const of the same name does not take
//! its place.
use bedrock_profiles::{InferenceProfile, inference_profile};

/// Not the `BASE` the `impl` block's profiles derive from.
#[allow(dead_code)]
pub const BASE: InferenceProfile = InferenceProfile::EMPTY;

pub struct Assistant;

impl Assistant {
    inference_profile! {
        pub BASE {
            model: "us.anthropic.claude-sonnet-4-20250514-v1:0",
            temperature: 0.5,
            max_tokens: 1000,
            stop_sequences: ["Human:"],
            tags: { "team": "search", "env": "dev" },
        }
        pub SHORT { max_tokens: 200, tags: { "env": "prod", "owner": "ml" }, ..BASE }
        pub SHORTER { max_tokens: 100, stop_sequences: None, ..Self::SHORT }
    }
}

/// In a generic `impl`, merging tags over `Self::BASE` in `const` code would need `Self` in a const generic, which
/// rustc refuses; merged by the macro, it needs nothing of the kind.
pub struct Holder<T>(std::marker::PhantomData<T>);

impl<T> Holder<T> {
    inference_profile! {
        pub BASE { model: "amazon.nova-micro-v1:0", tags: { "team": "a" } }
        pub TAGGED { tags: { "env": "prod" }, ..Self::BASE }
    }
}

inference_profile! {
    /// Declared before its base.
    pub LATE { temperature: 0.2, ..EARLY }
    pub EARLY { model: "amazon.nova-micro-v1:0", max_tokens: 300, description: "early" }
}

fn main() {
    let short = Assistant::SHORT;
    assert_eq!(short.name(), "short");
    assert_eq!(short.model, Assistant::BASE.model);
    assert_eq!(short.temperature, Some(0.5));
    assert_eq!(short.max_tokens, Some(200));
    assert_eq!(short.stop_sequences().collect::<Vec<_>>(), ["Human:"]);
    // The base's keys in order with the overridden value, then the new key.
    let tags: Vec<_> = short.tags().collect();
    assert_eq!(tags, [("team", "search"), ("env", "prod"), ("owner", "ml")]);

    let shorter = Assistant::SHORTER;
    assert_eq!(shorter.max_tokens, Some(100));
    assert_eq!(shorter.stop_sequences().count(), 0);
    assert_eq!(shorter.tags().count(), 3);
    assert_eq!(shorter.model, Assistant::BASE.model);

    assert_eq!(LATE.max_tokens, Some(300));
    assert_eq!(LATE.temperature, Some(0.2));
    assert_eq!(LATE.description.as_deref(), Some("early"));
    assert_eq!(LATE.model, EARLY.model);

    let tags: Vec<_> = Holder::<u8>::TAGGED.tags().collect();
    assert_eq!(tags, [("team", "a"), ("env", "prod")]);
}
