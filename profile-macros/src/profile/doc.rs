//! The rustdoc of a generated const: the user's doc comment (kept as written), the description, a table of the
//! effective settings and the model's limits.

use crate::doc::{code, link, model_cell};
use crate::syntax::Exprs;
use bedrock_profiles_core::__private::Message;
use bedrock_profiles_core::InferenceProfile;
use bedrock_profiles_core::decl::{ProfileDecl, ProfileKey, Setting};
use bedrock_profiles_core::limits::{TEMPERATURE_RANGE, TOP_P_RANGE};
use bedrock_profiles_core::models::{ModelRef, Sampling, TopK};
use bedrock_profiles_core::rules::Surface;

fn float(value: f32) -> String {
    let mut m = Message::new();
    m.push_f32(value);
    m.as_str().to_owned()
}

/// The cell for one setting the declaration writes, or None when it leaves it unset (or invalid).
fn cell<T, L>(
    setting: &Setting<T, L>,
    exprs: &Exprs,
    show: impl Fn(&T) -> String,
) -> Option<String> {
    match setting {
        Setting::Set(value, _) => Some(show(value)),
        Setting::Expr(handle, _) => Some(format!(
            "{} (constant expression)",
            code(&exprs.get(*handle).to_string())
        )),
        Setting::Cleared(_) => Some(CLEARED.to_owned()),
        Setting::Unset | Setting::Invalid => None,
    }
}

/// The cell of a setting a declaration clears (`key: None`).
const CLEARED: &str = "not set (`None`)";

/// What a profile's rustdoc knows of the profile its `..BASE` names.
pub enum Inherited<'a, L> {
    /// No `..BASE`: the declaration holds every value (a file's profiles come resolved).
    Nothing,
    /// A base of the same invocation, merged by the macro: the chain of bases, nearest first, each with the path
    /// that names it (as its derived profile wrote it), and the effective profile.
    Known {
        bases: Vec<(String, &'a ProfileDecl<L>)>,
        full: &'a InferenceProfile,
    },
    /// A base declared elsewhere, or one of the invocation holding constant expressions: its values are unknown at
    /// expansion.
    Elsewhere,
}

/// The cells of a settings table: `(key, cell)` per key, in the table's order, `None` for a key left unset.
type Cells = Vec<(ProfileKey, Option<String>)>;

/// The rows of the settings table, `(key, cell)` for each key `p` writes, in the table's order.
fn own_cells<L>(p: &ProfileDecl<L>, exprs: &Exprs) -> Cells {
    vec![
        (ProfileKey::Name, cell(&p.name, exprs, |n| code(n))),
        (
            ProfileKey::Description,
            cell(&p.description, exprs, |d| code(d)),
        ),
        (ProfileKey::Version, cell(&p.version, exprs, u32::to_string)),
        (ProfileKey::Model, cell(&p.model, exprs, model_cell)),
        (
            ProfileKey::Temperature,
            cell(&p.temperature, exprs, |v| float(*v)),
        ),
        (ProfileKey::TopP, cell(&p.top_p, exprs, |v| float(*v))),
        (ProfileKey::TopK, cell(&p.top_k, exprs, u32::to_string)),
        (
            ProfileKey::MaxTokens,
            cell(&p.max_tokens, exprs, u32::to_string),
        ),
        (
            ProfileKey::StopSequences,
            cell(&p.stop_sequences, exprs, |items| {
                let items: Vec<String> =
                    items.iter().map(|(s, _)| code(&format!("{s:?}"))).collect();
                format!("[{}]", items.join(", "))
            }),
        ),
        (
            ProfileKey::AnthropicVersion,
            cell(&p.anthropic_version, exprs, |v| code(v)),
        ),
        (
            ProfileKey::ResponseFormat,
            cell(&p.response_format, exprs, |d| match d.name.value() {
                Some(name) => format!("JSON schema {}", code(name)),
                None => "JSON schema".to_owned(),
            }),
        ),
        (
            ProfileKey::Reasoning,
            cell(&p.reasoning, exprs, |r| {
                let r = r.resolve();
                let mut parts = Vec::new();
                if let Some(n) = r.budget_tokens {
                    parts.push(format!("budget_tokens {n}"));
                }
                if let Some(e) = r.effort {
                    parts.push(format!("effort `{}`", e.as_str()));
                }
                if let Some(t) = r.thinking {
                    parts.push(format!("thinking `{}`", t.as_str()));
                }
                if r.interleaved {
                    parts.push("interleaved".to_owned());
                }
                parts.join(", ")
            }),
        ),
        (
            ProfileKey::Guardrail,
            cell(&p.guardrail, exprs, |g| {
                let mut text = format!(
                    "{} version {}",
                    code(g.id.value().map_or("", String::as_str)),
                    code(g.version.value().map_or("", String::as_str))
                );
                if let Some(t) = g.trace.value() {
                    text.push_str(&format!(", trace `{}`", t.as_str()));
                }
                text
            }),
        ),
        (
            ProfileKey::Tags,
            cell(&p.tags, exprs, |items| {
                tag_list(
                    items
                        .iter()
                        .map(|t| (t.key.text.as_str(), t.value.as_str())),
                )
            }),
        ),
    ]
}

/// The tags cell of a profile derived from one of its invocation: the effective list (`full`'s) and the profiles
/// of the chain whose tags it layers, up to one that clears them.
fn known_tags(
    own: Option<String>,
    chain: &[(String, Cells)],
    i: usize,
    full: &InferenceProfile,
) -> Option<String> {
    if own.as_deref() == Some(CLEARED) {
        return own;
    }
    let mut from = Vec::new();
    for (path, cells) in chain {
        match cells[i].1.as_deref() {
            Some(CLEARED) if own.is_none() && from.is_empty() => {
                return Some(format!("not set (`None` in {})", link(path)));
            }
            Some(CLEARED) => break,
            Some(_) => from.push(link(path)),
            None => {}
        }
    }
    if full.tags.is_empty() {
        return own;
    }
    let list = tag_list(full.tags());
    Some(match (own.is_some(), from.is_empty()) {
        (_, true) => list,
        (true, false) => format!("{list} (its own over those of {})", from.join(", ")),
        (false, false) => format!("{list}, from {}", from.join(", ")),
    })
}

fn tag_list<'a>(tags: impl Iterator<Item = (&'a str, &'a str)>) -> String {
    let items: Vec<String> = tags.map(|(k, v)| code(&format!("{k:?}: {v:?}"))).collect();
    items.join(", ")
}

fn limits_line(model: &ModelRef) -> String {
    let Some(limits) = model.limits() else {
        return "The model behind this ARN is unknown, so only the API surfaces' limits apply."
            .to_owned();
    };
    let mut parts = vec![
        if limits.max_output_tokens == u32::MAX && crate::doc::from_account(model) {
            format!(
                "output tokens not checked (your account's catalog lists the model but no public source gives its limit: \
             add `max_output_tokens` to it in `{}`)",
                bedrock_profiles_core::models::account::FILE_NAME
            )
        } else {
            format!("at most {} output tokens", limits.max_output_tokens)
        },
    ];
    if limits.min_temperature > 0.0 {
        parts.push(format!(
            "temperature {}..={}",
            float(limits.min_temperature),
            float(TEMPERATURE_RANGE.1)
        ));
    }
    // A model that takes no sampling settings takes no top_k, whatever range its family's request body has: the
    // sampling part below says so, once.
    let defaults_only = model
        .catalog_model()
        .is_some_and(|m| matches!(m.facts.sampling, Sampling::DefaultsOnly { .. }));
    match limits.top_k {
        _ if defaults_only => {}
        TopK::Unsupported => parts.push("no top_k".to_owned()),
        TopK::Range { min, max } => parts.push(format!("top_k {min}..={max}")),
    }
    if let Some(max) = limits.max_stop_sequences {
        parts.push(format!("at most {max} stop sequences"));
    }
    if limits.exclusive_temperature_top_p {
        parts.push("temperature and top_p not both".to_owned());
    }
    if let Some(m) = model.catalog_model() {
        let f = &m.facts;
        if let Sampling::DefaultsOnly { top_p } = f.sampling {
            let top_p = match top_p {
                Some((lo, hi)) if lo == hi => format!("top_p absent or {}", float(lo)),
                Some((lo, hi)) => format!("top_p absent or {}..={}", float(lo), float(hi)),
                None => "no top_p".to_owned(),
            };
            parts.push(format!(
                "no sampling settings (temperature absent or 1, {top_p}, no top_k)"
            ));
        }
        let reasoning = f.reasoning.describe();
        if reasoning != "none" {
            parts.push(format!("reasoning: {reasoning}"));
        }
        parts.push(if f.prefixes.is_empty() {
            "in-region only".to_owned()
        } else {
            format!("cross-region {}", f.prefixes.describe())
        });
        if let Some(eol) = f.end_of_life {
            let note = eol.note.map(|n| format!(", {n}")).unwrap_or_default();
            parts.push(format!(
                "**end of life {}**{note} ({})",
                eol.date, eol.source
            ));
        } else if let Some(legacy) = f.legacy {
            parts.push(format!("legacy ({})", legacy.source));
        }
        if let Some(note) = f.account_setting {
            parts.push(format!("account setting: {note}"));
        }
        if let Some(note) = f.unverified {
            parts.push(format!("unverified: {note}"));
        }
    }
    let source = match model.catalog_model() {
        Some(m) => format!(" (source: {})", m.source),
        None => " (as stated in `unlisted { ... }`)".to_owned(),
    };
    format!(
        "**Model limits** ({}, {}): {}{source}.",
        code(model.id()),
        limits.provider.name(),
        parts.join(", ")
    )
}

/// The rustdoc lines after the user's own doc comment (`user_docs`: whether there is one), for a profile whose
/// `..BASE`, if any, is declared elsewhere (a file's profiles come resolved).
#[cfg(feature = "files")]
pub fn docs<L>(p: &ProfileDecl<L>, exprs: &Exprs, user_docs: bool) -> Vec<String> {
    let inherited = match p.base {
        Some(_) => Inherited::Elsewhere,
        None => Inherited::Nothing,
    };
    docs_with(p, exprs, user_docs, &inherited)
}

/// The rustdoc lines after the user's own doc comment: the description, a table of the effective settings (with
/// where each inherited one comes from, when the base is of the same invocation), the model's limits and the
/// surface's.
pub fn docs_with<L>(
    p: &ProfileDecl<L>,
    exprs: &Exprs,
    user_docs: bool,
    inherited: &Inherited<'_, L>,
) -> Vec<String> {
    let base = p.base.as_ref().map(|b| b.text.as_str());
    let mut lines = Vec::new();
    if user_docs {
        lines.push(String::new());
    }
    let no_exprs = Exprs::default();
    // The description: the profile's own, else (base of this invocation) the first one of the chain.
    let description = match inherited {
        Inherited::Known { bases, .. } => std::iter::once(p)
            .chain(bases.iter().map(|(_, d)| *d))
            .find(|d| d.description.is_written())
            .and_then(|d| d.description.value()),
        _ => p.description.value(),
    };
    if let Some(d) = description {
        lines.push(format!("*{}*", d.replace('*', "\\*")));
        lines.push(String::new());
    }
    lines.push("| Setting | Value |".to_owned());
    lines.push("|---|---|".to_owned());
    let own = own_cells(p, exprs);
    let chain: Vec<(String, Cells)> = match inherited {
        Inherited::Known { bases, .. } => bases
            .iter()
            .map(|(path, d)| (path.clone(), own_cells(d, &no_exprs)))
            .collect(),
        _ => Vec::new(),
    };
    for (i, (key, value)) in own.into_iter().enumerate() {
        let value = match (value, key, inherited) {
            (Some(value), ProfileKey::Tags, Inherited::Elsewhere) if value != CLEARED => Some(
                format!("{value}, over those of {}", link(base.unwrap_or_default())),
            ),
            (value, ProfileKey::Tags, Inherited::Known { full, .. }) => {
                known_tags(value, &chain, i, full)
            }
            (Some(value), _, _) => Some(value),
            // The name is never inherited.
            (None, ProfileKey::Name, _) => Some(code(&p.default_name())),
            (None, _, Inherited::Known { .. }) => chain
                .iter()
                .find_map(|(path, cells)| cells[i].1.as_ref().map(|v| (path, v)))
                .map(|(path, v)| {
                    if v == CLEARED {
                        format!("not set (`None` in {})", link(path))
                    } else {
                        format!("{v}, from {}", link(path))
                    }
                })
                .or_else(|| (key == ProfileKey::Version).then(|| "1".to_owned())),
            (None, ProfileKey::Version, Inherited::Nothing) => Some("1".to_owned()),
            (None, _, _) => None,
        };
        if let Some(value) = value {
            lines.push(format!("| `{}` | {value} |", key.as_str()));
        }
    }
    lines.push(String::new());
    match (&p.model, inherited) {
        // One sentence for all that comes from a base declared elsewhere, the model among it.
        (Setting::Unset, Inherited::Elsewhere) => lines.push(format!(
            "Every other setting, the model (and so its limits) among them, is that of {} (not shown here: the \
             macro does not see its values); the merged profile is checked at compile time.",
            link(base.unwrap_or_default())
        )),
        (model, Inherited::Elsewhere) => {
            lines.push(format!(
                "Every other setting is that of {} (not shown here: the macro does not see its values); the merged \
                 profile is checked at compile time.",
                link(base.unwrap_or_default())
            ));
            lines.push(String::new());
            match model {
                Setting::Set(model, _) => lines.push(limits_line(model)),
                _ => lines.push("No model: the API surfaces' limits apply.".to_owned()),
            }
        }
        (Setting::Set(model, _), _) => lines.push(limits_line(model)),
        (Setting::Unset, Inherited::Known { full, .. }) => match &full.model {
            Some(model) => lines.push(limits_line(model)),
            None => lines.push("No model: the API surfaces' limits apply.".to_owned()),
        },
        _ => lines.push("No model: the API surfaces' limits apply.".to_owned()),
    }
    lines.push(String::new());
    let converse = Surface::Converse;
    lines.push(format!(
        "Checked at compile time for {}: temperature {}..={} and top_p {}..={}, max_tokens at least 1, \
         at most {} distinct non-empty stop sequences.",
        converse.name(),
        float(TEMPERATURE_RANGE.0),
        float(TEMPERATURE_RANGE.1),
        float(TOP_P_RANGE.0),
        float(TOP_P_RANGE.1),
        converse.max_stop_sequences()
    ));
    lines
}

#[cfg(test)]
pub(crate) mod tests {
    use proc_macro2::{Delimiter, TokenStream, TokenTree};
    use std::str::FromStr;

    /// The generated rustdoc of each item of an expansion, `(name, text)` in order: every `#[doc = "..."]` joined,
    /// up to the item's `const` or `struct` keyword and name.
    pub(crate) fn item_docs(out: TokenStream) -> Vec<(String, String)> {
        let mut found = Vec::new();
        let mut doc = String::new();
        let mut tokens = out.into_iter().peekable();
        while let Some(t) = tokens.next() {
            match t {
                TokenTree::Group(g) if g.delimiter() == Delimiter::Bracket => {
                    let inner: Vec<TokenTree> = g.stream().into_iter().collect();
                    if let [
                        TokenTree::Ident(i),
                        TokenTree::Punct(_),
                        TokenTree::Literal(lit),
                    ] = inner.as_slice()
                        && i == "doc"
                    {
                        let lit: syn::LitStr =
                            syn::parse2(TokenTree::Literal(lit.clone()).into()).expect("a string");
                        doc.push_str(&lit.value());
                        doc.push('\n');
                    }
                }
                TokenTree::Ident(i) if i == "const" || i == "struct" => {
                    if let Some(TokenTree::Ident(name)) = tokens.peek() {
                        found.push((name.to_string(), std::mem::take(&mut doc)));
                    }
                }
                _ => {}
            }
        }
        found
    }

    fn docs(input: &str) -> Vec<(String, String)> {
        item_docs(super::super::expand(
            TokenStream::from_str(input).expect("lexes"),
            &TokenStream::new(),
        ))
    }

    fn doc_of(input: &str, name: &str) -> String {
        docs(input)
            .into_iter()
            .find(|(n, _)| n == name)
            .map(|(_, d)| d)
            .unwrap_or_else(|| panic!("no const {name} in the expansion of {input}"))
    }

    #[test]
    fn a_derived_profile_of_the_same_invocation_shows_effective_values_and_their_source() {
        let doc = doc_of(
            r#"pub A { description: "Support answers", model: "anthropic.claude-sonnet-4-6", temperature: 0.5 }
               pub B { max_tokens: 100, ..A }
               pub C { top_k: 10, ..B }"#,
            "C",
        );
        assert!(doc.contains("*Support answers*"), "{doc}");
        assert!(doc.contains("| `name` | `c` |"), "{doc}");
        assert!(doc.contains("| `version` | 1 |"), "{doc}");
        assert!(doc.contains("| `temperature` | 0.5, from [`A`] |"), "{doc}");
        assert!(doc.contains("| `max_tokens` | 100, from [`B`] |"), "{doc}");
        assert!(
            doc.contains(
                "| `model` | `anthropic.claude-sonnet-4-6` (Claude Sonnet 4.6), from [`A`] |"
            ),
            "{doc}"
        );
        assert!(doc.contains("| `top_k` | 10 |"), "{doc}");
        assert!(
            doc.contains("| `description` | `Support answers`, from [`A`] |"),
            "{doc}"
        );
        // Keys no profile of the chain sets are left out; nothing "inherits" without a value.
        for key in ["top_p", "stop_sequences", "reasoning", "guardrail", "tags"] {
            assert!(!doc.contains(&format!("| `{key}")), "{key}: {doc}");
        }
        assert!(!doc.contains("inherits"), "{doc}");
        // The model is known, so are its limits.
        assert!(
            doc.contains("**Model limits** (`anthropic.claude-sonnet-4-6`"),
            "{doc}"
        );
    }

    #[test]
    fn a_setting_cleared_in_the_chain_says_where() {
        let doc = doc_of(
            r#"pub A { top_p: 0.9, tags: { "team": "search" } }
               pub B { top_p: None, ..A }
               pub C { tags: { "env": "prod" }, ..B }"#,
            "C",
        );
        assert!(
            doc.contains("| `top_p` | not set (`None` in [`B`]) |"),
            "{doc}"
        );
        assert!(
            doc.contains(
                "| `tags` | `\"team\": \"search\"`, `\"env\": \"prod\"` (its own over those of [`A`]) |"
            ),
            "{doc}"
        );
        assert!(
            doc.contains("No model: the API surfaces' limits apply."),
            "{doc}"
        );
    }

    #[test]
    fn a_base_of_another_invocation_is_named_once() {
        let doc = doc_of(r#"pub B { temperature: 0.2, ..super::A }"#, "B");
        assert!(doc.contains("| `name` | `b` |"), "{doc}");
        assert!(doc.contains("| `temperature` | 0.2 |"), "{doc}");
        assert_eq!(
            doc.lines().filter(|l| l.starts_with("| `")).count(),
            2,
            "only the name and its own setting: {doc}"
        );
        assert!(
            doc.contains(
                "Every other setting, the model (and so its limits) among them, is that of [`super::A`] (not shown \
                 here: the macro does not see its values)"
            ),
            "{doc}"
        );
        assert_eq!(doc.matches("super::A").count(), 1, "named once: {doc}");
        assert!(!doc.contains("inherits"), "{doc}");
    }

    #[test]
    fn a_doc_with_a_link_allows_a_private_target() {
        let out = super::super::expand(
            TokenStream::from_str("pub B { temperature: 0.2, ..A }").expect("lexes"),
            &TokenStream::new(),
        )
        .to_string();
        assert!(
            out.contains("# [allow (rustdoc :: private_intra_doc_links)]"),
            "{out}"
        );
        let out = super::super::expand(
            TokenStream::from_str("pub A { temperature: 0.2 }").expect("lexes"),
            &TokenStream::new(),
        )
        .to_string();
        assert!(!out.contains("private_intra_doc_links"), "{out}");
    }

    #[test]
    fn a_model_without_sampling_settings_gets_no_top_k_range() {
        let doc = doc_of(r#"pub P { model: "anthropic.claude-opus-4-7" }"#, "P");
        assert!(!doc.contains("top_k 0..="), "{doc}");
        assert_eq!(doc.matches("top_k").count(), 1, "{doc}");
        assert!(
            doc.contains("no sampling settings (temperature absent or 1, no top_p, no top_k)"),
            "{doc}"
        );
        // A model that takes sampling settings keeps its range.
        let doc = doc_of(
            r#"pub P { model: "anthropic.claude-haiku-4-5-20251001-v1:0" }"#,
            "P",
        );
        assert!(doc.contains("top_k 0..=500"), "{doc}");
        assert!(!doc.contains("no sampling settings"), "{doc}");
    }
}
