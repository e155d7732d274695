//! Every key of `#[prompt]`, a profile from another module, a cross-region model, a chat prompt with variants.

use bedrock_profiles::{Prompt, TemplateType, prompt};

mod profiles {
    bedrock_profiles::inference_profile! {
        /// Four stop sequences: the most Prompt management takes.
        pub STRICT {
            model: "anthropic.claude-3-5-sonnet-20241022-v2:0",
            max_tokens: 8192,
            top_k: 250,
            stop_sequences: ["a", "b", "c", "d"],
        }
        pub NOVA { temperature: 0.5, top_k: 100, max_tokens: 5000 }
    }
}

/// Summarises a document.
#[prompt(
    name = "doc-summary_v2",
    description = "Summarises a document",
    model = "us.anthropic.claude-3-5-sonnet-20241022-v2:0",
    profile = profiles::STRICT,
    system = "You summarise {{kind}} documents.",
    text = "Summarise in {{words}} words:\n{{document}}",
    variant(
        name = "nova",
        model = "amazon.nova-pro-v1:0",
        profile = crate::profiles::NOVA,
        text = "{{document}}\n\nSummary ({{words}} words):",
    ),
)]
pub struct DocSummary<'a> {
    pub kind: &'a str,
    pub words: u32,
    pub document: std::borrow::Cow<'a, str>,
}

/// 20 variables and a 100-character name: the boundaries.
#[prompt(
    name = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    text = "{{v0}}{{v1}}{{v2}}{{v3}}{{v4}}{{v5}}{{v6}}{{v7}}{{v8}}{{v9}}{{v10}}{{v11}}{{v12}}{{v13}}{{v14}}{{v15}}{{v16}}{{v17}}{{v18}}{{v19}}"
)]
struct Twenty {
    v0: u8, v1: u8, v2: u8, v3: u8, v4: u8, v5: u8, v6: u8, v7: u8, v8: u8, v9: u8,
    v10: u8, v11: u8, v12: u8, v13: u8, v14: u8, v15: u8, v16: u8, v17: u8, v18: u8, v19: u8,
}

/// No fields, no placeholders.
#[prompt(text = "Tell me a joke.")]
struct Joke {}

fn main() {
    let s = DocSummary { kind: "legal", words: 50, document: "Text.".into() };
    assert_eq!(s.render(), "Summarise in 50 words:\nText.");
    assert_eq!(s.render_system().as_deref(), Some("You summarise legal documents."));
    assert_eq!(s.render_variant("nova").as_deref(), Some("Text.\n\nSummary (50 words):"));
    let spec = DocSummary::SPEC;
    assert_eq!(spec.name, "doc-summary_v2");
    assert_eq!(spec.variants[0].template_type, TemplateType::Chat);
    assert_eq!(spec.variants[1].model_id(), Some("amazon.nova-pro-v1:0"));
    assert_eq!(spec.variants[0].variables, ["kind", "words", "document"]);

    let t = Twenty {
        v0: 0, v1: 1, v2: 2, v3: 3, v4: 4, v5: 5, v6: 6, v7: 7, v8: 8, v9: 9,
        v10: 0, v11: 1, v12: 2, v13: 3, v14: 4, v15: 5, v16: 6, v17: 7, v18: 8, v19: 9,
    };
    assert_eq!(t.render(), "01234567890123456789");
    assert_eq!(Twenty::SPEC.variants[0].variables.len(), 20);

    assert_eq!(Joke {}.render(), "Tell me a joke.");
    assert_eq!(Joke::SPEC.name, "joke");
}
