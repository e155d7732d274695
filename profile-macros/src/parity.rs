//! The same declarations through the macros and through a declaration file give the same messages: the two front
//! ends share the declaration layer, and this test keeps it so.

use bedrock_profiles_core::files::{self, Format};
use proc_macro2::{TokenStream, TokenTree};
use std::str::FromStr;

/// The messages of the `compile_error!`s in an expansion, in order.
fn compile_errors(tokens: TokenStream) -> Vec<String> {
    let mut out = Vec::new();
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    for (i, tree) in trees.iter().enumerate() {
        match tree {
            TokenTree::Ident(ident) if ident == "compile_error" => {
                if let Some(TokenTree::Group(g)) = trees.get(i + 2)
                    && let Some(TokenTree::Literal(lit)) = g.stream().into_iter().next()
                    && let syn::Lit::Str(s) = syn::Lit::new(lit)
                {
                    out.push(s.value());
                }
            }
            TokenTree::Group(g) => out.extend(compile_errors(g.stream())),
            _ => {}
        }
    }
    out
}

/// A message with the one part that must differ, the syntax of an example, replaced by a marker: an unlisted
/// model is `unlisted { id: ... }` in the DSL, `unlisted { id = ... }` in attributes, `{ id = ... }` in TOML.
fn without_syntax(messages: Vec<String>) -> Vec<String> {
    let examples = [
        "unlisted { id: \"...\", max_output_tokens: N }",
        "unlisted { id = \"...\", max_output_tokens = N }",
        "{ id = \"...\", max_output_tokens = N }",
    ];
    messages
        .into_iter()
        .map(|m| {
            examples
                .iter()
                .fold(m, |m, example| m.replace(example, "<an unlisted model>"))
        })
        .collect()
}

fn tokens(source: &str) -> TokenStream {
    TokenStream::from_str(source).unwrap_or_else(|e| panic!("{source}: {e}"))
}

/// The messages of a TOML declaration file, in order.
fn file_errors(toml: &str) -> Vec<String> {
    match files::parse("parity.toml", toml, Format::Toml) {
        Ok(_) => Vec::new(),
        Err(e) => e.errors.into_iter().map(|e| e.message).collect(),
    }
}

#[test]
fn profiles_say_the_same_in_the_dsl_and_in_files() {
    let cases = [
        ("temperature: 1.5", "temperature = 1.5"),
        ("topP: 0.5", "topP = 0.5"),
        // (An unknown key without a close match lists the keys, and files have two more: `extends`, `unset`.)
        ("temprature: 0.5", "temprature = 0.5"),
        ("max_tokens: -1", "max_tokens = -1"),
        ("max_tokens: \"2000\"", "max_tokens = \"2000\""),
        ("top_k: 501", "top_k = 501"),
        (
            "stop_sequences: [\"a\", \"a\", \"\"]",
            "stop_sequences = [\"a\", \"a\", \"\"]",
        ),
        ("description: \"\"", "description = \"\""),
        (
            "model: \"anthropic.claude-3-haiku-20240307-v1:0\", max_tokens: 10000",
            "model = \"anthropic.claude-3-haiku-20240307-v1:0\"\nmax_tokens = 10000",
        ),
        (
            "model: \"mistral.mistral-7b-instruct-v0:2\", top_k: 0",
            "model = \"mistral.mistral-7b-instruct-v0:2\"\ntop_k = 0",
        ),
        (
            "model: \"eu2.amazon.nova-pro-v1:0\"",
            "model = \"eu2.amazon.nova-pro-v1:0\"",
        ),
        (
            "model: unlisted { id: \"acme.next-v1:0\", max_output_tokens: 0 }",
            "model = { id = \"acme.next-v1:0\", max_output_tokens = 0 }",
        ),
        (
            "model: unlisted { id: \"amazon.nova-pro-v1:0\", max_output_tokens: 9000 }",
            "model = { id = \"amazon.nova-pro-v1:0\", max_output_tokens = 9000 }",
        ),
        (
            "response_format: json_schema { name: \"\", schema: \"[1]\" }",
            "response_format = { json_schema = { name = \"\", schema = \"[1]\" } }",
        ),
        (
            "anthropic_version: \"2023\"",
            "anthropic_version = \"2023\"",
        ),
        ("version: 0", "version = 0"),
        ("name: \"two  spaces\"", "name = \"two  spaces\""),
        (
            "description: \"Fast, cheap\", tags: { team: \"a\" }",
            "description = \"Fast, cheap\"\ntags = { team = \"a\" }",
        ),
        (
            "tags: { \"aws:team\": \"a\", \"\": \"x\", \"ok\": \"a&b\" }",
            "tags = { \"aws:team\" = \"a\", \"\" = \"x\", ok = \"a&b\" }",
        ),
        (
            "tags: { \"team\": \"search\", \"cost center\": \"4711!\" }",
            "tags = { team = \"search\", \"cost center\" = \"4711!\" }",
        ),
        (
            "model: \"arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc\", tags: { team: \"search\" }",
            "model = \"arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc\"\ntags = { team = \"search\" }",
        ),
    ];
    for (dsl, toml) in cases {
        let from_dsl = compile_errors(crate::profile::expand(
            tokens(&format!("pub P {{ {dsl} }}")),
            &proc_macro2::TokenStream::new(),
        ));
        let from_file = file_errors(&format!("[profiles.p]\n{toml}\n"));
        assert!(!from_dsl.is_empty(), "{dsl}: no error");
        assert_eq!(from_dsl, from_file, "{dsl}");
    }
}

#[test]
fn prompts_say_the_same_in_the_attribute_and_in_files() {
    let cases = [
        ("text = \"Hello {{ name }}\"", "text = \"Hello {{ name }}\""),
        ("text = \"Hello {{name\"", "text = \"Hello {{name\""),
        ("text = \"\"", "text = \"\""),
        (
            "name = \"my prompt\", text = \"{{name}}\"",
            "name = \"my prompt\"\ntext = \"{{name}}\"",
        ),
        (
            "description = \"\", text = \"{{name}}\"",
            "description = \"\"\ntext = \"{{name}}\"",
        ),
        (
            "text = \"{{name}}\", sytem = \"x\"",
            "text = \"{{name}}\"\nsytem = \"x\"",
        ),
        (
            "text = \"{{name}}\", model = \"anthropic.claude-3-haiku-2024\"",
            "text = \"{{name}}\"\nmodel = \"anthropic.claude-3-haiku-2024\"",
        ),
        (
            "text = \"{{name}}\", model = \"deepseek.r1-v1:0\"",
            "text = \"{{name}}\"\nmodel = \"deepseek.r1-v1:0\"",
        ),
    ];
    for (attr, toml) in cases {
        let from_attr = compile_errors(crate::prompt::expand(
            tokens(attr),
            tokens("struct Greeting { name: String }"),
        ));
        let from_file = file_errors(&format!("[prompts.greeting]\n{toml}\n"));
        assert!(!from_attr.is_empty(), "{attr}: no error");
        assert_eq!(
            without_syntax(from_attr),
            without_syntax(from_file),
            "{attr}"
        );
    }
}

#[test]
fn agents_say_the_same_in_the_attribute_and_in_files() {
    let instruction = "You are a helpful assistant. Answer questions about orders politely.";
    let model = "anthropic.claude-3-5-haiku-20241022-v1:0";
    let cases = [
        (
            "instruction = \"Too short.\"".to_owned(),
            "instruction = \"Too short.\"".to_owned(),
        ),
        (
            format!(
                "instruction = \"{instruction}\", model = \"{model}\", idle_session_ttl = \"2h\""
            ),
            format!(
                "instruction = \"{instruction}\"\nmodel = \"{model}\"\nidle_session_ttl = \"2h\""
            ),
        ),
        (
            format!(
                "instruction = \"{instruction}\", model = \"{model}\", idle_session_ttl = \"5 min\""
            ),
            format!(
                "instruction = \"{instruction}\"\nmodel = \"{model}\"\nidle_session_ttl = \"5 min\""
            ),
        ),
        (
            format!("instruction = \"{instruction}\", model = \"amazon.titan-text-lite-v1\""),
            format!("instruction = \"{instruction}\"\nmodel = \"amazon.titan-text-lite-v1\""),
        ),
        (
            format!(
                "instruction = \"{instruction}\", model = \"{model}\", foundationModel = \"x\""
            ),
            format!(
                "instruction = \"{instruction}\"\nmodel = \"{model}\"\nfoundationModel = \"x\""
            ),
        ),
        (
            format!("instruction = \"{instruction}\", model = \"{model}\", name = \"my agent\""),
            format!("instruction = \"{instruction}\"\nmodel = \"{model}\"\nname = \"my agent\""),
        ),
        (
            format!(
                "instruction = \"{instruction}\", model = \"{model}\", base_prompt_templates(preprocessing = \"x\")"
            ),
            format!(
                "instruction = \"{instruction}\"\nmodel = \"{model}\"\nbase_prompt_templates = {{ preprocessing = \"x\" }}"
            ),
        ),
        // The agent's guardrail: a bad id and a bad version (both reported), a missing version, a trace.
        (
            format!(
                "instruction = \"{instruction}\", model = \"{model}\", guardrail(id = \"My-Guardrail\", version = \"0\")"
            ),
            format!(
                "instruction = \"{instruction}\"\nmodel = \"{model}\"\nguardrail = {{ id = \"My-Guardrail\", version = \"0\" }}"
            ),
        ),
        (
            format!(
                "instruction = \"{instruction}\", model = \"{model}\", guardrail(id = \"gr0abc123\")"
            ),
            format!(
                "instruction = \"{instruction}\"\nmodel = \"{model}\"\nguardrail = {{ id = \"gr0abc123\" }}"
            ),
        ),
        (
            format!(
                "instruction = \"{instruction}\", model = \"{model}\", guardrail(id = \"gr0abc123\", version = 2, trace = \"enabled\")"
            ),
            format!(
                "instruction = \"{instruction}\"\nmodel = \"{model}\"\nguardrail = {{ id = \"gr0abc123\", version = 2, trace = \"enabled\" }}"
            ),
        ),
    ];
    for (attr, toml) in cases {
        let from_attr = compile_errors(crate::agent::expand(
            tokens(&attr),
            tokens("struct Support;"),
        ));
        let from_file = file_errors(&format!("[agents.support]\n{toml}\n"));
        assert!(!from_attr.is_empty(), "{attr}: no error");
        assert_eq!(from_attr, from_file, "{attr}");
    }
}
