//! The rustdoc of a generated const: the user's doc comment (kept as written), the description, a table of the
//! effective settings and the model's limits.

use crate::doc::{code, model_cell};
use crate::syntax::Exprs;
use bedrock_profiles_core::decl::{ProfileDecl, ProfileKey, Setting};
use bedrock_profiles_core::limits::{TEMPERATURE_RANGE, TOP_P_RANGE};
use bedrock_profiles_core::message::Message;
use bedrock_profiles_core::models::{ModelRef, Sampling, TopK};
use bedrock_profiles_core::rules::Surface;

fn float(value: f32) -> String {
    let mut m = Message::new();
    m.push_f32(value);
    m.as_str().to_owned()
}

/// The cell for one setting, or None when the row is left out (unset, nothing inherited).
fn cell<T, L>(
    setting: &Setting<T, L>,
    base: Option<&str>,
    exprs: &Exprs,
    show: impl Fn(&T) -> String,
) -> Option<String> {
    match setting {
        Setting::Set(value, _) => Some(show(value)),
        Setting::Expr(handle, _) => Some(format!(
            "{} (constant expression)",
            code(&exprs.get(*handle).to_string())
        )),
        Setting::Cleared(_) => Some("not set (`None`)".to_owned()),
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

/// The rustdoc lines after the user's own doc comment (`user_docs`: whether there is one).
pub fn docs<L>(p: &ProfileDecl<L>, exprs: &Exprs, user_docs: bool) -> Vec<String> {
    let base = p.base.as_ref().map(|b| b.text.as_str());
    let mut lines = Vec::new();
    if user_docs {
        lines.push(String::new());
    }
    if let Setting::Set(d, _) = &p.description {
        lines.push(format!("*{}*", d.replace('*', "\\*")));
        lines.push(String::new());
    }
    lines.push("| Setting | Value |".to_owned());
    lines.push("|---|---|".to_owned());
    let mut row = |key: ProfileKey, value: Option<String>| {
        let key = key.as_str();
        if let Some(value) = value {
            lines.push(format!("| `{key}` | {value} |"));
        }
    };
    let default_name = p.default_name();
    row(
        ProfileKey::Name,
        cell(&p.name, None, exprs, |n| code(n)).or_else(|| Some(code(&default_name))),
    );
    row(
        ProfileKey::Description,
        cell(&p.description, base, exprs, |d| code(d)),
    );
    row(
        ProfileKey::Version,
        cell(&p.version, base, exprs, |v| v.to_string()).or_else(|| Some("1".to_owned())),
    );
    row(ProfileKey::Model, cell(&p.model, base, exprs, model_cell));
    row(
        ProfileKey::Temperature,
        cell(&p.temperature, base, exprs, |v| float(*v)),
    );
    row(ProfileKey::TopP, cell(&p.top_p, base, exprs, |v| float(*v)));
    row(
        ProfileKey::TopK,
        cell(&p.top_k, base, exprs, |v| v.to_string()),
    );
    row(
        ProfileKey::MaxTokens,
        cell(&p.max_tokens, base, exprs, |v| v.to_string()),
    );
    row(
        ProfileKey::StopSequences,
        cell(&p.stop_sequences, base, exprs, |items| {
            let items: Vec<String> = items.iter().map(|(s, _)| code(&format!("{s:?}"))).collect();
            format!("[{}]", items.join(", "))
        }),
    );
    row(
        ProfileKey::AnthropicVersion,
        cell(&p.anthropic_version, base, exprs, |v| code(v)),
    );
    row(
        ProfileKey::ResponseFormat,
        cell(&p.response_format, base, exprs, |d| match d.name.value() {
            Some(name) => format!("JSON schema {}", code(name)),
            None => "JSON schema".to_owned(),
        }),
    );
    row(
        ProfileKey::Reasoning,
        cell(&p.reasoning, base, exprs, |r| {
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
    );
    row(
        ProfileKey::Guardrail,
        cell(&p.guardrail, base, exprs, |g| {
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
    );
    row(
        ProfileKey::Tags,
        cell(&p.tags, base, exprs, |items| {
            let items: Vec<String> = items
                .iter()
                .map(|t| code(&format!("{:?}: {:?}", t.key.text, t.value)))
                .collect();
            match base {
                Some(base) => format!("{}, over those of `{base}`", items.join(", ")),
                None => items.join(", "),
            }
        }),
    );
    lines.push(String::new());
    match &p.model {
        Setting::Set(model, _) => lines.push(limits_line(model)),
        Setting::Unset if base.is_some() => lines.push(format!(
            "The model and its limits are those of `{}`.",
            base.unwrap_or_default()
        )),
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
mod tests {
    use proc_macro2::TokenStream;
    use std::str::FromStr;

    fn doc_of(input: &str) -> String {
        super::super::expand(TokenStream::from_str(input).expect("lexes")).to_string()
    }

    #[test]
    fn a_model_without_sampling_settings_gets_no_top_k_range() {
        let doc = doc_of(r#"pub P { model: "anthropic.claude-opus-4-7" }"#);
        assert!(!doc.contains("top_k 0..="), "{doc}");
        assert_eq!(doc.matches("top_k").count(), 1, "{doc}");
        assert!(
            doc.contains("no sampling settings (temperature absent or 1, no top_p, no top_k)"),
            "{doc}"
        );
        let doc = doc_of(r#"pub P { model: "anthropic.claude-haiku-4-5-20251001-v1:0" }"#);
        assert!(doc.contains("top_k 0..=500"), "{doc}");
        assert!(!doc.contains("no sampling settings"), "{doc}");
    }
}
