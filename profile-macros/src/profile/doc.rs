//! The rustdoc of a generated const: the user's doc comment (kept as written), the description, a table of the
//! effective settings and the model's limits.

use super::check::Profile;
use crate::doc::{code, model_cell};
use crate::value::Setting;
use bedrock_profiles_core::message::Message;
use bedrock_profiles_core::models::{ModelRef, TopK};
use bedrock_profiles_core::rules::Surface;
use quote::ToTokens;

fn float(value: f32) -> String {
    let mut m = Message::new();
    m.push_f32(value);
    m.as_str().to_owned()
}

/// The cell for one setting, or None when the row is left out (unset, nothing inherited).
fn cell<T>(
    setting: &Setting<T>,
    base: Option<&str>,
    show: impl Fn(&T) -> String,
) -> Option<String> {
    match setting {
        Setting::Literal(value, _) => Some(show(value)),
        Setting::Expr(tokens) => Some(format!(
            "{} (constant expression)",
            code(&tokens.to_string())
        )),
        Setting::Cleared => Some("not set (`None`)".to_owned()),
        Setting::Unset => base.map(|b| format!("inherits from `{b}`")),
        Setting::Invalid => None,
    }
}

fn limits_line(model: &ModelRef) -> String {
    let Some(limits) = model.limits() else {
        return "The model behind this ARN is unknown, so only the API surfaces' limits apply."
            .to_owned();
    };
    let mut parts = vec![format!(
        "at most {} output tokens",
        limits.max_output_tokens
    )];
    if limits.min_temperature > 0.0 {
        parts.push(format!(
            "temperature {}..=1.0",
            float(limits.min_temperature)
        ));
    }
    parts.push(match limits.top_k {
        TopK::Unsupported => "no top_k".to_owned(),
        TopK::Range { min, max } => format!("top_k {min}..={max}"),
    });
    if let Some(max) = limits.max_stop_sequences {
        parts.push(format!("at most {max} stop sequences"));
    }
    if limits.exclusive_temperature_top_p {
        parts.push("temperature and top_p not both".to_owned());
    }
    let source = match model.catalog_model() {
        Some(m) => format!(" (source: AWS Bedrock user guide, {})", m.source),
        None => " (as stated in `unlisted { ... }`)".to_owned(),
    };
    format!(
        "**Model limits** ({}, {}): {}{source}.",
        code(model.id()),
        limits.provider.name(),
        parts.join(", ")
    )
}

pub fn docs(p: &Profile) -> Vec<String> {
    let base = p
        .base
        .as_ref()
        .map(|b| b.to_token_stream().to_string().replace(' ', ""));
    let base = base.as_deref();
    let mut lines = Vec::new();
    let user_docs = p.attrs.iter().any(|a| a.path().is_ident("doc"));
    if user_docs {
        lines.push(String::new());
    }
    if let Setting::Literal(d, _) = &p.description {
        lines.push(format!("*{}*", d.replace('*', "\\*")));
        lines.push(String::new());
    }
    lines.push("| Setting | Value |".to_owned());
    lines.push("|---|---|".to_owned());
    let mut row = |key: &str, value: Option<String>| {
        if let Some(value) = value {
            lines.push(format!("| `{key}` | {value} |"));
        }
    };
    row("name", cell(&p.name, None, |n| code(n)));
    row("description", cell(&p.description, base, |d| code(d)));
    row(
        "version",
        cell(&p.version, base, |v| v.to_string()).or_else(|| Some("1".to_owned())),
    );
    row("model", cell(&p.model, base, model_cell));
    row("temperature", cell(&p.temperature, base, |v| float(*v)));
    row("top_p", cell(&p.top_p, base, |v| float(*v)));
    row("top_k", cell(&p.top_k, base, |v| v.to_string()));
    row("max_tokens", cell(&p.max_tokens, base, |v| v.to_string()));
    row(
        "stop_sequences",
        cell(&p.stop_sequences, base, |items| {
            let items: Vec<String> = items.iter().map(|(s, _)| code(&format!("{s:?}"))).collect();
            format!("[{}]", items.join(", "))
        }),
    );
    row(
        "anthropic_version",
        cell(&p.anthropic_version, base, |v| code(v)),
    );
    row(
        "response_format",
        cell(&p.response_format, base, |d| match d.name.literal() {
            Some(name) => format!("JSON schema {}", code(name)),
            None => "JSON schema".to_owned(),
        }),
    );
    lines.push(String::new());
    match &p.model {
        Setting::Literal(model, _) => lines.push(limits_line(model)),
        Setting::Unset if base.is_some() => lines.push(format!(
            "The model and its limits are those of `{}`.",
            base.unwrap_or_default()
        )),
        _ => lines.push("No model: the API surfaces' limits apply.".to_owned()),
    }
    lines.push(String::new());
    let converse = Surface::Converse;
    lines.push(format!(
        "Checked at compile time for {}: temperature and top_p 0.0..=1.0, max_tokens at least 1, \
         at most {} distinct non-empty stop sequences.",
        converse.name(),
        converse.max_stop_sequences()
    ));
    lines
}
