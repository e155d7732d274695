//! From the spanned tree to [`Declarations`]: the sections and tables of the file, each declaration read and
//! checked by the declaration layer ([`crate::decl`]). No key name, default or rule is written here.

use super::tree::{self, Node};
use super::{Declarations, Error, Format, LoadedAgent, LoadedProfile, LoadedPrompt};
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
    let Raw::Table(top) = &root.value else {
        let found = root.value.describe(syntax);
        let message = format!("a declaration file is a table, found {found}");
        issues.push(IssueKind::Type, "", &root.loc, message);
        return Err(into_errors(&index, issues));
    };
    let [profile_tables, prompt_tables, agent_tables] = sections(top, syntax, &mut issues);
    clashes(
        [&profile_tables, &prompt_tables, &agent_tables],
        &mut issues,
    );
    let mut file = File {
        syntax,
        issues,
        // Files named by a declaration (`text_file`, ...) are relative to the declaration file's directory.
        sources: Relative::new(
            Ok(path.parent().map(Path::to_path_buf).unwrap_or_default()),
            "the declaration file",
        ),
    };
    let (profiles, broken) = file.profiles(profile_tables);
    let table: ProfileTable<'_> = profiles
        .iter()
        .map(|p| (p.key.as_str(), Some(&p.profile)))
        .chain(broken.iter().map(|key| (key.as_str(), None)))
        .collect();
    let prompts = file.prompts(prompt_tables, variables, &table);
    let agents = file.agents(agent_tables, &table);
    drop(table);
    if file.issues.is_empty() {
        let mut declarations = Declarations {
            profiles,
            prompts,
            agents,
            ..Declarations::default()
        };
        declarations.locate(&root, &index);
        Ok(declarations)
    } else {
        Err(into_errors(&index, file.issues))
    }
}

/// The tables of the three sections (profiles, prompts, agents); an unknown top-level key is an issue.
fn sections<'n>(
    top: &'n [Entry<Loc>],
    syntax: Syntax,
    issues: &mut Issues<Loc>,
) -> [Tables<'n>; 3] {
    let mut tables: [Tables<'_>; 3] = Default::default();
    let mut seen = Vec::new();
    for entry in top {
        let Ok(key) = entry.key.text.parse::<SectionKey>() else {
            let suggestion = SectionKey::suggest(&entry.key.text).map(SectionKey::as_str);
            decl::read_unknown(issues, syntax, &entry.key, suggestion, &SectionKey::names());
            continue;
        };
        if seen.contains(&key) {
            continue; // TOML and our JSON parser refuse repeated keys already
        }
        seen.push(key);
        let slot = SectionKey::ALL.iter().position(|k| *k == key).unwrap_or(0);
        tables[slot] = section(issues, syntax, key, &entry.value);
    }
    tables
}

/// Two tables that `include_profiles!` would give the same Rust name: an error here too, so that `check` refuses
/// every file the macro refuses.
fn clashes(tables: [&Tables<'_>; 3], issues: &mut Issues<Loc>) {
    let named: Vec<(&'static str, &Name<Loc>)> = SectionKey::ALL
        .iter()
        .zip(tables)
        .flat_map(|(key, tables)| tables.iter().map(move |(name, _)| (key.as_str(), name)))
        .collect();
    let keys: Vec<(&str, &str)> = named.iter().map(|(s, n)| (*s, n.text.as_str())).collect();
    for (i, message) in super::names::clashes(&keys) {
        let (section, name) = named[i];
        issues.rule(&format!("{section}.{}", name.text), &name.loc, message);
    }
}

/// One file being read: its syntax, its issues, the files it names, and its profiles by table name (for the
/// prompts and agents that name them).
struct File {
    syntax: Syntax,
    issues: Issues<Loc>,
    sources: Relative,
}

impl File {
    /// The profiles, with `extends` resolved among them, and the keys of the broken ones.
    fn profiles(&mut self, tables: Tables<'_>) -> (Vec<LoadedProfile>, Vec<String>) {
        let syntax = self.syntax;
        let decls: Vec<ProfileDecl<Loc>> = tables
            .into_iter()
            .map(|(name, entries)| {
                let path = format!("{}.{}", SectionKey::Profiles.as_str(), name.text);
                let read = |i: &mut _| ProfileDecl::read(name, entries, None, syntax, i);
                self.issues.nested(&path, read)
            })
            .collect();
        let prefix =
            |d: &ProfileDecl<Loc>| format!("{}.{}", SectionKey::Profiles.as_str(), d.ident.text);
        let resolved =
            decl::resolve_extends(&decls, Surface::Converse, syntax, &mut self.issues, prefix);
        let mut loaded = Vec::with_capacity(decls.len());
        let mut broken = Vec::new();
        for (d, profile) in decls.into_iter().zip(resolved) {
            let key = d.ident.text;
            match profile {
                Some(profile) => loaded.push(LoadedProfile { key, profile }),
                None => broken.push(key),
            }
        }
        (loaded, broken)
    }

    /// The prompts without an issue; `variables`, a front end's rule on their variables.
    fn prompts(
        &mut self,
        tables: Tables<'_>,
        variables: Option<VariableRule<'_>>,
        profiles: &ProfileTable<'_>,
    ) -> Vec<LoadedPrompt> {
        let mut prompts = Vec::with_capacity(tables.len());
        for (name, entries) in tables {
            let path = format!("{}.{}", SectionKey::Prompts.as_str(), name.text);
            let before = self.issues.len();
            let (syntax, sources) = (self.syntax, &mut self.sources);
            let loaded = self.issues.nested(&path, |i| {
                let d = PromptDecl::read(name, entries, syntax, sources, i);
                if let Some(rule) = variables {
                    d.check_variable_names(&|v| rule(&d.ident.text, v), i);
                }
                d.check(syntax, None, Some(profiles), i)
            });
            if self.issues.len() == before
                && let Some(p) = loaded
            {
                prompts.push(p);
            }
        }
        prompts
    }

    /// The agents without an issue, their steps in step order.
    fn agents(&mut self, tables: Tables<'_>, profiles: &ProfileTable<'_>) -> Vec<LoadedAgent> {
        let mut agents = Vec::with_capacity(tables.len());
        for (name, entries) in tables {
            let path = format!("{}.{}", SectionKey::Agents.as_str(), name.text);
            let before = self.issues.len();
            let (syntax, sources) = (self.syntax, &mut self.sources);
            let d = self.issues.nested(&path, |i| {
                let d = AgentDecl::read(name, entries, syntax, sources, i);
                d.check(syntax, Some(profiles), i);
                d
            });
            if self.issues.len() != before {
                continue;
            }
            if let Some(mut agent) = d.resolved() {
                agent.steps.sort_by_key(|s| s.step.index());
                agent.base_prompt_templates.sort_by_key(|t| t.step.index());
                agents.push(agent);
            }
        }
        agents
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
