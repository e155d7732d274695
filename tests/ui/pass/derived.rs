//! `..BASE` across modules, `None` to clear an inherited setting, and constant expressions.
use bedrock_profiles::inference_profile;

mod base {
    bedrock_profiles::inference_profile! {
        /// The base.
        pub BALANCED {
            description: "Balanced defaults",
            version: 2,
            model: "anthropic.claude-3-5-sonnet-20241022-v2:0",
            temperature: 0.5,
            top_p: 0.9,
            max_tokens: 2000,
            stop_sequences: ["Human:"],
        }
    }
}

pub mod limits {
    pub const LONG: u32 = 4 * 1024;
    pub const WARM: f32 = 0.8;
}

inference_profile! {
    /// Inherits everything but the name and the temperature.
    pub WARM {
        temperature: limits::WARM,
        ..base::BALANCED
    }

    /// Moves to Sonnet 4.5, which takes temperature or top_p but not both: top_p is cleared.
    pub SONNET_45 {
        model: "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
        top_p: None,
        max_tokens: limits::LONG,
        ..WARM
    }
}

/// A model given as a constant expression (built by a `const fn`).
const NEXT_MODEL: bedrock_profiles::ModelRef = bedrock_profiles::ModelRef::unlisted("acme.next-v1:0", 4000);

inference_profile! {
    pub UNLISTED_BASE {
        model: unlisted { id: "acme.next-v1:0", max_output_tokens: 4000 },
        max_tokens: 3000,
    }

    pub FROM_UNLISTED { temperature: 0.2, ..UNLISTED_BASE }

    pub EXPRESSION_MODEL { model: NEXT_MODEL, max_tokens: 4000 }
}

fn main() {
    assert_eq!(FROM_UNLISTED.max_tokens, Some(3000));
    assert_eq!(FROM_UNLISTED.model_id(), Some("acme.next-v1:0"));
    assert_eq!(EXPRESSION_MODEL.model_id(), Some("acme.next-v1:0"));
    assert_eq!(WARM.name(), "warm");
    assert_eq!(WARM.temperature, Some(0.8));
    assert_eq!(WARM.description(), Some("Balanced defaults"));
    assert_eq!(WARM.version, 2);
    assert_eq!(WARM.max_tokens, Some(2000));
    assert_eq!(WARM.stop_sequences().collect::<Vec<_>>(), ["Human:"]);
    assert_eq!(SONNET_45.top_p, None);
    assert_eq!(SONNET_45.temperature, Some(0.8));
    assert_eq!(SONNET_45.max_tokens, Some(4096));
    assert_eq!(SONNET_45.model_id(), Some("us.anthropic.claude-sonnet-4-5-20250929-v1:0"));
}
