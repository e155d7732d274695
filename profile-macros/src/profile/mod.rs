//! `inference_profile! { ... }`.

pub(crate) mod ast;
mod check;
pub(crate) mod doc;
mod expand;

use crate::code::Code;
use crate::ctxt::Ctxt;
use bedrock_profiles_core::decl::bases_first;
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// `track`: the tokens that make cargo rebuild when the account's catalog changes, placed in the initializer of
/// the first profile emitted whole (an `impl` block takes no `const _` item).
pub fn expand(input: TokenStream, track: &TokenStream) -> TokenStream {
    let input: ast::Input = match syn::parse2(input) {
        Ok(input) => input,
        // A syntax error stops everything: the invocation expands to the error alone, so none of its consts
        // exist and their uses are rustc's E0425 (a known cascade; a profile with a rule error gets a stub).
        Err(error) => {
            let error = error.to_compile_error();
            return quote!(#error);
        }
    };
    let runtime = input.runtime;
    let mut profiles: Vec<check::Profile> = Vec::with_capacity(input.profiles.len());
    // Names as strings: comparing two `Ident`s prints both through the proc-macro bridge, and a map keeps a long
    // invocation linear.
    let mut index: HashMap<String, usize> = HashMap::new();
    // A second profile of a name: its error only, no const (the first one's stands).
    let mut duplicate = Vec::with_capacity(input.profiles.len());
    for decl in input.profiles {
        let name = decl.ident.to_string();
        let span = decl.ident.span();
        let mut p = check::read(decl);
        match index.entry(name) {
            Entry::Occupied(first) => {
                let mut cx = Ctxt::new();
                cx.error(span, format!("profile `{}` is declared twice", first.key()));
                cx.append(std::mem::take(&mut p.cx));
                p.cx = cx;
                duplicate.push(true);
            }
            Entry::Vacant(slot) => {
                slot.insert(profiles.len());
                duplicate.push(false);
            }
        }
        profiles.push(p);
    }
    let broken = check_all(&mut profiles, &index);
    let mut cx = Ctxt::new();
    for p in &mut profiles {
        cx.append(std::mem::take(&mut p.cx));
    }
    // One text for the whole invocation, lexed once (see `crate::code`). A profile with an error (or derived from
    // one of this invocation that has one) is a stub const beside the errors, so that its uses, and the profiles of
    // other invocations derived from it, raise no errors of their own.
    let mut code = Code::new(runtime);
    let mut track = Some(track).filter(|t| !t.is_empty());
    for (i, (p, broken)) in profiles.iter().zip(broken).enumerate() {
        if duplicate[i] {
            continue;
        }
        if broken {
            expand::stub(&mut code, p);
        } else {
            let user_docs = p.attrs.iter().any(|a| a.path().is_ident("doc"));
            let inherited = match &p.full {
                Some(full) if p.merged() => doc::Inherited::Known {
                    bases: bases(&profiles, &index, i),
                    full,
                },
                _ if p.base.is_some() => doc::Inherited::Elsewhere,
                _ => doc::Inherited::Nothing,
            };
            let docs = doc::docs_with(&p.decl, &p.exprs, user_docs, &inherited);
            expand::profile(&mut code, p, &docs, track.take());
        }
    }
    let mut out = cx.into_compile_errors();
    out.extend(code.finish());
    out
}

/// The chain of bases of profile `i` in its invocation, nearest first, each with the path its derived profile
/// names it by (`A`, `Self::A`): what its rustdoc says each inherited value comes from.
fn bases<'a>(
    profiles: &'a [check::Profile],
    index: &HashMap<String, usize>,
    mut i: usize,
) -> Vec<(
    String,
    &'a bedrock_profiles_core::decl::ProfileDecl<proc_macro2::Span>,
)> {
    let mut chain = Vec::new();
    // A chain is at most as long as the invocation (a loop is rustc's error, and then no profile is merged).
    while chain.len() < profiles.len() {
        let Some(j) = profiles[i]
            .sibling_base()
            .and_then(|name| index.get(&name).copied())
            .filter(|&j| j != i)
        else {
            break;
        };
        let path = profiles[i]
            .base
            .as_ref()
            .map(crate::syntax::path_text)
            .unwrap_or_default();
        chain.push((path, &profiles[j].decl));
        i = j;
    }
    chain
}

/// Checks every profile, a base of the same invocation before the profiles derived from it, so that a derived
/// profile is checked merged with its base's values when the macro has them all (`..BASE` or `..Self::BASE`
/// naming a profile of this invocation). A chain that loops back is left to rustc, which reports the cycle.
/// Returns whether each profile is broken: it has an error, or derives from a broken profile of this invocation.
fn check_all(profiles: &mut [check::Profile], index: &HashMap<String, usize>) -> Vec<bool> {
    let sibling = |profiles: &[check::Profile], i: usize| {
        profiles[i]
            .sibling_base()
            .and_then(|name| index.get(&name).copied())
            .filter(|&j| j != i)
    };
    let mut done = vec![false; profiles.len()];
    let mut broken = vec![false; profiles.len()];
    // A chain that loops back (rustc's error) is checked from the member that closes it, without its base.
    let chains = bases_first(profiles.len(), |i| sibling(profiles, i));
    for i in chains.order {
        let base = sibling(profiles, i).filter(|&j| done[j]);
        let full = base.and_then(|j| profiles[j].full.clone());
        check::check(&mut profiles[i], full.as_ref());
        broken[i] = profiles[i].cx.has_errors() || base.is_some_and(|j| broken[j]);
        done[i] = true;
    }
    broken
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
                let _ = expand(input, &TokenStream::new());
            }
        }
    }

    #[test]
    fn a_profile_with_errors_is_a_stub_beside_them() {
        let out = TokenStream::from_str(
            "pub P { temperature: 2.0, topP: 1 } pub D { max_tokens: 10, ..P } pub Q { temperature: 0.5 }",
        )
        .map(|input| expand(input, &TokenStream::new()).to_string())
        .unwrap_or_default();
        assert_eq!(out.matches("compile_error").count(), 2, "{out}");
        // `P` and `D` (derived from it) are stubs; `Q` is whole.
        assert_eq!(out.matches("__private1 :: REPORTED ;").count(), 2, "{out}");
        assert!(out.contains("const P :"), "{out}");
        assert!(out.contains("const D :"), "{out}");
        assert!(!out.contains("10u32"), "{out}");
        assert!(
            out.contains("temperature : :: bedrock_profiles :: __private1 :: Some (0.5f32)"),
            "{out}"
        );
    }
}
