//! `include_profiles!`: the declaration file's consts, equal to what the runtime loader reads.
// These tests pin the rules on models past their end of life too: their profiles warn (`deprecated`).
#![allow(deprecated)]

use bedrock_profiles::{Part, Prompt, prompt};

mod declared {
    bedrock_profiles::include_profiles!("profile-core/tests/files/bedrock.toml");
}

/// `[prompts.support-reply]` -> `SupportReply<'a>`, `[prompts.faq_answer]` -> `FaqAnswer<'a>`,
/// `[prompts.daily-digest]` -> `DailyDigest`.
mod file_prompts {
    bedrock_profiles::include_profiles!("tests/fixtures/prompts.toml");
}

use file_prompts::{DailyDigest, FaqAnswer, SupportReply};

/// `[prompts.support-reply]` of tests/fixtures/prompts.toml, declared in Rust.
#[prompt(
    name = "support-reply",
    description = "Answers a customer's ticket",
    profile = file_prompts::SUPPORT,
    system = "You answer tickets for {{company}}.",
    text = "Dear {{customer_name}}, about ticket {{ticket}}: {{answer}}",
    variant(name = "short", text = "{{customer_name}}: ticket {{ticket}} is closed."),
    variant(
        name = "nova",
        model = "amazon.nova-pro-v1:0",
        system = "You write for {{company}} in {{language}}.",
        text = "{{answer}} ({{customer_name}}, {{ticket}})",
    ),
)]
struct HandWritten<'a> {
    company: &'a str,
    customer_name: &'a str,
    ticket: &'a str,
    answer: &'a str,
    language: &'a str,
}

const REPLY: SupportReply<'static> = SupportReply {
    company: "Acme",
    customer_name: "Ada",
    ticket: "#42",
    answer: "it is fixed",
    language: "French",
};

#[cfg(feature = "files")]
#[test]
fn same_declarations_as_the_loader() {
    let loaded = bedrock_profiles::files::load(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/profile-core/tests/files/bedrock.toml"
    ))
    .unwrap();
    assert_eq!(
        &declared::HIGH_QUALITY,
        loaded.profile("high-quality").unwrap()
    );
    assert_eq!(&declared::CREATIVE, loaded.profile("creative").unwrap());
    loaded.with_prompt_spec(loaded.prompt("greeting").unwrap(), |spec| {
        assert_eq!(&declared::GREETING, spec);
    });
    loaded.with_agent_spec(loaded.agent("support").unwrap(), |spec| {
        assert_eq!(declared::SUPPORT, spec);
    });
}

#[test]
fn consts_are_consts() {
    const NAME: &str = declared::SUPPORT.name;
    assert_eq!(NAME, "support");
    assert_eq!(declared::CREATIVE.temperature, Some(1.0));
    assert_eq!(declared::CREATIVE.max_tokens, Some(2000));
    assert_eq!(declared::GREETING.variants[1].name, "concise");
    assert_eq!(
        declared::GREETING.variants[1].profile.map(|p| p.name()),
        Some("creative")
    );
    assert_eq!(
        declared::SUPPORT.orchestration.map(|p| p.name()),
        Some("high-quality")
    );
}

#[test]
fn file_prompt_struct_renders_every_variant() {
    assert_eq!(REPLY.render(), "Dear Ada, about ticket #42: it is fixed");
    assert_eq!(
        REPLY.render_system().as_deref(),
        Some("You answer tickets for Acme.")
    );
    // `short` takes the prompt's system prompt.
    assert_eq!(
        REPLY.render_variant("short").as_deref(),
        Some("Ada: ticket #42 is closed.")
    );
    assert_eq!(
        REPLY.render_variant_system("short").as_deref(),
        Some("You answer tickets for Acme.")
    );
    assert_eq!(
        REPLY.render_variant("nova").as_deref(),
        Some("it is fixed (Ada, #42)")
    );
    assert_eq!(
        REPLY.render_variant_system("nova").as_deref(),
        Some("You write for Acme in French.")
    );
    assert_eq!(REPLY.render_variant("missing"), None);
    // Values go in as they are.
    let braces = SupportReply {
        customer_name: "{{ticket}}",
        ..REPLY
    };
    assert_eq!(
        braces.render_variant("short").as_deref(),
        Some("{{ticket}}: ticket #42 is closed.")
    );

    // Keywords are raw fields; a prompt without variables is `DailyDigest {}`.
    let faq = FaqAnswer {
        r#type: "billing",
        r#match: "exact",
        question: "Why?",
    };
    assert_eq!(faq.render(), "Q (billing, exact): Why?");
    assert_eq!(DailyDigest {}.render(), "Summarise today's tickets.");
    assert_eq!(DailyDigest {}.render_system(), None);

    // The struct of bedrock.toml's `[prompts.greeting]`.
    let greeting = declared::Greeting {
        customer: "Ada",
        topic: "billing",
    };
    assert_eq!(
        greeting.render_variant("concise").as_deref(),
        Some("Hi Ada: billing?")
    );
}

#[test]
fn file_prompt_struct_equals_the_same_prompt_by_attribute() {
    let hand = HandWritten {
        company: REPLY.company,
        customer_name: REPLY.customer_name,
        ticket: REPLY.ticket,
        answer: REPLY.answer,
        language: REPLY.language,
    };
    assert_eq!(SupportReply::SPEC, HandWritten::SPEC);
    assert_eq!(SupportReply::SPEC.variants.len(), 3);
    for variant in 0..4 {
        for part in [Part::Text, Part::System] {
            assert_eq!(
                REPLY.render_part(variant, part),
                hand.render_part(variant, part),
                "variant {variant}, {part:?}"
            );
        }
    }
}

#[test]
fn file_prompt_spec_is_the_files() {
    // The const that `include_profiles!` generated before the struct is the struct's spec.
    const SPEC: bedrock_profiles::PromptSpec<'static> = SupportReply::SPEC;
    assert_eq!(file_prompts::SUPPORT_REPLY, SPEC);
    assert_eq!(file_prompts::FAQ_ANSWER, FaqAnswer::SPEC);
    assert_eq!(file_prompts::DAILY_DIGEST, DailyDigest::SPEC);
    assert_eq!(declared::GREETING, declared::Greeting::SPEC);
    assert_eq!(
        SPEC.variants
            .iter()
            .map(|v| v.variables)
            .collect::<Vec<_>>(),
        [
            &["company", "customer_name", "ticket", "answer"][..],
            &["company", "customer_name", "ticket"],
            &["company", "language", "answer", "customer_name", "ticket"],
        ]
    );
    assert_eq!(
        FaqAnswer::SPEC.variants[0].variables,
        ["type", "match", "question"]
    );
    let loaded = bedrock_profiles::files::load(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/prompts.toml"
    ))
    .unwrap();
    let specs = [SupportReply::SPEC, FaqAnswer::SPEC, DailyDigest::SPEC];
    assert_eq!(loaded.prompts.len(), specs.len());
    for (prompt, spec) in loaded.prompts.iter().zip(&specs) {
        loaded.with_prompt_spec(prompt, |loaded| assert_eq!(loaded, spec, "{}", prompt.key));
    }
}
