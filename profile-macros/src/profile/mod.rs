//! `inference_profile! { ... }`.

mod ast;
mod check;
mod doc;
mod expand;

/// Generated `ModelRef` values, for the other macros that name a model.
#[allow(unused_imports)] // used by #[prompt] and #[agent]
pub(crate) use expand::model_ref;

use crate::ctxt::Ctxt;
use proc_macro2::TokenStream;
use quote::quote;

pub fn expand(input: TokenStream) -> TokenStream {
    let input: ast::Input = match syn::parse2(input) {
        Ok(input) => input,
        // A syntax error stops everything; wrapped in a block so that rustc adds nothing after it.
        Err(error) => {
            let error = error.to_compile_error();
            return quote!(#error);
        }
    };
    let mut cx = Ctxt::new();
    let mut seen: Vec<syn::Ident> = Vec::new();
    let mut profiles = Vec::new();
    for decl in input.profiles {
        if seen.contains(&decl.ident) {
            cx.error(
                decl.ident.span(),
                format!("profile `{}` is declared twice", decl.ident),
            );
        }
        seen.push(decl.ident.clone());
        profiles.push(check::profile(&mut cx, decl));
    }
    if cx.has_errors() {
        return cx.into_compile_errors();
    }
    profiles
        .iter()
        .map(|p| expand::profile(p, &doc::docs(p)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::expand;
    use proc_macro2::TokenStream;
    use proptest::prelude::*;
    use std::str::FromStr;

    /// Fragments that make valid, broken and absurd invocations when strung together.
    const FRAGMENTS: &[&str] = &[
        "pub",
        "pub(crate)",
        "HIGH",
        "LOW",
        ",",
        ":",
        "=",
        "..",
        "..HIGH",
        "::",
        "-",
        "name",
        "description",
        "version",
        "model",
        "temperature",
        "top_p",
        "topP",
        "top_k",
        "max_tokens",
        "stop_sequences",
        "anthropic_version",
        "response_format",
        "json_schema",
        "unlisted",
        "id",
        "max_output_tokens",
        "schema",
        "None",
        "true",
        "0",
        "1",
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
        "\"my profile\"",
        "\"anthropic.claude-3-haiku-20240307-v1:0\"",
        "\"us.amazon.nova-pro-v1:0\"",
        "\"ca.amazon.nova-pro-v1:0\"",
        "\"arn:aws:bedrock:us-east-1::foundation-model/x\"",
        "\"arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/a\"",
        "r#\"{\"a\": [}\"#",
        "r#\"{}\"#",
        "'c'",
        "b\"x\"",
        "#[doc = \"d\"]",
        "/// doc\n",
        "X::Y",
        "1u8",
        "2.5f64",
    ];

    /// Balanced token soup: fragments and nested `{}`, `[]`, `()` groups, so that it always lexes.
    fn tokens() -> impl Strategy<Value = String> {
        let leaf =
            prop::collection::vec(prop::sample::select(FRAGMENTS), 0..8).prop_map(|v| v.join(" "));
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

    /// Wraps fragments in one well-formed profile so the value and key paths are reached too.
    fn profile_body() -> impl Strategy<Value = String> {
        tokens().prop_map(|body| format!("pub P {{ {body} }}"))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn never_panics_on_any_tokens(source in prop_oneof![tokens(), profile_body()]) {
            let input = TokenStream::from_str(&source);
            prop_assert!(input.is_ok(), "does not lex: {}", source);
            if let Ok(input) = input {
                let _ = expand(input);
            }
        }
    }

    #[test]
    fn errors_expand_to_compile_errors_only() {
        let input = TokenStream::from_str("pub P { temperature: 2.0, topP: 1 }").unwrap();
        let out = expand(input).to_string();
        assert_eq!(out.matches("compile_error").count(), 2, "{out}");
        assert!(!out.contains("const"), "{out}");
    }
}
