//! The Rust catalog (`profile-core/src/models/generated.rs`) written from the data file: one `Model` const per row
//! with every figure spelled out, `CATALOG`, the const names the macros use, and `refs`.

use crate::data::{Data, Fact, Family, GEOS, Keys, ModelRow, Reasoning, Sampling, TopK};
use std::fmt::Write as _;

/// A Rust string literal.
fn lit(s: &str) -> String {
    format!("{s:?}")
}

fn opt_lit(s: Option<&str>) -> String {
    match s {
        Some(s) => format!("Some({})", lit(s)),
        None => "None".to_owned(),
    }
}

fn top_k(t: &TopK) -> String {
    match t {
        TopK::Range([min, max]) => format!("TopK::Range {{ min: {min}, max: {max} }}"),
        TopK::Word(_) => "TopK::Unsupported".to_owned(),
    }
}

fn f32_lit(v: f32) -> String {
    let s = format!("{v:?}");
    if s.contains('.') || s.contains('e') {
        s
    } else {
        format!("{s}.0")
    }
}

fn efforts(word: &str) -> &'static str {
    match word {
        "to-high" => "Efforts::TO_HIGH",
        "no-xhigh" => "Efforts::NO_XHIGH",
        "all" => "Efforts::ALL",
        _ => "Efforts::NONE",
    }
}

fn reasoning(r: &Reasoning) -> String {
    match r {
        Reasoning::Word(w) => match w.as_str() {
            "always-on" => "Reasoning::AlwaysOn",
            "nova" => "Reasoning::Nova",
            "openai" => "Reasoning::OpenAi",
            "unknown" => "Reasoning::Unknown",
            _ => "Reasoning::None",
        }
        .to_owned(),
        Reasoning::Claude(c) => {
            let budget = match c.budget.as_str() {
                "supported" => "Budget::Supported",
                "deprecated" => "Budget::Deprecated",
                _ => "Budget::Unsupported",
            };
            let off = match &c.always_on {
                Some(alt) => format!("Off::Never {{ alternative: {} }}", lit(alt)),
                None => "Off::Allowed".to_owned(),
            };
            format!(
                "Reasoning::Claude(ClaudeThinking {{ budget: {budget}, interleaved: {}, adaptive: {}, efforts: {}, \
                 off: {off}, between_tools: {} }})",
                c.interleaved,
                c.adaptive,
                efforts(&c.efforts),
                c.between_tools
            )
        }
    }
}

fn sampling(s: Option<&Fact<Sampling>>) -> String {
    match s.map(|f| &f.value) {
        None => "Sampling::Free".to_owned(),
        Some(Sampling::Word(w)) if w == "free" => "Sampling::Free".to_owned(),
        Some(Sampling::Word(_)) => "Sampling::DefaultsOnly { top_p: None }".to_owned(),
        Some(Sampling::DefaultsOnly { top_p: [a, b] }) => format!(
            "Sampling::DefaultsOnly {{ top_p: Some(({}, {})) }}",
            f32_lit(*a),
            f32_lit(*b)
        ),
    }
}

/// The rustdoc summary of a model: its name, output limit, prefixes, reasoning, lifecycle and disputed figures.
fn doc(data: &Data, m: &ModelRow, family: &Family) -> Vec<String> {
    let mut lines = Vec::new();
    let mut head = format!(
        "{}: {} output tokens ({})",
        m.name,
        m.max_output_tokens.value,
        data.titles(&m.max_output_tokens.source)
    );
    if let Some(extra) = &m.doc {
        head.push_str("; ");
        head.push_str(extra);
    }
    head.push('.');
    lines.push(head);
    lines.push(String::new());
    let prefixes = if m.prefixes.value.is_empty() {
        "in-region only".to_owned()
    } else {
        m.prefixes
            .value
            .iter()
            .map(|p| format!("`{p}.`"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    lines.push(format!(
        "- Cross-region prefixes: {prefixes} ({}).",
        data.titles(&m.prefixes.source)
    ));
    if !m.on_demand.value {
        lines.push(
            "- Only through a cross-region inference profile (no on-demand base id).".to_owned(),
        );
    }
    let top_k_fact = m.top_k.as_ref().unwrap_or(&family.top_k);
    match &m.sampling {
        // The family's request body takes a top-k range, but a model that takes no sampling settings takes no
        // top-k: one statement, so that the page does not give a range beside "no sampling settings".
        Some(s) if sampling(Some(s)) != "Sampling::Free" => lines.push(format!(
            "- Top-k: none, as no sampling setting is taken ({}).",
            data.titles(&s.source)
        )),
        _ => lines.push(format!(
            "- Top-k: {} ({}).",
            match &top_k_fact.value {
                TopK::Range([a, b]) => format!("{a}..={b}"),
                TopK::Word(_) => "none".to_owned(),
            },
            data.titles(&top_k_fact.source)
        )),
    }
    if let Some(l) = &m.legacy {
        let since = l
            .date
            .as_deref()
            .map(|d| format!(" since {d}"))
            .unwrap_or_default();
        lines.push(format!("- Legacy{since} ({}).", data.titles(&l.source)));
    }
    if let Some(e) = &m.end_of_life {
        lines.push(format!(
            "- End of life on Bedrock: {}{} ({}); a warning, never an error.",
            e.date,
            eol_note(e).map(|n| format!(", {n}")).unwrap_or_default(),
            data.titles(&e.source)
        ));
    }
    if let Some(s) = &m.successor {
        lines.push(format!(
            "- Successor: `{}` ({}).",
            s.id,
            data.titles(&s.source)
        ));
    }
    for note in unverified(m) {
        lines.push(format!("- Unverified: {note}."));
    }
    lines
}

/// What an end-of-life date covers, as the warning says it: the data's note, or the one profile it concerns.
fn eol_note(e: &crate::data::Dated) -> Option<String> {
    e.note.clone().or_else(|| {
        e.only
            .as_ref()
            .map(|g| format!("the `{g}.` cross-region profile only"))
    })
}

/// The disputed figures of a model, as `field: note`.
pub fn unverified(m: &ModelRow) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |field: &str, note: &Option<String>| {
        if let Some(n) = note {
            out.push(format!("{field}: {n}"));
        }
    };
    push("max output", &m.max_output_tokens.unverified);
    push("prefixes", &m.prefixes.unverified);
    push("reasoning", &m.reasoning.unverified);
    push("on-demand", &m.on_demand.unverified);
    push("agents", &m.agents.unverified);
    if let Some(s) = &m.sampling {
        push("sampling", &s.unverified);
    }
    if let Some(t) = &m.top_k {
        push("top-k", &t.unverified);
    }
    out
}

fn titles_or(data: &Data, keys: Option<&Keys>, fallback: &str) -> String {
    keys.map_or_else(|| fallback.to_owned(), |k| data.titles(k))
}

/// The generated module's text.
pub fn generate(data: &Data) -> String {
    let mut out = String::new();
    out.push_str(
        "// @generated by `cargo xtask catalog generate` from `profile-core/catalog/models.toml`. Do not edit: edit\n\
         // the data file and run the generator (a test fails when this file is out of date).\n\n\
         //! The catalog's models, generated from the data file (`profile-core/catalog/models.toml`), where each figure\n\
         //! has its source.\n\n\
         use super::facts::{\n    Budget, ClaudeThinking, Efforts, EndOfLife, FactSources, Facts, Legacy, Off, Prefixes, Reasoning, Sampling,\n    Successor,\n};\n\
         use super::{Geo, Model, ModelLimits, Provider, TopK};\n\n",
    );
    for m in &data.models {
        let family = &data.families[&m.family];
        for line in doc(data, m, family) {
            if line.is_empty() {
                out.push_str("///\n");
            } else {
                let _ = writeln!(out, "/// {line}");
            }
        }
        let top_k_fact = m.top_k.as_ref().unwrap_or(&family.top_k);
        let min_t = m
            .min_temperature
            .as_ref()
            .unwrap_or(&family.min_temperature);
        let stops = m
            .max_stop_sequences
            .as_ref()
            .or(family.max_stop_sequences.as_ref());
        let geos: Vec<String> = GEOS
            .iter()
            .filter(|(p, _)| m.prefixes.value.iter().any(|v| v == p))
            .map(|(_, v)| format!("Geo::{v}"))
            .collect();
        let notes = unverified(m);
        let unverified_text = if notes.is_empty() {
            None
        } else {
            Some(notes.join("; "))
        };
        let mut limit_sources = vec![data.titles(&top_k_fact.source)];
        for s in [
            Some(data.titles(&min_t.source)),
            stops.map(|s| data.titles(&s.source)),
        ]
        .into_iter()
        .flatten()
        {
            if !limit_sources.contains(&s) {
                limit_sources.push(s);
            }
        }
        let _ = writeln!(out, "pub const {}: Model = Model {{", m.konst);
        let _ = writeln!(out, "    id: {},", lit(&m.id));
        let _ = writeln!(out, "    name: {},", lit(&m.name));
        let _ = writeln!(out, "    limits: ModelLimits {{");
        let _ = writeln!(out, "        provider: Provider::{},", family.provider);
        let _ = writeln!(
            out,
            "        max_output_tokens: {},",
            m.max_output_tokens.value
        );
        let _ = writeln!(out, "        min_temperature: {},", f32_lit(min_t.value));
        let _ = writeln!(out, "        top_k: {},", top_k(&top_k_fact.value));
        let _ = writeln!(
            out,
            "        max_stop_sequences: {},",
            stops.map_or_else(|| "None".to_owned(), |s| format!("Some({})", s.value))
        );
        let _ = writeln!(
            out,
            "        exclusive_temperature_top_p: {},",
            m.exclusive_temperature_top_p
                .as_ref()
                .is_some_and(|f| f.value)
        );
        let _ = writeln!(out, "    }},");
        let _ = writeln!(out, "    agents: {},", m.agents.value);
        let _ = writeln!(out, "    on_demand: {},", m.on_demand.value);
        let _ = writeln!(out, "    legacy: {},", m.legacy.is_some());
        let _ = writeln!(
            out,
            "    source: {},",
            lit(&data.titles(&m.max_output_tokens.source))
        );
        let _ = writeln!(out, "    facts: Facts {{");
        let _ = writeln!(
            out,
            "        prefixes: Prefixes::of(&[{}]),",
            geos.join(", ")
        );
        let _ = writeln!(out, "        sampling: {},", sampling(m.sampling.as_ref()));
        let _ = writeln!(out, "        reasoning: {},", reasoning(&m.reasoning.value));
        let _ = writeln!(
            out,
            "        end_of_life: {},",
            match &m.end_of_life {
                Some(e) => format!(
                    "Some(EndOfLife {{ date: {}, only: {}, note: {}, source: {} }})",
                    lit(&e.date),
                    match &e.only {
                        Some(g) => format!(
                            "Some(Geo::{})",
                            GEOS.iter().find(|(p, _)| p == g).map_or("Us", |(_, v)| v)
                        ),
                        None => "None".to_owned(),
                    },
                    opt_lit(eol_note(e).as_deref()),
                    lit(&data.titles(&e.source))
                ),
                None => "None".to_owned(),
            }
        );
        let _ = writeln!(
            out,
            "        legacy: {},",
            match &m.legacy {
                Some(l) => format!(
                    "Some(Legacy {{ since: {}, source: {} }})",
                    opt_lit(l.date.as_deref()),
                    lit(&data.titles(&l.source))
                ),
                None => "None".to_owned(),
            }
        );
        let _ = writeln!(
            out,
            "        successor: {},",
            match &m.successor {
                Some(s) => format!(
                    "Some(Successor {{ id: {}, source: {} }})",
                    lit(&s.id),
                    lit(&data.titles(&s.source))
                ),
                None => "None".to_owned(),
            }
        );
        let _ = writeln!(
            out,
            "        unverified: {},",
            opt_lit(unverified_text.as_deref())
        );
        let _ = writeln!(
            out,
            "        account_setting: {},",
            opt_lit(m.account_setting.as_deref())
        );
        let _ = writeln!(out, "        sources: FactSources {{");
        let _ = writeln!(
            out,
            "            prefixes: {},",
            lit(&data.titles(&m.prefixes.source))
        );
        let _ = writeln!(
            out,
            "            reasoning: {},",
            lit(&data.titles(&m.reasoning.source))
        );
        let _ = writeln!(
            out,
            "            sampling: {},",
            lit(&titles_or(
                data,
                m.sampling.as_ref().map(|s| &s.source),
                &data.titles(&family.top_k.source)
            ))
        );
        let _ = writeln!(
            out,
            "            limits: {},",
            lit(&limit_sources.join("; "))
        );
        let _ = writeln!(
            out,
            "            on_demand: {},",
            lit(&data.titles(&m.on_demand.source))
        );
        let _ = writeln!(out, "        }},");
        let _ = writeln!(out, "    }},");
        let _ = writeln!(out, "}};\n");
    }
    out.push_str("/// Every model of the catalog, in the data file's order.\npub const CATALOG: &[&Model] = &[\n");
    for m in &data.models {
        let _ = writeln!(out, "    &{},", m.konst);
    }
    out.push_str("];\n\n");
    out.push_str(
        "/// The Rust name of each [`CATALOG`] entry's const, in the same order (used by the macros to name the entry\n\
         /// in generated code).\n#[doc(hidden)]\npub const CATALOG_CONST_NAMES: &[&str] = &[\n",
    );
    for m in &data.models {
        let _ = writeln!(out, "    {},", lit(&m.konst));
    }
    out.push_str("];\n\n");
    out.push_str(
        "/// Each catalog model as the [`ModelRef`](super::ModelRef) of its base id, under the same name: generated code\n\
         /// names one of these for `model: \"<base id>\"` instead of spelling the struct out (a struct literal, so that a\n\
         /// profile holding it can still be a `..BASE`). Reached through `crate::__private`.\n#[allow(missing_docs)]\npub(crate) mod refs {\n    \
         use super::super::{ModelRef, ModelTarget};\n    use std::borrow::Cow;\n",
    );
    for m in &data.models {
        let _ = writeln!(
            out,
            "    pub const {k}: ModelRef = ModelRef {{ id: Cow::Borrowed(super::{k}.id), target: ModelTarget::Base(&super::{k}) }};",
            k = m.konst
        );
    }
    out.push_str("}\n");
    out
}
