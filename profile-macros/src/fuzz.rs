//! Token soup for the tests that feed every macro arbitrary input: a proc macro never panics, whatever it gets.

#![cfg(test)]

use proc_macro2::TokenStream;
use proptest::prelude::*;
use std::str::FromStr;

/// Fragments that make valid, broken and absurd invocations of the three macros when strung together (with every
/// key and step name, from [`vocabulary`]).
const FRAGMENTS: &[&str] = &[
    "pub",
    "pub(crate)",
    "HIGH",
    "LOW",
    "struct",
    "enum",
    "fn",
    "S",
    "'a",
    "<",
    ">",
    ",",
    ":",
    "=",
    "..",
    "..HIGH",
    "::",
    "-",
    "topP",
    "None",
    "true",
    "0",
    "1",
    "60",
    "5400",
    "500",
    "501",
    "4097",
    "99999999999",
    "0.5",
    "1.5",
    "1e40",
    "-0.0",
    "\"\"",
    "\"x\"",
    "\"10m\"",
    "\"90q\"",
    "\"my profile\"",
    "\"Hello {{x}}\"",
    "\"{{\"",
    "\"{{ x }}\"",
    "\"}}{{y}}\"",
    "\"You are a helpful assistant. Answer questions about orders politely.\"",
    "\"anthropic.claude-3-haiku-20240307-v1:0\"",
    "\"us.amazon.nova-pro-v1:0\"",
    "\"ca.amazon.nova-pro-v1:0\"",
    "\"arn:aws:bedrock:us-east-1::foundation-model/x\"",
    "\"no/such/file.txt\"",
    "r#\"{\"a\": [}\"#",
    "r#\"{}\"#",
    "'c'",
    "b\"x\"",
    "#[doc = \"d\"]",
    "/// doc\n",
    "X::Y",
    "1u8",
    "2.5f64",
    "x",
    "String",
    "&'a str",
    "u32",
    ";",
];

/// The fragments and every key of every declaration, as the declaration layer spells them.
fn vocabulary() -> Vec<&'static str> {
    use bedrock_profiles_core::agent::PromptType;
    use bedrock_profiles_core::decl::keys::{
        AgentKey, FormatKey, ProfileKey, PromptKey, SchemaKey, UNLISTED, UnlistedKey,
    };
    let mut words: Vec<&'static str> = FRAGMENTS.to_vec();
    words.extend(ProfileKey::names());
    words.extend(PromptKey::names());
    words.extend(AgentKey::names());
    words.extend(SchemaKey::names());
    words.extend(UnlistedKey::names());
    words.extend(FormatKey::names());
    words.extend(PromptType::ALL.iter().map(|s| s.key()));
    words.push(UNLISTED);
    words
}

/// Balanced token soup: fragments and nested `{}`, `[]`, `()` groups, so that it always lexes.
pub fn tokens() -> impl Strategy<Value = String> {
    let leaf =
        prop::collection::vec(prop::sample::select(vocabulary()), 0..8).prop_map(|v| v.join(" "));
    leaf.prop_recursive(3, 64, 6, |inner| {
        prop::collection::vec(
            prop_oneof![
                inner.clone(),
                inner.clone().prop_map(|t| format!("{{ {t} }}")),
                inner.clone().prop_map(|t| format!("[ {t} ]")),
                inner.prop_map(|t| format!("( {t} )")),
            ],
            0..6,
        )
        .prop_map(|v| v.join(" "))
    })
}

/// Items for the attribute macros: soup, and structs with soup inside.
fn items() -> impl Strategy<Value = String> {
    prop_oneof![
        tokens(),
        tokens().prop_map(|body| format!("pub struct S<'a> {{ {body} }}")),
        Just("pub struct S<'a> { pub x: &'a str, pub y: u32 }".to_owned()),
        Just("pub struct S;".to_owned()),
        Just("enum E { A }".to_owned()),
    ]
}

fn lex(source: &str) -> TokenStream {
    TokenStream::from_str(source).unwrap_or_default()
}

/// Runs `expand` and checks that every text run it handed to the lexer lexes with rustc's lexer.
fn expands_to_text_that_lexes(what: &str, expand: impl FnOnce()) {
    let runs = crate::code::tests::recording(expand);
    crate::lexes::assert_runs_lex(what, &runs);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    #[test]
    fn prompt_never_panics(args in tokens(), item in items()) {
        expands_to_text_that_lexes(&format!("#[prompt({args})] {item}"), || {
            let _ = crate::prompt::expand(lex(&args), lex(&item));
        });
    }

    #[test]
    fn agent_never_panics(args in tokens(), item in items()) {
        expands_to_text_that_lexes(&format!("#[agent({args})] {item}"), || {
            let _ = crate::agent::expand(lex(&args), lex(&item));
        });
    }

    #[test]
    fn profile_text_lexes(body in tokens()) {
        let source = format!("pub P {{ {body} }}");
        expands_to_text_that_lexes(&source, || {
            let _ = crate::profile::expand(lex(&source), &TokenStream::new());
        });
    }
}
