//! The nested tables of a profile: `reasoning: { budget_tokens, effort, thinking, interleaved }` and
//! `guardrail: { id, version, trace }` (`{ ... }` in the DSL and in files, `key(...)` in attributes).

use super::keys::{GuardrailKey, ReasoningKey};
use super::read::Reader;
use super::{Entry, IssueKind, Node, Raw, Setting, one_of};
use crate::models::Effort;
use crate::settings::{GuardrailConfig, ReasoningConfig, Thinking, Trace};
use std::borrow::Cow;

/// `reasoning`, each value with its location.
#[derive(Debug, Clone, PartialEq)]
pub struct ReasoningDecl<L> {
    /// `budget_tokens`
    pub budget_tokens: Setting<u32, L>,
    /// `effort`
    pub effort: Setting<Effort, L>,
    /// `thinking`
    pub thinking: Setting<Thinking, L>,
    /// `interleaved`
    pub interleaved: Setting<bool, L>,
}

/// `guardrail`, each value with its location.
#[derive(Debug, Clone, PartialEq)]
pub struct GuardrailDecl<L> {
    /// `id`
    pub id: Setting<String, L>,
    /// `version`
    pub version: Setting<String, L>,
    /// `trace`
    pub trace: Setting<Trace, L>,
}

impl<L: Clone> ReasoningDecl<L> {
    /// The declaration of a resolved value, every part at `loc`.
    pub fn from_config(config: &ReasoningConfig, loc: &L) -> Self {
        let set = |v| Setting::Set(v, loc.clone());
        ReasoningDecl {
            budget_tokens: config.budget_tokens.map_or(Setting::Unset, set),
            effort: config
                .effort
                .map_or(Setting::Unset, |e| Setting::Set(e, loc.clone())),
            thinking: config
                .thinking
                .map_or(Setting::Unset, |t| Setting::Set(t, loc.clone())),
            interleaved: if config.interleaved {
                Setting::Set(true, loc.clone())
            } else {
                Setting::Unset
            },
        }
    }
}

impl<L> ReasoningDecl<L> {
    /// The runtime value.
    pub fn resolve(&self) -> ReasoningConfig {
        ReasoningConfig {
            budget_tokens: self.budget_tokens.value().copied(),
            effort: self.effort.value().copied(),
            thinking: self.thinking.value().copied(),
            interleaved: self.interleaved.value().copied().unwrap_or(false),
        }
    }

    /// Where `field` (a [`ReasoningKey`] spelling) is written.
    pub fn loc_of(&self, field: &str) -> Option<&L> {
        match ReasoningKey::from_name(field)? {
            ReasoningKey::BudgetTokens => self.budget_tokens.loc(),
            ReasoningKey::Effort => self.effort.loc(),
            ReasoningKey::Thinking => self.thinking.loc(),
            ReasoningKey::Interleaved => self.interleaved.loc(),
        }
    }
}

impl<L: Clone> GuardrailDecl<L> {
    /// The declaration of a resolved value, every part at `loc`.
    pub fn from_config(config: &GuardrailConfig, loc: &L) -> Self {
        GuardrailDecl {
            id: Setting::Set(config.id().to_owned(), loc.clone()),
            version: Setting::Set(config.version().to_owned(), loc.clone()),
            trace: config
                .trace
                .map_or(Setting::Unset, |t| Setting::Set(t, loc.clone())),
        }
    }

    /// The runtime value; `None` while `id` or `version` is missing.
    pub fn resolve(&self) -> Option<GuardrailConfig> {
        Some(GuardrailConfig {
            id: Cow::Owned(self.id.value()?.clone()),
            version: Cow::Owned(self.version.value()?.clone()),
            trace: self.trace.value().copied(),
        })
    }

    /// Where `field` (a [`GuardrailKey`] spelling) is written.
    pub fn loc_of(&self, field: &str) -> Option<&L> {
        match GuardrailKey::from_name(field)? {
            GuardrailKey::Id => self.id.loc(),
            GuardrailKey::Version => self.version.loc(),
            GuardrailKey::Trace => self.trace.loc(),
        }
    }
}

impl<L: Clone> Reader<'_, L> {
    /// The entries of a nested table `key`, or the setting to return instead (`None`, an expression, a type error).
    fn nested_entries<'n, T>(
        &mut self,
        key: &str,
        node: &'n Node<L>,
        example: &str,
    ) -> Result<&'n [Entry<L>], Setting<T, L>> {
        match &node.value {
            Raw::Null => Err(Setting::Cleared(node.loc.clone())),
            Raw::Expr(handle) => Err(Setting::Expr(*handle, node.loc.clone())),
            Raw::Table(entries) => Ok(entries),
            other => {
                let found = other.describe(self.syntax);
                let message = format!("`{key}` expects a table like `{example}`, found {found}");
                self.issues.push(IssueKind::Type, key, &node.loc, message);
                Err(Setting::Invalid)
            }
        }
    }

    /// One of `names` (a string), read by `parse`.
    fn word<T>(
        &mut self,
        key: &str,
        node: &Node<L>,
        names: &[&str],
        parse: impl Fn(&str) -> Option<T>,
    ) -> Setting<T, L> {
        match self.string(key, node) {
            Setting::Set(text, loc) => match parse(&text) {
                Some(v) => Setting::Set(v, loc),
                None => {
                    let message = format!("`{key}` must be {}, found {text:?}", one_of(names));
                    self.issues.push(IssueKind::Type, key, &loc, message);
                    Setting::Invalid
                }
            },
            other => other.map_value(),
        }
    }

    /// `true` / `false`.
    fn boolean(&mut self, key: &str, node: &Node<L>) -> Setting<bool, L> {
        match &node.value {
            Raw::Bool(b) => Setting::Set(*b, node.loc.clone()),
            Raw::Null => Setting::Cleared(node.loc.clone()),
            Raw::Expr(handle) => Setting::Expr(*handle, node.loc.clone()),
            other => {
                let found = other.describe(self.syntax);
                let message = format!("`{key}` expects `true` or `false`, found {found}");
                self.issues.push(IssueKind::Type, key, &node.loc, message);
                Setting::Invalid
            }
        }
    }

    /// A value inside a nested table must be a literal: the declaration layer checks the table as a whole.
    fn literal_only<T>(&mut self, key: &str, parent: &str, s: Setting<T, L>) -> Setting<T, L> {
        match s {
            Setting::Expr(_, loc) | Setting::Cleared(loc) => {
                let message = format!(
                    "`{key}` in `{parent}` takes a literal; leave it out to unset it, or give the whole `{parent}` as a constant"
                );
                self.issues.push(IssueKind::Type, key, &loc, message);
                Setting::Invalid
            }
            other => other,
        }
    }

    /// `reasoning: { budget_tokens: 8000 }`.
    pub fn reasoning(&mut self, key: &str, node: &Node<L>) -> Setting<ReasoningDecl<L>, L> {
        let example = self.syntax.table(&[("budget_tokens", "8000")]);
        let entries = match self.nested_entries(key, node, &example) {
            Ok(entries) => entries,
            Err(other) => return other,
        };
        let before = self.issues.len();
        let decl = self.nested(key, |r| {
            let mut decl = ReasoningDecl {
                budget_tokens: Setting::Unset,
                effort: Setting::Unset,
                thinking: Setting::Unset,
                interleaved: Setting::Unset,
            };
            let place = format!(" in `{key}`");
            let keyed = r.keyed(
                entries,
                &place,
                ReasoningKey::from_name,
                |n| ReasoningKey::suggest(n).map(ReasoningKey::as_str),
                &ReasoningKey::names(),
            );
            for (k, entry) in keyed {
                let (name, v) = (k.as_str(), &entry.value);
                match k {
                    ReasoningKey::BudgetTokens => {
                        let s = r.uint(name, v);
                        decl.budget_tokens = r.literal_only(name, key, s);
                    }
                    ReasoningKey::Effort => {
                        let names: Vec<&str> = Effort::ALL.iter().map(|e| e.as_str()).collect();
                        let s = r.word(name, v, &names, Effort::from_name);
                        decl.effort = r.literal_only(name, key, s);
                    }
                    ReasoningKey::Thinking => {
                        let names: Vec<&str> = Thinking::ALL.iter().map(|t| t.as_str()).collect();
                        let s = r.word(name, v, &names, Thinking::from_name);
                        decl.thinking = r.literal_only(name, key, s);
                    }
                    ReasoningKey::Interleaved => {
                        let s = r.boolean(name, v);
                        decl.interleaved = r.literal_only(name, key, s);
                    }
                }
            }
            decl
        });
        if self.issues.len() == before {
            Setting::Set(decl, node.loc.clone())
        } else {
            Setting::Invalid
        }
    }

    /// `guardrail: { id: "...", version: "..." }`: both or neither; `trace` only where `with_trace`.
    pub fn guardrail(
        &mut self,
        key: &str,
        node: &Node<L>,
        with_trace: bool,
    ) -> Setting<GuardrailDecl<L>, L> {
        let entries = [("id", "\"gr0abc123\""), ("version", "\"1\"")];
        let example = self.syntax.nested_table(key, &entries);
        let entries = match self.nested_entries(key, node, &example) {
            Ok(entries) => entries,
            Err(other) => return other,
        };
        let before = self.issues.len();
        let decl = self.nested(key, |r| {
            let mut decl = GuardrailDecl {
                id: Setting::Unset,
                version: Setting::Unset,
                trace: Setting::Unset,
            };
            let place = format!(" in `{key}`");
            let mut names = GuardrailKey::names();
            if !with_trace {
                names.retain(|n| *n != GuardrailKey::Trace.as_str());
            }
            let entries: Vec<Entry<L>> = if with_trace {
                entries.to_vec()
            } else {
                r.without_trace(key, entries)
            };
            let keyed = r.keyed(
                &entries,
                &place,
                |n| GuardrailKey::from_name(n).filter(|k| with_trace || *k != GuardrailKey::Trace),
                |n| {
                    GuardrailKey::suggest(n)
                        .filter(|k| with_trace || *k != GuardrailKey::Trace)
                        .map(GuardrailKey::as_str)
                },
                &names,
            );
            for (k, entry) in keyed {
                let (name, v) = (k.as_str(), &entry.value);
                match k {
                    GuardrailKey::Id => {
                        let s = r.string(name, v);
                        decl.id = r.literal_only(name, key, s);
                    }
                    GuardrailKey::Version => {
                        // A version written as a number is the string of its digits.
                        let s = match &v.value {
                            Raw::Int(Some(_), digits) => {
                                Setting::Set(digits.clone(), v.loc.clone())
                            }
                            _ => r.string(name, v),
                        };
                        decl.version = r.literal_only(name, key, s);
                    }
                    GuardrailKey::Trace => {
                        let names: Vec<&str> = Trace::ALL.iter().map(|t| t.as_str()).collect();
                        let s = r.word(name, v, &names, Trace::from_name);
                        decl.trace = r.literal_only(name, key, s);
                    }
                }
            }
            r.guardrail_pair(&decl, entries.is_empty(), &node.loc);
            decl
        });
        if self.issues.len() == before {
            Setting::Set(decl, node.loc.clone())
        } else {
            Setting::Invalid
        }
    }
}

impl<L: Clone> Reader<'_, L> {
    /// An agent's guardrail's entries without `trace`, each `trace` reported: `CreateAgent.guardrailConfiguration`
    /// has no trace, and the message says so rather than "unknown key".
    fn without_trace(&mut self, key: &str, entries: &[Entry<L>]) -> Vec<Entry<L>> {
        let is_trace =
            |e: &Entry<L>| GuardrailKey::from_name(&e.key.text) == Some(GuardrailKey::Trace);
        for entry in entries.iter().filter(|e| is_trace(e)) {
            let message = format!(
                "`{}` cannot be set on an agent's `{key}`: CreateAgent's `guardrailConfiguration` has only \
                 `guardrailIdentifier` and `guardrailVersion`; the trace is asked for per call \
                 (InvokeAgent `enableTrace`)",
                entry.key.text
            );
            self.issues.rule(&entry.key.text, &entry.key.loc, message);
        }
        entries.iter().filter(|e| !is_trace(e)).cloned().collect()
    }

    /// "missing key" for `id` or `version` when only the other is written (both, in an empty table at `loc`).
    fn guardrail_pair(&mut self, decl: &GuardrailDecl<L>, empty: bool, loc: &L) {
        let (id, version) = (decl.id.is_written(), decl.version.is_written());
        for (missing, written, other_written) in [
            (GuardrailKey::Id, id, version),
            (GuardrailKey::Version, version, id),
        ] {
            if !written && (other_written || empty) {
                let message = format!(
                    "missing key `{}`: a guardrail takes both `{}` and `{}`",
                    missing.as_str(),
                    GuardrailKey::Id.as_str(),
                    GuardrailKey::Version.as_str()
                );
                self.missing("", missing.as_str(), loc, message);
            }
        }
    }
}

impl<T, L> Setting<T, L> {
    /// A setting without a value (cleared, expression, invalid) as a setting of another type.
    fn map_value<U>(self) -> Setting<U, L> {
        match self {
            Setting::Unset => Setting::Unset,
            Setting::Cleared(loc) => Setting::Cleared(loc),
            Setting::Expr(handle, loc) => Setting::Expr(handle, loc),
            Setting::Set(..) | Setting::Invalid => Setting::Invalid,
        }
    }
}
