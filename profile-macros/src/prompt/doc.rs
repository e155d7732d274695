//! The rustdoc appended to the struct: the prompt's name and description, then per variant its template type,
//! variables, model, profile and template.

use super::check::Prompt;
use crate::doc::{code, link, model_cell};
use crate::syntax::path_text;

/// A fenced block that the template's own backticks cannot close.
fn fenced(text: &str, lines: &mut Vec<String>) {
    let mut longest = 0;
    let mut run = 0;
    for ch in text.chars() {
        run = if ch == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest.max(2) + 1);
    lines.push(format!("{fence}text"));
    lines.extend(text.lines().map(str::to_owned));
    lines.push(fence);
}

/// `by`: the macro that checked it (`#[prompt]`, `include_profiles!`).
pub fn docs<L>(p: &Prompt<L>, user_docs: bool, by: &str) -> Vec<String> {
    let mut lines = Vec::new();
    if user_docs {
        lines.push(String::new());
    }
    lines.push(format!(
        "**Prompt {}**, checked at compile time for Bedrock Prompt management (`{by}`).",
        code(&p.resolved.name)
    ));
    if let Some(d) = &p.resolved.description {
        lines.push(String::new());
        lines.push(format!("*{}*", d.replace('*', "\\*")));
    }
    let variants = &p.resolved.variants;
    for v in variants {
        lines.push(String::new());
        if variants.len() > 1 {
            lines.push(format!("**Variant {}**", code(&v.name)));
            lines.push(String::new());
        }
        lines.push("| | |".to_owned());
        lines.push("|---|---|".to_owned());
        let kind = if v.system.is_some() {
            "`CHAT`"
        } else {
            "`TEXT`"
        };
        lines.push(format!("| template type | {kind} |"));
        let variables: Vec<String> = v.variables.iter().map(|n| code(n)).collect();
        let variables = if variables.is_empty() {
            "none".to_owned()
        } else {
            variables.join(", ")
        };
        lines.push(format!("| variables | {variables} |"));
        let profile = v.profile.as_ref().and_then(|r| p.profiles.get(r));
        match &v.model {
            Some(m) => lines.push(format!("| model | {} |", model_cell(m))),
            None if profile.is_some() => lines.push("| model | the profile's |".to_owned()),
            None => {}
        }
        if let Some(path) = &profile {
            lines.push(format!("| profile | {} |", link(&path_text(path))));
        }
        for (label, index) in [("System prompt", v.system), ("Template", Some(v.text))] {
            let Some(index) = index else { continue };
            let source = &p.resolved.templates[index];
            lines.push(String::new());
            match &source.file {
                Some(path) => lines.push(format!("{label} (from {}):", code(path))),
                None => lines.push(format!("{label}:")),
            }
            lines.push(String::new());
            fenced(&source.text, &mut lines);
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use crate::profile::doc::tests::item_docs;
    use proc_macro2::TokenStream;
    use std::str::FromStr;

    #[test]
    fn the_profile_is_a_link_that_resolves_where_the_struct_stands() {
        let out = crate::prompt::expand(
            TokenStream::from_str(
                r#"model = "anthropic.claude-sonnet-4-6", profile = profiles::ANSWER, text = "Hello {{customer}}""#,
            )
            .expect("lexes"),
            TokenStream::from_str("pub struct SupportReply { customer: String }").expect("lexes"),
        );
        let docs = item_docs(out.clone());
        let doc = &docs
            .iter()
            .find(|(n, _)| n == "SupportReply")
            .expect("the struct")
            .1;
        // The path as written, from the struct's module, in the value namespace.
        assert!(doc.contains("| profile | [`profiles::ANSWER`] |"), "{doc}");
        // A public prompt may use a private profile: rustdoc shows that link as text, without a warning.
        assert!(
            out.to_string()
                .contains("# [allow (rustdoc :: private_intra_doc_links)]"),
            "{out}"
        );
    }
}
