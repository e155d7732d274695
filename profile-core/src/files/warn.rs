//! What loads but deserves a warning ([`Declarations::warnings`]), each at its place in the file: the loader locates
//! every warning's key while it still holds the spanned tree, and keeps only those places.

use super::tree::Node;
use super::{Declarations, LineIndex};
use crate::decl::{Entry, Raw};
use crate::prompt::DEFAULT_VARIANT;
use crate::rules::Warning;
use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

/// A warning about a loaded file.
#[derive(Debug, Clone, PartialEq)]
pub struct FileWarning<'d> {
    /// The key path, like `profiles.support.model`.
    pub key_path: String,
    /// 1-based line and column (in characters) of the key the warning is about, or of the nearest table holding
    /// it when the value is inherited (`extends`, a variant taking the prompt's model); `None` when the
    /// declarations were not loaded from a file as they are now (built or edited in code).
    pub place: Option<(usize, usize)>,
    /// The warning.
    pub warning: Warning<'d>,
}

impl fmt::Display for FileWarning<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some((line, column)) = self.place {
            write!(f, "{line}:{column}: ")?;
        }
        write!(f, "{}: {}", self.key_path, self.warning)
    }
}

/// The places of the loaded file's tables and warnings by key path. Clones keep them; equality ignores them (two equal
/// declarations are equal however they were made).
#[derive(Debug, Clone, Default)]
pub(super) struct Places(HashMap<String, (usize, usize)>);

impl PartialEq for Places {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// What a warning is about: a key of a table, or of one of a prompt's variants.
struct Site<'d> {
    section: &'static str,
    table: &'d str,
    variant: Option<&'d str>,
    key: &'static str,
}

impl Site<'_> {
    fn path(&self) -> String {
        match self.variant {
            Some(variant) => format!(
                "{}.{}.variants.{variant}.{}",
                self.section, self.table, self.key
            ),
            None => format!("{}.{}.{}", self.section, self.table, self.key),
        }
    }
}

impl Declarations {
    /// What loads but deserves a warning, with the key path and place it concerns: a profile's warnings
    /// ([`crate::rules::warnings`]: end of life, deprecated budget thinking, many tags), and each prompt's, variant's
    /// and agent's model past its end of life (once per prompt and model). With an account's catalog in force
    /// ([`crate::models::account::with_account`]) when this is called, a model it lists warns with AWS's dates.
    pub fn warnings(&self) -> Vec<FileWarning<'_>> {
        self.warning_sites()
            .into_iter()
            .map(|(site, warning)| {
                let key_path = site.path();
                FileWarning {
                    place: self.places.0.get(&key_path).copied(),
                    key_path,
                    warning,
                }
            })
            .collect()
    }

    fn warning_sites(&self) -> Vec<(Site<'_>, Warning<'_>)> {
        let mut out = Vec::new();
        for p in &self.profiles {
            for w in crate::rules::warnings(&p.profile, None) {
                let site = Site {
                    section: "profiles",
                    table: &p.key,
                    variant: None,
                    key: w.key().as_str(),
                };
                out.push((site, w));
            }
        }
        for p in &self.prompts {
            let mut seen: Vec<&str> = Vec::new();
            for v in &p.variants {
                let Some(model) = &v.model else { continue };
                if seen.contains(&model.id()) {
                    continue;
                }
                seen.push(model.id());
                for w in crate::rules::model_warnings(model) {
                    let site = Site {
                        section: "prompts",
                        table: &p.key,
                        variant: (v.name != DEFAULT_VARIANT).then_some(v.name.as_str()),
                        key: "model",
                    };
                    out.push((site, w));
                }
            }
        }
        for a in &self.agents {
            for w in crate::rules::model_warnings(&a.model) {
                let site = Site {
                    section: "agents",
                    table: &a.key,
                    variant: None,
                    key: "model",
                };
                out.push((site, w));
            }
        }
        out
    }

    /// Where `key_path` (a warning's, or a table's: `profiles.support`) is in the file it was loaded from, as
    /// 1-based line and column; for a key inside a table (`profiles.support.description`) without a place of its
    /// own, the place of the table. `None` for declarations built or edited in code.
    pub fn place(&self, key_path: &str) -> Option<(usize, usize)> {
        if let Some(&place) = self.places.0.get(key_path) {
            return Some(place);
        }
        let mut path = key_path;
        while let Some((parent, _)) = path.rsplit_once('.') {
            if let Some(&place) = self.places.0.get(parent) {
                return Some(place);
            }
            path = parent;
        }
        None
    }

    /// Finds each table and each warning's key in the file's tree: linear in the file and the warnings (a table's
    /// keys are looked up through an index built once per table searched, so 100,000 warnings in one section stay
    /// linear).
    pub(super) fn locate(&mut self, root: &Node, index: &LineIndex<'_>) {
        let mut tables = Tables::default();
        let mut places: HashMap<String, (usize, usize)> = HashMap::new();
        let sections = [
            (
                "profiles",
                self.profiles.iter().map(|p| &p.key).collect::<Vec<_>>(),
            ),
            ("prompts", self.prompts.iter().map(|p| &p.key).collect()),
            ("agents", self.agents.iter().map(|a| &a.key).collect()),
        ];
        for (section, keys) in sections {
            let Some(entry) = tables.child(root, section) else {
                continue;
            };
            for key in keys {
                if let Some(table) = tables.child(&entry.value, key) {
                    places.insert(
                        format!("{section}.{key}"),
                        index.line_col(table.key.loc.start),
                    );
                }
            }
        }
        let warnings = self
            .warning_sites()
            .iter()
            .map(|(site, _)| {
                let steps = [
                    Some(site.section),
                    Some(site.table),
                    site.variant.map(|_| "variants"),
                    site.variant,
                    Some(site.key),
                ];
                let mut node = root;
                let mut at = root.loc.start;
                for step in steps.into_iter().flatten() {
                    let Some(entry) = tables.child(node, step) else {
                        break;
                    };
                    at = entry.key.loc.start;
                    node = &entry.value;
                }
                (site.path(), index.line_col(at))
            })
            .collect::<Vec<_>>();
        places.extend(warnings);
        self.places = Places(places);
    }
}

/// Key indexes of the tables searched, by node address.
#[derive(Default)]
struct Tables<'n>(HashMap<*const Node, HashMap<&'n str, &'n Entry<Range<usize>>>>);

impl<'n> Tables<'n> {
    fn child(&mut self, node: &'n Node, key: &str) -> Option<&'n Entry<Range<usize>>> {
        let Raw::Table(entries) = &node.value else {
            return None;
        };
        let keys = self.0.entry(node as *const Node).or_insert_with(|| {
            // The first of a repeated key, as the loader reads it (TOML and the JSON parser refuse repeats).
            let mut keys = HashMap::with_capacity(entries.len());
            for entry in entries {
                keys.entry(entry.key.text.as_str()).or_insert(entry);
            }
            keys
        });
        keys.get(key).copied()
    }
}
