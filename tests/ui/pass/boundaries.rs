//! Values exactly at each limit compile, and read back as declared.
use bedrock_profiles::inference_profile;

inference_profile! {
    pub LOW {
        name: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        description: "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd",
        temperature: 0.0,
        top_p: 0.0,
        top_k: 0,
        max_tokens: 1,
    }

    pub HIGH {
        model: "anthropic.claude-3-haiku-20240307-v1:0",
        temperature: 1,
        top_p: 1.0,
        top_k: 500,
        max_tokens: 4_096,
    }

    pub SONNET_4 { model: "anthropic.claude-sonnet-4-20250514-v1:0", max_tokens: 64_000 }

    pub NOVA { model: "amazon.nova-pro-v1:0", temperature: 0.00001, top_k: 500, max_tokens: 5000 }

    pub NOVA_2 { model: "amazon.nova-2-lite-v1:0", temperature: 0.0, top_k: 128 }

    pub MISTRAL {
        model: "mistral.mistral-7b-instruct-v0:2",
        top_k: 200,
        stop_sequences: ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"],
    }

    pub SONNET_45_TEMPERATURE_ONLY { model: "anthropic.claude-sonnet-4-5-20250929-v1:0", temperature: 0.3 }

    pub VERSIONED { version: 3, name: "with spaces_and-dashes 2" }
}

fn main() {
    assert_eq!(LOW.name(), "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    assert_eq!(LOW.temperature, Some(0.0));
    assert_eq!(HIGH.temperature, Some(1.0));
    assert_eq!(HIGH.max_tokens, Some(4096));
    assert_eq!(NOVA.temperature, Some(0.00001));
    assert_eq!(MISTRAL.stop_sequences().count(), 10);
    assert_eq!(VERSIONED.version, 3);
    assert_eq!(HIGH.name(), "high");
    assert_eq!(SONNET_45_TEMPERATURE_ONLY.name(), "sonnet-45-temperature-only");
}
