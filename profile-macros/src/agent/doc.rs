//! The rustdoc appended to the struct: the agent's name, description, model, idle session timeout, the profile of
//! each step, and the instruction.

use super::check::Agent;
use crate::doc::{code, link, model_cell};
use crate::syntax::path_text;
use bedrock_profiles_core::decl::ResolvedGuardrail;
use bedrock_profiles_core::limits::TOP_K_RANGE;
use bedrock_profiles_core::rules::Surface;

fn duration(seconds: u32) -> String {
    let (minutes, rest) = (seconds / 60, seconds % 60);
    match (minutes, rest) {
        (0, _) => format!("{seconds} seconds"),
        (1, 0) => format!("{seconds} seconds (1 minute)"),
        (m, 0) => format!("{seconds} seconds ({m} minutes)"),
        (m, s) => format!("{seconds} seconds ({m} min {s} s)"),
    }
}

/// A code fence longer than any run of backticks in `text`.
fn fence(text: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for ch in text.chars() {
        run = if ch == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    "`".repeat((longest + 1).max(3))
}

/// The rustdoc lines after the user's own doc comment (`user_docs`: whether there is one).
pub fn docs<L>(agent: &Agent<L>, user_docs: bool) -> Vec<String> {
    let a = &agent.resolved;
    let mut lines = Vec::new();
    if user_docs {
        lines.push(String::new());
    }
    lines.push(format!("**Bedrock agent** {}", code(&a.name)));
    lines.push(String::new());
    if let Some(description) = &a.description {
        lines.push(format!("*{}*", description.replace('*', "\\*")));
        lines.push(String::new());
    }
    lines.push("| Setting | Value |".to_owned());
    lines.push("|---|---|".to_owned());
    lines.push(format!("| `name` | {} |", code(&a.name)));
    lines.push(format!("| `model` | {} |", model_cell(&a.model)));
    let ttl = match a.idle_session_ttl {
        Some(seconds) => duration(seconds),
        None => "Bedrock's default".to_owned(),
    };
    lines.push(format!("| `idle_session_ttl` | {ttl} |"));
    if let Some(ResolvedGuardrail { id, version }) = &a.guardrail {
        lines.push(format!(
            "| `guardrail` | {} version {} |",
            code(id),
            code(version)
        ));
    }
    for step in &a.steps {
        let Some(path) = agent.profiles.get(&step.profile) else {
            continue;
        };
        lines.push(format!(
            "| `{}` profile | {} |",
            step.step.as_str(),
            link(&path_text(&path))
        ));
    }
    lines.push(String::new());
    let instruction = &a.instruction;
    let count = instruction.text.chars().count();
    let source = match &instruction.file {
        Some(relative) => format!(", from {}", code(relative)),
        None => String::new(),
    };
    lines.push(format!("**Instruction** ({count} characters{source}):"));
    lines.push(String::new());
    let fence = fence(&instruction.text);
    lines.push(format!("{fence}text"));
    lines.extend(instruction.text.lines().map(str::to_owned));
    lines.push(fence);
    lines.push(String::new());
    let (instruction_min, instruction_max) = bedrock_profiles_core::limits::INSTRUCTION_CHARS;
    let (ttl_min, ttl_max) = bedrock_profiles_core::limits::IDLE_SESSION_TTL_SECONDS;
    let (top_k_min, top_k_max) = Surface::Agent.top_k_range().unwrap_or(TOP_K_RANGE);
    lines.push(format!(
        "Checked at compile time: name, instruction ({instruction_min}..={instruction_max} characters), description, \
         idle session timeout ({ttl_min}..={ttl_max} seconds), the guardrail's id and version, that Bedrock Agents supports the model, and each \
         step's profile against the Agents limits (at most {} stop sequences, top_k {top_k_min}..={top_k_max}) and \
         the model's.",
        Surface::Agent.max_stop_sequences()
    ));
    lines
}

#[cfg(test)]
mod tests {
    use crate::profile::doc::tests::item_docs;
    use proc_macro2::TokenStream;
    use std::str::FromStr;

    #[test]
    fn each_step_profile_is_a_link() {
        let out = crate::agent::expand(
            TokenStream::from_str(
                r#"name = "support-agent", instruction = "You are a helpful assistant. Answer questions about orders politely and briefly.", model = "anthropic.claude-sonnet-4-6", steps(pre_processing = super::profiles::ANSWER), base_prompt_templates(pre_processing = "$question$")"#,
            )
            .expect("lexes"),
            TokenStream::from_str("pub struct SupportAgent;").expect("lexes"),
        );
        let docs = item_docs(out);
        let doc = &docs
            .iter()
            .find(|(n, _)| n == "SupportAgent")
            .expect("the struct")
            .1;
        assert!(
            doc.contains("| `PRE_PROCESSING` profile | [`super::profiles::ANSWER`] |"),
            "{doc}"
        );
    }
}
