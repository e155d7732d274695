//! From the spanned tree to [`Declarations`]: the sections and tables of the file, each declaration read and
//! checked by the declaration layer ([`crate::decl`]). No key name, default or rule is written here.

use super::tree::{self, Node};
use super::{Declarations, Error, Format, LoadedProfile};
use crate::decl::keys::SectionKey;
use crate::decl::{
    self, AgentDecl, Entry, IssueKind, Issues, Name, ProfileDecl, ProfileTable, PromptDecl, Raw,
    Relative, Syntax,
};
use crate::rules::Surface;
use std::ops::Range;
use std::path::Path;

type Loc = Range<usize>;

/// The declarations of one section: each table's name and entries.
type Tables<'n> = Vec<(Name<Loc>, &'n [Entry<Loc>])>;

/// The tables of one section: `(name, entries)`; other values are type issues.
fn section<'n>(
    issues: &mut Issues<Loc>,
    syntax: Syntax,
    key: SectionKey,
    node: &'n decl::Node<Loc>,
) -> Tables<'n> {
    let name = key.as_str();
    let Raw::Table(entries) = &node.value else {
        let found = node.value.describe(syntax);
        let message = format!("`{name}` expects a table, found {found}");
        issues.push(IssueKind::Type, name, &node.loc, message);
        return Vec::new();
    };
    let mut out = Vec::with_capacity(entries.len());
    for entry in entries {
        match &entry.value.value {
            Raw::Table(inner) => out.push((entry.key.clone(), inner.as_slice())),
            other => {
                let path = format!("{name}.{}", entry.key.text);
                let found = other.describe(syntax);
                let message = format!("`{path}` expects a table, found {found}");
                issues.push(IssueKind::Type, &path, &entry.value.loc, message);
            }
        }
    }
    out
}

/// A front end's own rule on a prompt's variable names: `(table, variable)` -> why the variable cannot be used.
pub(super) type VariableRule<'r> = &'r dyn Fn(&str, &str) -> Option<String>;

pub(super) fn decode(
    path: &Path,
    source: &str,
    format: Format,
    variables: Option<VariableRule<'_>>,
) -> Result<Declarations, Vec<Error>> {
    let syntax = match format {
        Format::Toml => Syntax::Toml,
        Format::Json => Syntax::Json,
    };
    let index = super::LineIndex::new(source);
    let root = match format {
        Format::Toml => tree::parse_toml(source),
        Format::Json => tree::parse_json(source),
    };
    let root: Node = match root {
        Ok(root) => root,
        Err(e) => {
            return Err(vec![index.error(
                IssueKind::Syntax,
                String::new(),
                e.span,
                e.message,
            )]);
        }
    };
    let mut issues: Issues<Loc> = Issues::new();
    // Files named by a declaration (`text_file`, ...) are relative to the declaration file's directory.
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut sources = Relative::new(Ok(dir), "the declaration file");
    let Raw::Table(top) = &root.value else {
        let found = root.value.describe(syntax);
        let message = format!("a declaration file is a table, found {found}");
        issues.push(IssueKind::Type, "", &root.loc, message);
        return Err(into_errors(&index, issues));
    };
    let mut tables: [Tables<'_>; 3] = Default::default();
    let mut seen = Vec::new();
    for entry in top {
        let Ok(key) = entry.key.text.parse::<SectionKey>() else {
            let suggestion = SectionKey::suggest(&entry.key.text).map(SectionKey::as_str);
            decl::read_unknown(
                &mut issues,
                syntax,
                &entry.key,
                suggestion,
                &SectionKey::names(),
            );
            continue;
        };
        if seen.contains(&key) {
            continue; // TOML and our JSON parser refuse repeated keys already
        }
        seen.push(key);
        let slot = SectionKey::ALL.iter().position(|k| *k == key).unwrap_or(0);
        tables[slot] = section(&mut issues, syntax, key, &entry.value);
    }
    let [profile_tables, prompt_tables, agent_tables] = tables;
    // Two tables that `include_profiles!` would give the same Rust name: an error here too, so that `check`
    // refuses every file the macro refuses.
    let named: Vec<(&'static str, &Name<Loc>)> = [
        (SectionKey::Profiles, &profile_tables),
        (SectionKey::Prompts, &prompt_tables),
        (SectionKey::Agents, &agent_tables),
    ]
    .into_iter()
    .flat_map(|(key, tables)| tables.iter().map(move |(name, _)| (key.as_str(), name)))
    .collect();
    let keys: Vec<(&str, &str)> = named.iter().map(|(s, n)| (*s, n.text.as_str())).collect();
    for (i, message) in super::names::clashes(&keys) {
        let (section, name) = named[i];
        issues.rule(&format!("{section}.{}", name.text), &name.loc, message);
    }

    // Profiles, with `extends` resolved among them.
    let profiles: Vec<ProfileDecl<Loc>> = profile_tables
        .into_iter()
        .map(|(name, entries)| {
            let path = format!("{}.{}", SectionKey::Profiles.as_str(), name.text);
            issues.nested(&path, |i| ProfileDecl::read(name, entries, None, syntax, i))
        })
        .collect();
    let resolved = decl::resolve_extends(&profiles, Surface::Converse, syntax, &mut issues, |d| {
        format!("{}.{}", SectionKey::Profiles.as_str(), d.ident.text)
    });
    let mut table = ProfileTable::with_capacity(profiles.len());
    let mut loaded_profiles = Vec::with_capacity(profiles.len());
    for (d, profile) in profiles.iter().zip(resolved) {
        table.insert(d.ident.text.clone(), profile.clone());
        if let Some(profile) = profile {
            loaded_profiles.push(LoadedProfile {
                key: d.ident.text.clone(),
                profile,
            });
        }
    }

    let mut prompts = Vec::with_capacity(prompt_tables.len());
    for (name, entries) in prompt_tables {
        let path = format!("{}.{}", SectionKey::Prompts.as_str(), name.text);
        let before = issues.len();
        let loaded = issues.nested(&path, |i| {
            let d = PromptDecl::read(name, entries, syntax, &mut sources, i);
            if let Some(rule) = variables {
                d.check_variable_names(&|v| rule(&d.ident.text, v), i);
            }
            d.check(syntax, None, Some(&table), i)
        });
        if issues.len() == before
            && let Some(p) = loaded
        {
            prompts.push(p);
        }
    }

    let mut agents = Vec::with_capacity(agent_tables.len());
    for (name, entries) in agent_tables {
        let path = format!("{}.{}", SectionKey::Agents.as_str(), name.text);
        let before = issues.len();
        let d = issues.nested(&path, |i| {
            let d = AgentDecl::read(name, entries, syntax, &mut sources, i);
            d.check(syntax, Some(&table), i);
            d
        });
        if issues.len() != before {
            continue;
        }
        if let Some(mut agent) = d.resolved() {
            agent.steps.sort_by_key(|s| s.step.index());
            agent.base_prompt_templates.sort_by_key(|t| t.step.index());
            agents.push(agent);
        }
    }

    if issues.is_empty() {
        Ok(Declarations {
            profiles: loaded_profiles,
            prompts,
            agents,
        })
    } else {
        Err(into_errors(&index, issues))
    }
}

/// The issues as file errors with line and column, in source order.
fn into_errors(index: &super::LineIndex, issues: Issues<Loc>) -> Vec<Error> {
    let mut errors: Vec<Error> = issues
        .list
        .into_iter()
        .map(|i| index.error(i.kind, i.path, i.loc, i.message))
        .collect();
    errors.sort_by_key(|e| e.span.start);
    errors
}
