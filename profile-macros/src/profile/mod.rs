//! `inference_profile! { ... }`.

pub(crate) mod ast;
mod check;
pub(crate) mod doc;
mod expand;

use crate::code::Code;
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
    // Names as strings: comparing two `Ident`s prints both through the proc-macro bridge, and a set keeps a
    // long invocation linear.
    let mut seen = std::collections::HashSet::new();
    let mut profiles = Vec::new();
    for decl in input.profiles {
        let name = decl.ident.to_string();
        if seen.contains(&name) {
            cx.error(
                decl.ident.span(),
                format!("profile `{name}` is declared twice"),
            );
        }
        seen.insert(name);
        profiles.push(check::profile(&mut cx, decl));
    }
    if cx.has_errors() {
        return cx.into_compile_errors();
    }
    // One text for the whole invocation, lexed once (see `crate::code`).
    let mut code = Code::new();
    for p in &profiles {
        let user_docs = p.attrs.iter().any(|a| a.path().is_ident("doc"));
        expand::profile(&mut code, p, &doc::docs(&p.decl, &p.exprs, user_docs));
    }
    code.finish()
}

#[cfg(test)]
mod tests {
    use super::expand;
    use crate::fuzz::tokens;
    use proc_macro2::TokenStream;
    use proptest::prelude::*;
    use std::str::FromStr;

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
        let out = TokenStream::from_str("pub P { temperature: 2.0, topP: 1 }")
            .map(|input| expand(input).to_string())
            .unwrap_or_default();
        assert_eq!(out.matches("compile_error").count(), 2, "{out}");
        assert!(!out.contains("const"), "{out}");
    }
}
