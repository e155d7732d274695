//! Template variables that are Rust keywords become raw fields (`r#type`); a prompt without variables is a struct
//! with no fields (tests/ui/files/keyword-variables.toml).

mod declared {
    bedrock_profiles::include_profiles!("keyword-variables.toml");
}

use bedrock_profiles::Prompt;

fn main() {
    let faq = declared::FaqAnswer {
        r#type: "billing",
        r#match: "exact",
        r#async: "no",
        r#gen: "2024",
        question: "Why?",
    };
    assert_eq!(faq.render(), "Q (exact, no, 2024): Why?");
    assert_eq!(faq.render_system().as_deref(), Some("Answer billing questions."));
    assert_eq!(
        declared::FaqAnswer::SPEC.variants[0].variables,
        ["type", "match", "async", "gen", "question"]
    );
    assert_eq!(declared::Daily {}.render(), "Summarise today.");
    assert_eq!(declared::DAILY, declared::Daily::SPEC);
}
