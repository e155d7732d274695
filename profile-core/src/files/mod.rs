//! Declarations in TOML or JSON files, checked at run time by the same rulebook as the macros.
//!
//! ```toml
//! [profiles.high-quality]
//! description = "A profile for high-quality responses"
//! model = "anthropic.claude-3-5-sonnet-20241022-v2:0"
//! temperature = 0.7
//! max_tokens = 2000
//!
//! [profiles.creative]
//! extends = "high-quality"
//! temperature = 1.0
//!
//! [prompts.greeting]
//! profile = "high-quality"
//! text = "Hello {{customer}}, how can I help you with {{topic}}?"
//!
//! [prompts.greeting.variants.concise]
//! text = "Hi {{customer}}: {{topic}}?"
//!
//! [agents.support]
//! instruction = "You are a helpful assistant. Answer questions about orders politely and briefly."
//! model = "anthropic.claude-3-5-sonnet-20241022-v2:0"
//! profile = "high-quality"
//! idle_session_ttl = "10m"
//! base_prompt_templates.orchestration = "$instruction$ ..."
//! ```
//!
//! - `profiles.<name>`: the keys of `inference_profile!`; `name` defaults to the table's name; `extends =
//!   "<profile>"` takes every key it does not set from that profile, except the name. `model` is a string or
//!   `{ id = "...", max_output_tokens = N }`; `response_format = { json_schema = { name, description, schema } }`
//!   with the schema as JSON text.
//! - `prompts.<name>`: the keys of `#[prompt]` (`name`, `description`, `model`, `profile`, `text`, `system`), with
//!   `profile` naming a profile table; variants are the tables `prompts.<name>.variants.<variant>` with `model`,
//!   `profile`, `text` and `system`, unset keys taken from the prompt.
//! - `agents.<name>`: the keys of `#[agent]` (`name`, `description`, `instruction`, `model`, `profile`,
//!   `idle_session_ttl` as seconds or `"10m"`, `steps = { pre_processing = "<profile>", ... }`), plus
//!   `base_prompt_templates = { orchestration = "...", ... }`: the template Bedrock needs for each step whose
//!   inference configuration is overridden (see `wire::agent::CreateAgentRequest`), and `guardrail = { id = "...",
//!   version = "3" }` (no `trace`: `CreateAgent.guardrailConfiguration` has none).
//!
//! JSON files (`.json`) have the same structure. [`load`] reads a file, [`parse`] a string; either returns every
//! error of the file at once, each with its file, line, column and key path, and a file that has one loads nothing.
//! `LoadError`'s `Display` renders them the way rustc does.
//!
//! Models are checked against the crate's catalog, and also against your account's catalog when one is in force
//! on the thread, as `bedrock-profiles check` does:
//! `models::account::with_account(Some(Arc::new(catalog)), || files::load(path))`, the catalog read by
//! `models::account::AccountCatalog::read(Path::new("bedrock-catalog.toml"))` (feature `account`, on with `files`).

pub(crate) mod load;
pub(crate) mod names;
mod read;
mod tree;
mod warn;
mod write;

use crate::agent::{AgentGuardrail, AgentSpec, PromptType};
use crate::decl;
use crate::profile::InferenceProfile;
use crate::prompt::{PromptSpec, PromptVariant, TemplateType};
pub use load::{FileError, load, parse, parse_bytes};
use std::ops::Range;
use std::path::{Path, PathBuf};
pub use warn::FileWarning;

/// The file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// TOML.
    Toml,
    /// JSON, with the same structure as the TOML.
    Json,
}

impl Format {
    /// The format of a path: JSON for `.json`, TOML otherwise.
    pub fn of(path: &Path) -> Format {
        match path.extension().and_then(|e| e.to_str()) {
            Some(ext) if ext.eq_ignore_ascii_case("json") => Format::Json,
            _ => Format::Toml,
        }
    }
}

/// Everything a file declares, every rule checked.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Declarations {
    /// `profiles.<key>`, in file order, with `extends` applied.
    pub profiles: Vec<LoadedProfile>,
    /// `prompts.<key>`, in file order.
    pub prompts: Vec<LoadedPrompt>,
    /// `agents.<key>`, in file order.
    pub agents: Vec<LoadedAgent>,
    /// Profile table key -> index in `profiles`, built on the first lookup (`profile`, and every prompt and agent
    /// a request is built for): linear in the file, where a scan per lookup was quadratic.
    by_key: KeyIndex,
    /// Where each warning's key is in the file, found while loading.
    places: warn::Places,
}

/// A lookup index that two equal [`Declarations`] may or may not have built: it compares equal and clones empty.
#[derive(Debug, Default)]
struct KeyIndex(std::sync::OnceLock<std::collections::HashMap<String, usize>>);

impl Clone for KeyIndex {
    fn clone(&self) -> Self {
        KeyIndex::default()
    }
}

impl PartialEq for KeyIndex {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// A profile table.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedProfile {
    /// The table's name (`high-quality` in `[profiles.high-quality]`), by which prompts and agents name it.
    pub key: String,
    /// The profile, inherited keys included.
    pub profile: InferenceProfile,
}

/// A prompt table, every rule checked: the table's name (`key`), the prompt's `name` (default: the table's
/// name), its `description`, its templates (`templates`) and its `variants`, the default (the top-level keys,
/// named `default`) first, each with its `model`, `profile` (a profile table's name, [`ProfileRef::name`]),
/// `text` and `system` (indices into `templates`: [`LoadedPrompt::text`], [`LoadedPrompt::system`]) and the
/// distinct `variables` of its system prompt and text, in order of first use. What `include_profiles!` emits.
pub type LoadedPrompt = decl::ResolvedPrompt<Range<usize>>;

/// A prompt variant: see [`LoadedPrompt`].
pub type LoadedVariant = decl::ResolvedVariant;

/// An agent table, every rule checked: the table's name (`key`), `name` (`agentName`, default: the table's name),
/// `description`, `instruction`, `model`, `idle_session_ttl` in seconds, the profile of each step that has one
/// (`steps`, by step order; `profile` is the orchestration step's), the `base_prompt_templates` of the steps whose
/// prompt is overridden, and the `guardrail`'s id and version. What `include_profiles!` emits.
pub type LoadedAgent = decl::ResolvedAgent<Range<usize>>;

// The loader's results are the declaration layer's resolved types (the macros emit the same ones); they are
// documented here, their public home.
pub use decl::{
    Instruction, ProfileRef, ResolvedAgent, ResolvedGuardrail, ResolvedPrompt, ResolvedVariant,
    StepProfile, StepTemplate, TemplateSource,
};

impl Declarations {
    /// The profile of table `key`.
    pub fn profile(&self, key: &str) -> Option<&InferenceProfile> {
        let index = self.by_key.0.get_or_init(|| {
            let mut index = std::collections::HashMap::with_capacity(self.profiles.len());
            for (i, p) in self.profiles.iter().enumerate() {
                // The first of two equal keys, as a scan would find (a loaded file has none).
                index.entry(p.key.clone()).or_insert(i);
            }
            index
        });
        match index.get(key).and_then(|&i| self.profiles.get(i)) {
            Some(p) if p.key == key => Some(&p.profile),
            // `profiles` is public: after a change to it the index may be stale, and a scan answers.
            _ => self
                .profiles
                .iter()
                .find(|p| p.key == key)
                .map(|p| &p.profile),
        }
    }

    /// The profile a prompt or an agent names.
    fn profile_of(&self, profile: Option<&ProfileRef>) -> Option<&InferenceProfile> {
        self.profile(profile?.name()?)
    }

    /// The prompt of table `key`.
    pub fn prompt(&self, key: &str) -> Option<&LoadedPrompt> {
        self.prompts.iter().find(|p| p.key == key)
    }

    /// The agent of table `key`.
    pub fn agent(&self, key: &str) -> Option<&LoadedAgent> {
        self.agents.iter().find(|a| a.key == key)
    }

    /// The declarations as TOML; [`parse`] reads them back as they are (`extends` is written out resolved).
    pub fn to_toml(&self) -> String {
        write::to_toml(self)
    }

    /// Runs `f` with the [`PromptSpec`] of a loaded prompt, as `#[prompt]` would build it, borrowing from the
    /// declarations (nothing is leaked or copied beyond the small lists the spec points to).
    pub fn with_prompt_spec<R>(
        &self,
        prompt: &LoadedPrompt,
        f: impl FnOnce(&PromptSpec<'_>) -> R,
    ) -> R {
        let variables: Vec<Vec<&str>> = prompt
            .variants
            .iter()
            .map(|v| v.variables.iter().map(String::as_str).collect())
            .collect();
        let variants: Vec<PromptVariant<'_>> = prompt
            .variants
            .iter()
            .zip(&variables)
            .map(|(v, variables)| PromptVariant {
                name: &v.name,
                model: v.model.clone(),
                profile: self.profile_of(v.profile.as_ref()),
                template_type: if v.system.is_some() {
                    TemplateType::Chat
                } else {
                    TemplateType::Text
                },
                text: prompt.text(v),
                system: prompt.system(v),
                variables,
            })
            .collect();
        f(&PromptSpec {
            name: &prompt.name,
            description: prompt.description.as_deref(),
            variants: &variants,
        })
    }

    /// Runs `f` with the [`AgentSpec`] of a loaded agent, as `#[agent]` would build it, borrowing from the
    /// declarations.
    pub fn with_agent_spec<R>(
        &self,
        agent: &LoadedAgent,
        f: impl FnOnce(&AgentSpec<'_>) -> R,
    ) -> R {
        let step = |step: PromptType| self.profile_of(agent.step(step));
        let templates: Vec<(PromptType, &str)> = agent
            .base_prompt_templates
            .iter()
            .map(|t| (t.step, t.text.as_str()))
            .collect();
        f(&AgentSpec {
            name: &agent.name,
            description: agent.description.as_deref(),
            instruction: &agent.instruction.text,
            model: agent.model.clone(),
            idle_session_ttl: agent.idle_session_ttl,
            pre_processing: step(PromptType::PreProcessing),
            orchestration: step(PromptType::Orchestration),
            post_processing: step(PromptType::PostProcessing),
            knowledge_base_response_generation: step(PromptType::KnowledgeBaseResponseGeneration),
            memory_summarization: step(PromptType::MemorySummarization),
            base_prompt_templates: &templates,
            guardrail: agent.guardrail.as_ref().map(|g| AgentGuardrail {
                id: &g.id,
                version: &g.version,
            }),
        })
    }
}

/// What kind of error a file has (the declaration layer's issue kinds).
pub use crate::issue_kind::IssueKind as ErrorKind;

/// One error in a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    /// What kind.
    pub kind: ErrorKind,
    /// The key path, like `profiles.creative.temperature` (empty for the whole file).
    pub key_path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Byte range in the file.
    pub span: Range<usize>,
    /// The message, as the macros print it for a rule.
    pub message: String,
}

impl core::fmt::Display for Error {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        if self.key_path.is_empty() {
            write!(f, "{}:{}: {}", self.line, self.column, self.message)
        } else {
            write!(
                f,
                "{}:{}: {}: {}",
                self.line, self.column, self.key_path, self.message
            )
        }
    }
}

/// Every error of one file. `Display` renders them like rustc (`error: ...`, ` --> file:line:col`, the source
/// line with the value underlined and the key path beside it).
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    /// The file, as given.
    pub file: PathBuf,
    /// The file's text.
    pub source: String,
    /// The errors, in file order; never empty.
    pub errors: Vec<Error>,
}

impl LoadError {
    /// Renders every error like rustc; `color` adds ANSI styles.
    pub fn render(&self, color: bool) -> String {
        use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let path = self.file.display().to_string();
        let mut out = String::new();
        let index = LineIndex::new(&self.source);
        for error in &self.errors {
            // Only the lines of the error, cut around it when long: rendering stays proportional to the error, not
            // to the file (a file with an error on each of 100,000 tables; a 50 MB string value).
            let (text, line, span) = window(&index, error.span.clone(), error.line);
            let report = &[Level::ERROR.primary_title(&error.message).element(
                Snippet::source(&text)
                    .line_start(line)
                    .path(&path)
                    .annotation(
                        AnnotationKind::Primary
                            .span(span)
                            .label((!error.key_path.is_empty()).then_some(&*error.key_path)),
                    ),
            )];
            out.push_str(&renderer.render(report));
            out.push_str("\n\n");
        }
        let n = self.errors.len();
        out.push_str(&format!(
            "error: could not load `{path}` due to {n} previous error{}",
            if n == 1 { "" } else { "s" }
        ));
        out
    }
}

/// Longest part of a line shown under an error, in bytes (the rest is elided with `...`).
const WINDOW: usize = 160;

/// The lines holding `span` (starting at 1-based `line`), cut to [`WINDOW`] bytes around the span's start when
/// longer, with the span moved into the cut text.
/// The line bounds come from `index` (a binary search), so that many errors on one long line (a minified JSON
/// file) each cost the window, not the line.
fn window(index: &LineIndex<'_>, span: Range<usize>, line: usize) -> (String, usize, Range<usize>) {
    let source = index.source;
    let clamp = |i: usize| {
        let mut i = i.min(source.len());
        while !source.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let (start, end) = (clamp(span.start), clamp(span.end.max(span.start)));
    let line_start = index.line_start(start);
    let line_end = index.line_end(end);
    if line_end - line_start <= WINDOW {
        let text = source[line_start..line_end].to_owned();
        return (text, line, start - line_start..end - line_start);
    }
    // One line, cut around the start of the span.
    let from = clamp(start.saturating_sub(WINDOW / 4).max(line_start));
    let to = clamp((from + WINDOW).min(line_end));
    let to = source[from..to].find('\n').map_or(to, |i| from + i);
    let lead = if from > line_start { "..." } else { "" };
    let tail = if to < line_end { "..." } else { "" };
    let text = format!("{lead}{}{tail}", &source[from..to]);
    let shift = |i: usize| i.clamp(from, to) - from + lead.len();
    (text, line, shift(start)..shift(end).max(shift(start)))
}

impl core::fmt::Display for LoadError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.render(false))
    }
}

impl std::error::Error for LoadError {}

/// 1-based line and column (in characters) of byte `offset` in `source`.
pub fn line_col(source: &str, offset: usize) -> (usize, usize) {
    LineIndex::new(source).line_col(offset)
}

/// Bytes between the character counts [`LineIndex`] keeps: a column costs at most this many bytes of counting.
const CHAR_CHUNK: usize = 1024;

/// Where each line of a source starts, and how many characters precede every [`CHAR_CHUNK`]th byte, so that every
/// error's line and column is found by a binary search and a short count (a file with an error on each of 100,000
/// tables, or 100,000 errors on one minified JSON line, is located in linear time, not quadratic).
pub(crate) struct LineIndex<'s> {
    source: &'s str,
    starts: Vec<usize>,
    /// `chars[k]`: the characters in `source[..k * CHAR_CHUNK]`.
    chars: Vec<usize>,
}

/// The characters in `bytes` of UTF-8 text, which may start or end inside a character: the bytes that are not
/// continuation bytes.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xc0 != 0x80).count()
}

impl<'s> LineIndex<'s> {
    pub(crate) fn new(source: &'s str) -> Self {
        let mut starts = vec![0];
        starts.extend(source.match_indices('\n').map(|(i, _)| i + 1));
        let mut chars = Vec::with_capacity(source.len() / CHAR_CHUNK + 2);
        let mut total = 0;
        for chunk in source.as_bytes().chunks(CHAR_CHUNK) {
            chars.push(total);
            total += count_chars(chunk);
        }
        chars.push(total);
        LineIndex {
            source,
            starts,
            chars,
        }
    }

    /// The characters in `source[..offset]`, `offset` a character boundary.
    fn chars_before(&self, offset: usize) -> usize {
        let k = offset / CHAR_CHUNK;
        self.chars[k] + count_chars(&self.source.as_bytes()[k * CHAR_CHUNK..offset])
    }

    /// The start of the line holding byte `offset`.
    fn line_start(&self, offset: usize) -> usize {
        self.starts[self.starts.partition_point(|&s| s <= offset) - 1]
    }

    /// The end of the line holding byte `offset` (its `\n`, or the end of the source).
    fn line_end(&self, offset: usize) -> usize {
        let next = self.starts.partition_point(|&s| s <= offset);
        self.starts.get(next).map_or(self.source.len(), |&s| s - 1)
    }

    pub(crate) fn line_col(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.source.len());
        while !self.source.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        (
            line,
            self.chars_before(offset) - self.chars_before(start) + 1,
        )
    }

    pub(crate) fn error(
        &self,
        kind: ErrorKind,
        key_path: String,
        span: Range<usize>,
        message: String,
    ) -> Error {
        let (line, column) = self.line_col(span.start);
        Error {
            kind,
            key_path,
            line,
            column,
            span,
            message,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::LineIndex;

    /// Line and column by scanning, the way the index must agree with.
    fn scanned(source: &str, offset: usize) -> (usize, usize) {
        let before = &source[..offset];
        let line = before.matches('\n').count() + 1;
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        (line, source[start..offset].chars().count() + 1)
    }

    #[test]
    fn line_and_column_agree_with_a_scan_across_chunks() {
        // Multi-byte characters straddling the chunk boundaries, long and short lines.
        let mut source = String::new();
        for i in 0..3000 {
            source.push(['a', 'é', '€', '𝄞'][i % 4]);
            if i % 700 == 699 {
                source.push('\n');
            }
        }
        source.push_str("\nend");
        let index = LineIndex::new(&source);
        for (offset, _) in source.char_indices().chain([(source.len(), ' ')]) {
            assert_eq!(index.line_col(offset), scanned(&source, offset), "{offset}");
        }
        // The start and end of the line holding an offset, for the snippet window.
        let first_break = source.find('\n').unwrap();
        assert_eq!(index.line_start(5), 0);
        assert_eq!(index.line_end(5), first_break);
        assert_eq!(index.line_start(first_break + 1), first_break + 1);
        assert_eq!(index.line_end(source.len()), source.len());
    }
}
