//! Pieces of generated rustdoc shared by the macros.

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

/// A model as a table cell: its id and, when the catalog knows it, its name.
pub fn model_cell(model: &ModelRef) -> String {
    let id = code(model.id());
    match model.target {
        ModelTarget::Base(m) | ModelTarget::Arn(_, m) => format!("{id} ({})", m.name),
        ModelTarget::CrossRegion(geo, m) => {
            format!("{id} ({}, cross-region `{}`)", m.name, geo.prefix())
        }
        ModelTarget::OpaqueArn(r) => format!("{id} ({})", r.as_str()),
        ModelTarget::Unlisted(_) => format!("{id} (not in the catalog)"),
    }
}
