//! Reading one value by its key's type, for every front end: the only place that decides what a string, a number,
//! a list of strings or a model looks like, and what the message says when it is something else.

use super::{Entry, IssueKind, Issues, Name, Node, Raw, Setting, Syntax, one_of};
use crate::models::{self, ModelError, ModelRef};

/// One entry of a table of strings (`tags`): the key and the value, each with its location.
#[derive(Debug, Clone, PartialEq)]
pub struct StringEntry<L> {
    /// The key as written.
    pub key: Name<L>,
    /// The value.
    pub value: String,
    /// Where the value is.
    pub value_loc: L,
}

/// A reader for one declaration: its syntax and where its issues go.
pub(crate) struct Reader<'a, L> {
    pub syntax: Syntax,
    pub issues: &'a mut Issues<L>,
}

impl<'a, L: Clone> Reader<'a, L> {
    /// A reader of `syntax` recording into `issues`.
    pub fn new(syntax: Syntax, issues: &'a mut Issues<L>) -> Self {
        Reader { syntax, issues }
    }

    /// Runs `f` with a reader of the same syntax whose issues' paths are under `segment`.
    pub fn nested<R>(&mut self, segment: &str, f: impl FnOnce(&mut Reader<'_, L>) -> R) -> R {
        let syntax = self.syntax;
        self.issues
            .nested(segment, |issues| f(&mut Reader { syntax, issues }))
    }

    fn type_error(&mut self, key: &str, node: &Node<L>, expected: &str) {
        let found = node.value.describe(self.syntax);
        self.issues.push(
            IssueKind::Type,
            key,
            &node.loc,
            format!("`{key}` expects {expected}, found {found}"),
        );
    }

    /// `None` / `null` and constant expressions, which every key takes; `None` for any other value.
    fn special<T>(&mut self, node: &Node<L>) -> Option<Setting<T, L>> {
        match node.value {
            Raw::Null => Some(Setting::Cleared(node.loc.clone())),
            Raw::Expr(handle) => Some(Setting::Expr(handle, node.loc.clone())),
            _ => None,
        }
    }

    /// A string.
    pub fn string(&mut self, key: &str, node: &Node<L>) -> Setting<String, L> {
        if let Some(special) = self.special(node) {
            return special;
        }
        match &node.value {
            Raw::Str(s) => Setting::Set(s.clone(), node.loc.clone()),
            _ => {
                let what = format!("a {}", self.syntax.string());
                self.type_error(key, node, &what);
                Setting::Invalid
            }
        }
    }

    /// A number that fits an `f32` (integers too: `temperature: 1`).
    pub fn float(&mut self, key: &str, node: &Node<L>) -> Setting<f32, L> {
        if let Some(special) = self.special(node) {
            return special;
        }
        let value = match &node.value {
            Raw::Float(v, _) => *v,
            Raw::Int(Some(v), _) => *v as f64,
            Raw::Int(None, _) => f64::INFINITY,
            _ => {
                self.type_error(key, node, "a number");
                return Setting::Invalid;
            }
        };
        let narrow = value as f32;
        if narrow.is_finite() {
            Setting::Set(narrow, node.loc.clone())
        } else {
            let message = match &node.value {
                // `1e39`: a number, but not one an `f32` holds.
                Raw::Float(v, digits) if v.is_finite() => format!(
                    "`{key}` is out of range for a 32-bit float (at most {:e} in magnitude), found {digits}",
                    f32::MAX
                ),
                Raw::Int(_, digits) => format!(
                    "`{key}` is out of range for a 32-bit float (at most {:e} in magnitude), found {digits}",
                    f32::MAX
                ),
                _ => format!("`{key}` expects a finite number"),
            };
            self.issues.push(IssueKind::Type, key, &node.loc, message);
            Setting::Invalid
        }
    }

    /// [`Reader::float`] within `rule`'s range (`rules::api_range`: the rulebook's bounds and words), decided by the
    /// number as written, digit by digit, not by its nearest `f32` or `f64`: `1.00000000000000000001` and `-1e-50`
    /// are out of `0.0..=1.0` though they round to 1.0 and -0.0. A value whose `f32` is already out of range is left to the
    /// rulebook's own check.
    pub fn float_within(
        &mut self,
        key: &str,
        node: &Node<L>,
        rule: crate::keys::ProfileKey,
    ) -> Setting<f32, L> {
        let setting = self.float(key, node);
        let Some(((min, max), message)) = crate::rules::api_range(rule) else {
            return setting;
        };
        if let Setting::Set(narrow, loc) = &setting
            && (min..=max).contains(narrow)
        {
            let written = match &node.value {
                Raw::Float(v, digits) => Some((*v, digits)),
                Raw::Int(Some(v), digits) => Some((*v as f64, digits)),
                _ => None,
            };
            if let Some((value, digits)) = written
                && !super::decimal::within(digits, f64::from(min), f64::from(max))
                    .unwrap_or_else(|| (f64::from(min)..=f64::from(max)).contains(&value))
            {
                self.issues.rule(key, loc, format!("{message}{digits}"));
                return Setting::Invalid;
            }
        }
        setting
    }

    /// A non-negative integer that fits a `u32`.
    pub fn uint(&mut self, key: &str, node: &Node<L>) -> Setting<u32, L> {
        if let Some(special) = self.special(node) {
            return special;
        }
        let message = match &node.value {
            Raw::Int(Some(v), _) if (0..=i128::from(u32::MAX)).contains(v) => {
                return Setting::Set(*v as u32, node.loc.clone());
            }
            Raw::Int(_, digits) if digits.starts_with('-') => {
                format!("`{key}` cannot be negative, found {digits}")
            }
            Raw::Int(_, digits) => {
                format!(
                    "`{key}` must fit in a u32 (at most {}), found {digits}",
                    u32::MAX
                )
            }
            _ => {
                self.type_error(key, node, "an integer");
                return Setting::Invalid;
            }
        };
        self.issues.push(IssueKind::Type, key, &node.loc, message);
        Setting::Invalid
    }

    /// A list of strings, each with its location.
    pub fn string_list(&mut self, key: &str, node: &Node<L>) -> Setting<Vec<(String, L)>, L> {
        if let Some(special) = self.special(node) {
            return special;
        }
        let Raw::List(items) = &node.value else {
            let example = "[\"Human:\", \"Assistant:\"]";
            let message = format!("`{key}` expects a list of strings, like {example}");
            self.issues.push(IssueKind::Type, key, &node.loc, message);
            return Setting::Invalid;
        };
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            match &item.value {
                Raw::Str(s) => out.push((s.clone(), item.loc.clone())),
                other => {
                    let message = format!(
                        "`{key}` items must be {}s, found {}{}",
                        self.syntax.string(),
                        other.describe(self.syntax),
                        self.syntax.constant_note(
                            "; for computed values, give the whole list as a constant"
                        )
                    );
                    let path = format!("{key}[{i}]");
                    self.issues.push(IssueKind::Type, &path, &item.loc, message);
                    ok = false;
                }
            }
        }
        if ok {
            Setting::Set(out, node.loc.clone())
        } else {
            Setting::Invalid
        }
    }

    /// A table of strings (`{ "team": "search" }` in the DSL, `{ team = "search" }` in TOML), each key and value
    /// with its location, in the order written.
    pub fn string_table(&mut self, key: &str, node: &Node<L>) -> Setting<Vec<StringEntry<L>>, L> {
        if let Some(special) = self.special(node) {
            return special;
        }
        let team = self.syntax.string_key("team");
        let example = self.syntax.table(&[(&team, "\"search\"")]);
        let Some(entries) = self.table(key, node, &format!("a table of strings, like {example}"))
        else {
            return Setting::Invalid;
        };
        let mut out = Vec::with_capacity(entries.len());
        let mut ok = true;
        for entry in entries {
            match &entry.value.value {
                Raw::Str(value) => out.push(StringEntry {
                    key: entry.key.clone(),
                    value: value.clone(),
                    value_loc: entry.value.loc.clone(),
                }),
                other => {
                    let found = other.describe(self.syntax);
                    let path = super::join(key, &entry.key.text);
                    let message = format!(
                        "`{key}` values must be {}s, found {found}",
                        self.syntax.string()
                    );
                    self.issues
                        .push(IssueKind::Type, &path, &entry.value.loc, message);
                    ok = false;
                }
            }
        }
        if ok {
            Setting::Set(out, node.loc.clone())
        } else {
            Setting::Invalid
        }
    }

    /// The entries of a table; a type error expecting `example` for any other value.
    pub fn table<'n>(
        &mut self,
        key: &str,
        node: &'n Node<L>,
        example: &str,
    ) -> Option<&'n [Entry<L>]> {
        match &node.value {
            Raw::Table(entries) => Some(entries),
            _ => {
                self.type_error(key, node, example);
                None
            }
        }
    }

    /// The entries of the table under `tag` in `{ tag: { ... } }` (`tag { ... }` in Rust) when `tag` is given,
    /// else of the table itself; a type error expecting `example` for any other value.
    pub fn tagged_table<'n>(
        &mut self,
        key: &str,
        node: &'n Node<L>,
        tag: Option<&str>,
        example: &str,
    ) -> Option<&'n [Entry<L>]> {
        let Some(tag) = tag else {
            return self.table(key, node, example);
        };
        let inner = match &node.value {
            Raw::Table(entries) => match entries.as_slice() {
                [entry] if entry.key.text == tag => match &entry.value.value {
                    Raw::Table(inner) => Some(inner.as_slice()),
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        };
        if inner.is_none() {
            self.type_error(key, node, example);
        }
        inner
    }

    /// Reports the entries whose key is not one of `K`'s (with the closest one) or repeats an earlier key, and
    /// returns the others with their key.
    pub fn keyed<'n, K: Copy + PartialEq>(
        &mut self,
        entries: &'n [Entry<L>],
        place: &str,
        from_name: impl Fn(&str) -> Option<K>,
        suggest: impl Fn(&str) -> Option<&'static str>,
        all: &[&str],
    ) -> Vec<(K, &'n Entry<L>)> {
        let mut out: Vec<(K, &Entry<L>)> = Vec::with_capacity(entries.len());
        for entry in entries {
            let name = &entry.key.text;
            match from_name(name) {
                Some(k) if out.iter().any(|(seen, _)| *seen == k) => {
                    self.duplicate(&entry.key);
                }
                Some(k) => out.push((k, entry)),
                None => self.unknown(&entry.key, place, suggest(name), all),
            }
        }
        out
    }

    /// "duplicate key `k`", on the second `k`.
    pub fn duplicate(&mut self, key: &Name<L>) {
        let message = format!("duplicate key `{}`", key.text);
        let kind = IssueKind::DuplicateKey {
            key: key.text.clone(),
        };
        self.issues.push(kind, &key.text, &key.loc, message);
    }

    /// "unknown key `k`{place}; did you mean `s`?" or "...; expected one of ...".
    pub fn unknown(
        &mut self,
        key: &Name<L>,
        place: &str,
        suggestion: Option<&'static str>,
        all: &[&str],
    ) {
        let name = &key.text;
        let message = match suggestion {
            Some(s) => format!("unknown key `{name}`{place}; did you mean `{s}`?"),
            None => format!("unknown key `{name}`{place}; expected {}", one_of(all)),
        };
        let kind = IssueKind::UnknownKey {
            key: name.clone(),
            suggestion: suggestion.map(str::to_owned),
        };
        self.issues.push(kind, name, &key.loc, message);
    }

    /// A missing key of a table written at `loc`.
    pub fn missing(&mut self, path: &str, key: &'static str, loc: &L, message: String) {
        self.issues
            .push(IssueKind::MissingKey { key }, path, loc, message);
    }

    /// A model: a catalog id, a cross-region id, an ARN, or (where `unlisted` is allowed) a model the catalog does
    /// not know: `unlisted { id, max_output_tokens }` in the DSL, `{ id, max_output_tokens }` in files.
    pub fn model(&mut self, key: &str, node: &Node<L>, unlisted: bool) -> Setting<ModelRef, L> {
        if let Some(special) = self.special(node) {
            return special;
        }
        let hint = self.syntax.unlisted_example();
        match &node.value {
            Raw::Str(id) => match models::resolve(id) {
                Ok(model) => Setting::Set(model, node.loc.clone()),
                Err(error @ ModelError::Unknown { .. }) => {
                    let sync = models::account::sync_hint();
                    let message = if unlisted {
                        format!("{error} (a model the catalog does not know yet: `{hint}`; {sync})")
                    } else {
                        format!("{error} ({sync})")
                    };
                    self.issues.push(IssueKind::Model, key, &node.loc, message);
                    Setting::Invalid
                }
                Err(error) => {
                    self.issues
                        .push(IssueKind::Model, key, &node.loc, error.to_string());
                    Setting::Invalid
                }
            },
            Raw::Table(_) if unlisted => self.unlisted(key, node),
            _ => {
                let expected = if unlisted {
                    format!("a model id string or `{hint}`")
                } else {
                    "a model id string, like \"anthropic.claude-3-5-sonnet-20241022-v2:0\""
                        .to_owned()
                };
                self.type_error(key, node, &expected);
                Setting::Invalid
            }
        }
    }

    fn unlisted(&mut self, key: &str, node: &Node<L>) -> Setting<ModelRef, L> {
        use super::keys::UnlistedKey;
        let hint = self.syntax.unlisted_example();
        let expected = format!("a model id string or `{hint}`");
        let tag = self.syntax.unlisted_tag();
        let Some(entries) = self.tagged_table(key, node, tag, &expected) else {
            return Setting::Invalid;
        };
        let place = format!(" in `{}`", self.syntax.unlisted_place());
        let before = self.issues.len();
        let keyed = self.nested(key, |r| {
            r.keyed(
                entries,
                &place,
                UnlistedKey::from_name,
                |n| UnlistedKey::suggest(n).map(UnlistedKey::as_str),
                &UnlistedKey::names(),
            )
        });
        let (mut id, mut max) = (Setting::Unset, Setting::Unset);
        self.nested(key, |r| {
            for (k, entry) in &keyed {
                match k {
                    UnlistedKey::Id => id = r.string(k.as_str(), &entry.value),
                    UnlistedKey::MaxOutputTokens => max = r.uint(k.as_str(), &entry.value),
                }
            }
            for (k, written) in [
                (UnlistedKey::Id, id.is_written()),
                (UnlistedKey::MaxOutputTokens, max.is_written()),
            ] {
                if !written {
                    let message = format!(
                        "missing key `{}`: an unlisted model is `{hint}`",
                        k.as_str()
                    );
                    r.missing("", k.as_str(), &node.loc, message);
                }
            }
        });
        if self.issues.len() != before {
            return Setting::Invalid;
        }
        match (id, max) {
            (Setting::Set(id, id_loc), Setting::Set(max, max_loc)) => {
                match models::unlisted_owned(id, max) {
                    Ok(model) => Setting::Set(model, id_loc),
                    Err(error) => {
                        let (loc, field) = match error {
                            ModelError::UnlistedZeroTokens => (max_loc, "max_output_tokens"),
                            _ => (id_loc, "id"),
                        };
                        let path = super::join(key, field);
                        self.issues
                            .push(IssueKind::Model, &path, &loc, error.to_string());
                        Setting::Invalid
                    }
                }
            }
            _ => {
                let message = format!(
                    "`{}` takes a string literal `id` and an integer literal `max_output_tokens`",
                    self.syntax.unlisted_place()
                );
                self.issues.push(IssueKind::Type, key, &node.loc, message);
                Setting::Invalid
            }
        }
    }
}

impl Syntax {
    /// The tag of an unlisted model's table: `unlisted { .. }` in Rust (`{ unlisted: { .. } }` once read); none in
    /// data, which writes the table alone.
    pub fn unlisted_tag(self) -> Option<&'static str> {
        (!self.is_data()).then_some(super::keys::UNLISTED)
    }

    /// An unlisted model as this syntax writes it.
    pub fn unlisted_example(self) -> String {
        let table = self.table(&[("id", "\"...\""), ("max_output_tokens", "N")]);
        match self.unlisted_tag() {
            Some(tag) => format!("{tag} {table}"),
            None => table,
        }
    }

    /// Where an unlisted model's keys are, for messages.
    pub fn unlisted_place(self) -> String {
        match self.unlisted_tag() {
            Some(tag) => self.tag_name(tag),
            None => "model = { ... }".to_owned(),
        }
    }
}
