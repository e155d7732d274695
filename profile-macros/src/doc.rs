//! Pieces of generated rustdoc shared by the macros.

use bedrock_profiles_core::models::account::{self, FILE_NAME};
use bedrock_profiles_core::models::{ModelRef, ModelTarget};

/// Markdown inline code, safe in a table cell: `|` escaped, line breaks folded.
pub fn code(text: &str) -> String {
    let text = text.replace('|', "\\|").replace('\n', " ");
    if text.contains('`') {
        format!("`` {text} ``")
    } else {
        format!("`{text}`")
    }
}

/// An intra-doc link to the const `path` names from where the generated item stands: `` [`path`] ``, which
/// rustdoc resolves like the path in code (`super::A`, `Self::A`, `profiles::ANSWER`). A public prompt may use a
/// private profile: [`crate::emit::doc`] then allows `rustdoc::private_intra_doc_links`, and rustdoc shows the
/// name as text (an inline `[..](path)` would leave a broken `href` instead).
pub fn link(path: &str) -> String {
    format!("[`{path}`]")
}

/// Whether generated docs hold a [`link`]: `` [`path`] `` around a Rust path (a stop-sequence list, `` [`"a"`] ``,
/// is no link).
pub fn has_link(lines: &[String]) -> bool {
    lines.iter().any(|line| {
        line.split("[`").skip(1).any(|rest| {
            rest.split_once("`]").is_some_and(|(inside, _)| {
                !inside.is_empty()
                    && inside
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':')
            })
        })
    })
}

/// Whether `model` was accepted from the account's catalog in force (`bedrock-catalog.toml`) rather than the crate's.
pub fn from_account(model: &ModelRef) -> bool {
    if !matches!(model.target, ModelTarget::Unlisted(_)) {
        return false;
    }
    let id = model.id();
    let base = match id.split_once('.') {
        Some((prefix, rest))
            if bedrock_profiles_core::models::Geo::from_prefix(prefix).is_some() =>
        {
            rest
        }
        _ => id,
    };
    account::current().is_some_and(|a| a.has_model(base))
}

/// A model as a table cell: its id and, when the catalog knows it, its name.
pub fn model_cell(model: &ModelRef) -> String {
    let id = code(model.id());
    match model.target {
        ModelTarget::Base(m) | ModelTarget::Arn(_, m) => format!("{id} ({})", m.name),
        ModelTarget::CrossRegion(geo, m) => {
            format!("{id} ({}, cross-region `{}`)", m.name, geo.prefix())
        }
        ModelTarget::OpaqueArn(r) => format!("{id} ({})", r.as_str()),
        ModelTarget::Unlisted(_) if from_account(model) => {
            format!("{id} (from your account's catalog, `{FILE_NAME}`)")
        }
        ModelTarget::Unlisted(_) => format!("{id} (not in the catalog)"),
    }
}

#[cfg(test)]
mod tests {
    use super::{has_link, link};

    #[test]
    fn a_link_is_told_from_a_list_of_code() {
        assert!(has_link(&[format!("| profile | {} |", link("super::A"))]));
        assert!(has_link(&[format!("0.5, from {}", link("Self::BASE"))]));
        assert!(!has_link(&[
            "| `stop_sequences` | [`\"END\"`, `\"STOP\"`] |".to_owned()
        ]));
        assert!(!has_link(&["| `name` | `a` |".to_owned()]));
    }
}
