//! The declaration layer: what the user declared, with where each value came from, read and checked once for every
//! front end.
//!
//! ```text
//! Rust tokens --syn--> Node<Span>  --\
//! TOML / JSON --tree--> Node<Range> --+--> ProfileDecl::read --> check --> InferenceProfile + Issue<L>s
//! ```
//!
//! A front end turns its syntax into [`Node`]s (a string, a number, a list, a table, `None`/`null`, or an
//! expression it keeps for itself) and hands the entries of one declaration to the entity's `read`; it knows no key
//! names and no limits. `read` looks the keys up ([`keys`]), reports unknown and repeated keys with a suggestion,
//! reads each value by the key's type, and returns a declaration whose every value carries its location `L` (a
//! `proc_macro2::Span` in the macros, a byte range in files). `check` then applies defaults and inheritance
//! (`..BASE` / `extends`) and runs the rulebook, placing each violation on the value that causes it. Both steps
//! report [`Issue`]s; the front end prints them where they point.
//!
//! This module is hidden from the docs: it is the shared engine of the macros and the file loader, not an API.

pub mod agent;
mod decimal;
mod extends;
pub use crate::keys;
mod nested;
pub mod profile;
pub mod prompt;
mod read;
mod resolved;
mod schema;
pub mod source;
mod variant;

use std::fmt::Write as _;

pub use agent::{AgentDecl, Instruction};
pub use extends::{Chains, bases_first, resolve_extends};
pub use keys::ProfileKey;
pub use nested::{GuardrailDecl, ReasoningDecl};
pub use profile::{ProfileDecl, SchemaDecl};
pub use prompt::{ProfileRef, PromptDecl, TemplateSource, VariantDecl};
pub use read::StringEntry;
pub use resolved::{
    ResolvedAgent, ResolvedGuardrail, ResolvedPrompt, ResolvedVariant, StepProfile, StepTemplate,
};
pub use source::{NoSources, ProfileTable, Relative, Sources, drop_final_line_break};

/// The syntax a declaration was written in. The front ends hand every declaration over in one shape of [`Node`]s
/// (`tag { .. }` in Rust is the table `{ tag: { .. } }`, as files write it), so the readers do not branch on the
/// syntax: they ask it only how a message spells a key, a table or an example (the methods below), and which keys it
/// has (files: `extends`, `unset`, `variants`; Rust: `profile = PATH`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// `inference_profile! { P { key: value } }`.
    Dsl,
    /// `#[prompt(key = value)]`, `#[agent(key = value)]`.
    Attribute,
    /// A TOML file.
    Toml,
    /// A JSON file.
    Json,
    /// serde deserialization of a runtime type (`InferenceProfile`, `ModelRef`): spelled like JSON, without the
    /// files' own keys.
    Serde,
}

impl Syntax {
    /// Whether this is data (a file, serde) rather than Rust source: strings rather than literals, and no
    /// constant expressions.
    const fn is_data(self) -> bool {
        !matches!(self, Syntax::Dsl | Syntax::Attribute)
    }

    /// Whether this is a declaration file, which has keys of its own (`extends`, `unset`, `variants`) and names a
    /// profile by its table (`profile = "fast"`) rather than by a Rust path.
    pub const fn is_file(self) -> bool {
        matches!(self, Syntax::Toml | Syntax::Json)
    }

    /// `key: value`, `key = value` or `"key": value`.
    pub fn assign(self, key: &str, value: &str) -> String {
        match self {
            Syntax::Dsl => format!("{key}: {value}"),
            Syntax::Attribute | Syntax::Toml => format!("{key} = {value}"),
            Syntax::Json | Syntax::Serde => format!("\"{key}\": {value}"),
        }
    }

    /// A table of `entries` as this syntax writes it inline: `{ a: 1, b: 2 }`, `{ a = 1, b = 2 }`, `{"a": 1}`.
    pub fn table(self, entries: &[(&str, &str)]) -> String {
        let items: Vec<String> = entries.iter().map(|(k, v)| self.assign(k, v)).collect();
        format!("{{ {} }}", items.join(", "))
    }

    /// The nested table `key` of `entries` as this syntax writes it: `key(a = 1)` in an attribute, a table
    /// elsewhere.
    pub fn nested_table(self, key: &str, entries: &[(&str, &str)]) -> String {
        match self {
            Syntax::Attribute => {
                let items: Vec<String> = entries.iter().map(|(k, v)| self.assign(k, v)).collect();
                format!("{key}({})", items.join(", "))
            }
            _ => self.table(entries),
        }
    }

    /// The one-entry table `{ tag: { entries } }` as this syntax writes it: `tag { a: 1 }` in Rust,
    /// `{ tag = { a = 1 } }` in data.
    pub fn tagged(self, tag: &str, entries: &[(&str, &str)]) -> String {
        if self.is_data() {
            self.table(&[(tag, &self.table(entries))])
        } else {
            format!("{tag} {}", self.table(entries))
        }
    }

    /// The table under `tag` as a message names it: `tag { ... }` in Rust, `tag` in data.
    pub fn tag_name(self, tag: &str) -> String {
        if self.is_data() {
            tag.to_owned()
        } else {
            format!("{tag} {{ ... }}")
        }
    }

    /// `key`'s entry `sub` as a message names it: `key(sub = ...)` in Rust, `key.sub` in data.
    pub fn sub_key(self, key: &str, sub: &str) -> String {
        if self.is_data() {
            format!("{key}.{sub}")
        } else {
            format!("{key}({sub} = ...)")
        }
    }

    /// A key of a table of strings (`tags`) in an example: quoted in Rust (`{ "team": .. }`), as a key in data.
    pub fn string_key(self, key: &str) -> String {
        if self.is_data() {
            key.to_owned()
        } else {
            format!("\"{key}\"")
        }
    }

    /// A string holding JSON text as this syntax writes it: a raw string `r#"{..}"#` in Rust, `"{..}"` in data.
    pub fn json_string(self, json: &str) -> String {
        if self.is_data() {
            format!("\"{json}\"")
        } else {
            format!("r#\"{json}\"#")
        }
    }

    /// What a string is called: a "string literal" in Rust, a "string" in data.
    pub const fn string(self) -> &'static str {
        if self.is_data() {
            "string"
        } else {
            "string literal"
        }
    }

    /// `note` in Rust, where a value may be a constant expression that the declaration layer cannot read; nothing
    /// in data, which has none.
    pub const fn constant_note(self, note: &'static str) -> &'static str {
        if self.is_data() { "" } else { note }
    }

    /// What a message appends to a rule broken by a default name: where the name comes from (the `item` in Rust:
    /// "const", "struct"; a table in files) and how to set one.
    pub fn default_name_note(self, item: &str) -> String {
        let from = if self.is_data() { "table" } else { item };
        format!(
            " (the default name, from the {from}'s name; set `{}`)",
            self.assign("name", "\"...\"")
        )
    }

    /// How a cleared key is said in messages: "`None`" in Rust, "`null`" in JSON, "listed in `unset`" in TOML
    /// (which has no null).
    pub const fn cleared(self) -> &'static str {
        match self {
            Syntax::Dsl | Syntax::Attribute => "`None`",
            Syntax::Json | Syntax::Serde => "`null`",
            Syntax::Toml => "listed in `unset`",
        }
    }
}

/// A name as written, with its location: a key, a table name, a const name.
#[derive(Debug, Clone, PartialEq)]
pub struct Name<L> {
    /// The text.
    pub text: String,
    /// Where it is.
    pub loc: L,
}

impl<L> Name<L> {
    /// A name at `loc`.
    pub fn new(text: impl Into<String>, loc: L) -> Self {
        Name {
            text: text.into(),
            loc,
        }
    }
}

/// One value as a front end read it, before it is interpreted per key.
#[derive(Debug, Clone, PartialEq)]
pub struct Node<L> {
    /// What it is.
    pub value: Raw<L>,
    /// Where it is (the whole value).
    pub loc: L,
}

/// The shapes a value can take in any front end.
#[derive(Debug, Clone, PartialEq)]
pub enum Raw<L> {
    /// A string.
    Str(String),
    /// An integer, possibly negative; `None` when it does not fit in an `i128` (with the digits as written).
    Int(Option<i128>, String),
    /// A number with a fraction or an exponent, with its digits as written.
    Float(f64, String),
    /// `true` / `false`.
    Bool(bool),
    /// `[a, b]`.
    List(Vec<Node<L>>),
    /// `{ key: value, ... }`; `key(...)` in attributes; `tag { key: value, ... }` in Rust (`unlisted { ... }`,
    /// `json_schema { ... }`) is the one-entry table `{ tag: { key: value, ... } }`, as files write it.
    Table(Vec<Entry<L>>),
    /// `None` in Rust, `null` in JSON: the key is explicitly unset.
    Null,
    /// A constant expression the front end keeps (the number is its handle): rustc type-checks it, a `const`
    /// assertion checks its value.
    Expr(usize),
    /// Any other literal (a char, a byte string, ...), as written.
    Other(String),
}

/// `key: value` in a table.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry<L> {
    /// The key as written.
    pub key: Name<L>,
    /// The value.
    pub value: Node<L>,
}

impl<L> Raw<L> {
    /// What a message says it found: `the string "x"`, `1.5`, `a list`, ...
    pub fn describe(&self, syntax: Syntax) -> String {
        match self {
            Raw::Str(s) => format!("the string {s:?}"),
            Raw::Int(_, digits) | Raw::Float(_, digits) => digits.clone(),
            Raw::Bool(b) => format!("`{b}`"),
            Raw::List(_) => "a list".to_owned(),
            Raw::Table(_) => "a table".to_owned(),
            Raw::Null => syntax.cleared().to_owned(),
            Raw::Expr(_) => "an expression".to_owned(),
            Raw::Other(text) => format!("`{text}`"),
        }
    }
}

/// A setting as declared.
#[derive(Debug, Clone, PartialEq)]
pub enum Setting<T, L> {
    /// Not written: the default, or inherited from the base.
    Unset,
    /// `key: None` (`null`, `unset = ["key"]`): explicitly not set, even when the base sets it.
    Cleared(L),
    /// A value the declaration layer read and checks.
    Set(T, L),
    /// A constant expression (its front-end handle): checked by a `const` assertion.
    Expr(usize, L),
    /// The value was wrong; an issue is recorded.
    Invalid,
}

impl<T, L> Setting<T, L> {
    /// The value, when it was read.
    pub fn value(&self) -> Option<&T> {
        match self {
            Setting::Set(value, _) => Some(value),
            _ => None,
        }
    }

    /// Where the value (or `None`, or the expression) is written.
    pub fn loc(&self) -> Option<&L> {
        match self {
            Setting::Set(_, loc) | Setting::Cleared(loc) | Setting::Expr(_, loc) => Some(loc),
            Setting::Unset | Setting::Invalid => None,
        }
    }

    /// Whether the key was not written.
    pub fn is_unset(&self) -> bool {
        matches!(self, Setting::Unset)
    }

    /// Whether the value is a constant expression.
    pub fn is_expr(&self) -> bool {
        matches!(self, Setting::Expr(..))
    }

    /// Whether the key was written (with any value, even a wrong one).
    pub fn is_written(&self) -> bool {
        !matches!(self, Setting::Unset)
    }
}

pub use crate::issue_kind::IssueKind;

/// One problem of a declaration, at the value (or key) that causes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue<L> {
    /// What kind of problem.
    pub kind: IssueKind,
    /// The key path within the declaration: `temperature`, `stop_sequences[1]`, `variants.concise.text`.
    pub path: String,
    /// Where it points.
    pub loc: L,
    /// The message, in the rulebook's words.
    pub message: String,
}

/// Collects issues, each with its key path under the current prefix.
#[derive(Debug)]
pub struct Issues<L> {
    /// The issues, in the order found.
    pub list: Vec<Issue<L>>,
    prefix: String,
    /// "Did you mean" suggestions computed so far among names declared in any number (see [`Issues::suggest`]).
    suggested: usize,
}

impl<L> Default for Issues<L> {
    fn default() -> Self {
        Issues {
            list: Vec::new(),
            prefix: String::new(),
            suggested: 0,
        }
    }
}

impl<L> Issues<L> {
    /// "Did you mean" for `name` among `candidates()` (names a file declares, in any number: profiles for
    /// `extends` and `profile`), for at most [`crate::suggest::SUGGESTIONS_PER_FILE`] names per collector; past
    /// that, `None` without calling `candidates`, so that 16,000 missing names cost 100 suggestions.
    pub(crate) fn suggest<'c>(
        &mut self,
        name: &str,
        candidates: impl FnOnce() -> Vec<&'c str>,
    ) -> Option<&'c str> {
        if self.suggested >= crate::suggest::SUGGESTIONS_PER_FILE {
            return None;
        }
        self.suggested += 1;
        crate::suggest::closest_str(name, &candidates())
    }
}

impl<L: Clone> Issues<L> {
    /// An empty collector.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records an issue at `path` (relative to the current prefix).
    pub fn push(&mut self, kind: IssueKind, path: &str, loc: &L, message: impl Into<String>) {
        self.list.push(Issue {
            kind,
            path: join(&self.prefix, path),
            loc: loc.clone(),
            message: message.into(),
        });
    }

    /// Records a rule violation at `path`.
    pub fn rule(&mut self, path: &str, loc: &L, message: impl Into<String>) {
        self.push(IssueKind::Rule, path, loc, message);
    }

    /// Whether nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// How many issues are recorded.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Runs `f` with `segment` appended to the path prefix.
    pub fn nested<R>(&mut self, segment: &str, f: impl FnOnce(&mut Self) -> R) -> R {
        let inner = join(&self.prefix, segment);
        let saved = std::mem::replace(&mut self.prefix, inner);
        let result = f(self);
        self.prefix = saved;
        result
    }
}

/// Records "unknown key `k`; did you mean ...?" for a key a front end found in a place only it knows (a file's
/// top level).
pub fn read_unknown<L: Clone>(
    issues: &mut Issues<L>,
    syntax: Syntax,
    key: &Name<L>,
    suggestion: Option<&'static str>,
    all: &[&str],
) {
    read::Reader::new(syntax, issues).unknown(key, "", suggestion, all);
}

/// Reads a model (an id, a cross-region id, an ARN, or an unlisted model) as the key `model` would be.
pub fn read_model<L: Clone>(
    node: &Node<L>,
    syntax: Syntax,
    issues: &mut Issues<L>,
) -> Setting<crate::models::ModelRef, L> {
    read::Reader::new(syntax, issues).model("model", node, true)
}

/// `a` + `.` + `b`, or `a[1]` when `b` is an index.
pub fn join(a: &str, b: &str) -> String {
    if a.is_empty() {
        b.to_owned()
    } else if b.is_empty() {
        a.to_owned()
    } else if b.starts_with('[') {
        format!("{a}{b}")
    } else {
        format!("{a}.{b}")
    }
}

/// `snake_case` / `SCREAMING_SNAKE` / `CamelCase` -> `kebab-case`: `HIGH_QUALITY` -> `high-quality`: the default name
/// of a declaration, from its const, struct or table name.
pub fn kebab_case(ident: &str) -> String {
    let ident = ident.strip_prefix("r#").unwrap_or(ident);
    let mut out = String::with_capacity(ident.len() + 4);
    let chars: Vec<char> = ident.chars().collect();
    for (i, &ch) in chars.iter().enumerate() {
        if ch == '_' {
            out.push('-');
        } else if ch.is_uppercase() {
            let prev_lower =
                i > 0 && (chars[i - 1].is_lowercase() || chars[i - 1].is_ascii_digit());
            if prev_lower {
                out.push('-');
            }
            out.extend(ch.to_lowercase());
        } else {
            out.push(ch);
        }
    }
    out
}

/// "`a`, `b` or `c`".
pub(crate) fn one_of(items: &[&str]) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == items.len() { " or " } else { ", " });
        }
        let _ = write!(out, "`{item}`");
    }
    out
}

impl crate::keys::PromptKey {
    /// The key as `syntax` spells it: files write the variants as one table, `variants`.
    pub(crate) const fn spelling(self, syntax: Syntax) -> &'static str {
        match self {
            crate::keys::PromptKey::Variant if syntax.is_file() => "variants",
            other => other.as_str(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab() {
        assert_eq!(kebab_case("HIGH_QUALITY"), "high-quality");
        assert_eq!(kebab_case("HighQuality"), "high-quality");
        assert_eq!(kebab_case("CODE_GEN_V2"), "code-gen-v2");
        assert_eq!(kebab_case("r#type"), "type");
        assert_eq!(kebab_case("already-kebab"), "already-kebab");
    }

    #[test]
    fn paths() {
        assert_eq!(join("", "a"), "a");
        assert_eq!(join("a", "[1]"), "a[1]");
        assert_eq!(join("a", "b"), "a.b");
        let mut issues: Issues<u8> = Issues::new();
        issues.nested("variants", |i| {
            i.nested("x", |i| i.rule("text", &1, "m"));
        });
        assert_eq!(issues.list[0].path, "variants.x.text");
    }

    #[test]
    fn one_of_lists() {
        assert_eq!(one_of(&["a"]), "`a`");
        assert_eq!(one_of(&["a", "b", "c"]), "`a`, `b` or `c`");
    }
}
