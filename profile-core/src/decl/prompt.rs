//! A prompt as declared: its name, its default variant (the top-level keys) and its named variants, each template
//! read (inline or from a file) and checked once.

use super::keys::{PromptKey, VariantKey};
use super::read::Reader;
use super::resolved::{ResolvedPrompt, ResolvedVariant};
use super::source::{self, ProfileTable, Sources};
use super::{Entry, IssueKind, Issues, Name, Node, Raw, Setting, Syntax, kebab_case};
use crate::models::ModelRef;
use crate::prompt::{self, DEFAULT_VARIANT, PromptViolation};
use crate::rules::{self, Surface};
use crate::template::{Segment, Template};

/// A prompt as declared.
#[derive(Debug, Clone, PartialEq)]
pub struct PromptDecl<L> {
    /// The struct's name (Rust) or the table's name (files): the default `name`, in kebab-case.
    pub ident: Name<L>,
    /// `name`
    pub name: Setting<String, L>,
    /// `description`
    pub description: Setting<String, L>,
    /// The top-level keys: the default variant.
    pub top: VariantDecl<L>,
    /// `variant(...)` / `variants.<name>`, in the order written.
    pub variants: Vec<VariantDecl<L>>,
    /// Every template the declaration holds; variants refer to them by index.
    pub sources: Vec<TemplateSource<L>>,
    /// Whether an unknown top-level key was written (maybe a misspelled `text`: no "missing `text`" then).
    unknown_keys: bool,
}

/// What a variant (or the top level) sets.
#[derive(Debug, Clone, PartialEq)]
pub struct VariantDecl<L> {
    /// The variant's name (`None` for the top level, and for a Rust variant that forgot it).
    pub name: Option<Name<L>>,
    /// Where the variant is written.
    pub loc: L,
    /// `model`
    pub model: Setting<ModelRef, L>,
    /// `profile`: a path (Rust, an expression handle) or a profile's table name (files).
    pub profile: Setting<ProfileRef, L>,
    /// `text` / `text_file`: an index into [`PromptDecl::sources`].
    pub text: Setting<usize, L>,
    /// `system` / `system_file`: an index into [`PromptDecl::sources`].
    pub system: Setting<usize, L>,
}

/// The profile a prompt names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProfileRef {
    /// A path to an `InferenceProfile` const (Rust): the front end's expression handle.
    Path(usize),
    /// A profile of the same file, by its table name.
    Name(String),
}

impl ProfileRef {
    /// The table name of a file's profile.
    pub fn name(&self) -> Option<&str> {
        match self {
            ProfileRef::Name(name) => Some(name),
            ProfileRef::Path(_) => None,
        }
    }
}

/// A template as written: inline, or read from a file (one final line break dropped).
#[derive(Debug, Clone, PartialEq)]
pub struct TemplateSource<L> {
    /// The template text, shared by every prompt naming the same file (and by every variant using it).
    pub text: std::sync::Arc<str>,
    /// The literal (the template, or the file's path).
    pub loc: L,
    /// The path as written, for a template file.
    pub file: Option<String>,
    /// Whether it is a text or a system prompt.
    pub part: crate::prompt::Part,
    /// Whether the template passed every rule of its own.
    pub valid: bool,
    /// What its own rules say (shared by every declaration naming the same file, which is checked once).
    pub check: std::sync::Arc<super::source::TemplateCheck>,
}

impl<L> TemplateSource<L> {
    /// The parsed template, when it is valid.
    pub fn parsed(&self) -> Option<Template<'_>> {
        if self.valid {
            crate::template::parse(&self.text).ok()
        } else {
            None
        }
    }

    /// A violation's message, naming the file first when the template is one.
    fn message(&self, violation: &dyn std::fmt::Display) -> String {
        match &self.file {
            Some(path) => format!("`{path}`: {violation}"),
            None => violation.to_string(),
        }
    }
}

/// The distinct variables of the templates `sources` (indices into `parsed`, each template's distinct variables),
/// in order of first use.
fn variables(parsed: &[Vec<&str>], sources: [Option<usize>; 2]) -> Vec<String> {
    let mut variables: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for index in sources.into_iter().flatten() {
        for &name in &parsed[index] {
            if seen.insert(name) {
                variables.push(name.to_owned());
            }
        }
    }
    variables
}

impl<L: Clone> PromptDecl<L> {
    /// Reads the entries of one prompt.
    pub fn read(
        ident: Name<L>,
        entries: &[Entry<L>],
        syntax: Syntax,
        sources: &mut dyn Sources,
        issues: &mut Issues<L>,
    ) -> Self {
        let mut decl = PromptDecl {
            top: VariantDecl::new(None, ident.loc.clone()),
            ident,
            name: Setting::Unset,
            description: Setting::Unset,
            variants: Vec::new(),
            sources: Vec::new(),
            unknown_keys: false,
        };
        let mut r = Reader::new(syntax, issues);
        let all: Vec<&str> = PromptKey::ALL.iter().map(|k| k.spelling(syntax)).collect();
        // Not a spelling: Rust repeats `variant(...)`, named by its `name`; files write one table `variants`, each
        // variant named by its table.
        let variants_table = syntax.is_file();
        let mut seen: Vec<PromptKey> = Vec::new();
        for entry in entries {
            let key = &entry.key;
            let Some(k) = PromptKey::ALL
                .iter()
                .copied()
                .find(|k| k.spelling(syntax) == key.text)
            else {
                let suggestion = PromptKey::suggest(&key.text).map(|k| k.spelling(syntax));
                r.unknown(key, "", suggestion, &all);
                decl.unknown_keys = true;
                continue;
            };
            // Rust repeats `variant(...)`; everything else is given once.
            if k != PromptKey::Variant || variants_table {
                if seen.contains(&k) {
                    r.duplicate(key);
                    continue;
                }
                seen.push(k);
            }
            let node = &entry.value;
            match k {
                PromptKey::Name => decl.name = r.literal(k.as_str(), node, ""),
                PromptKey::Description => {
                    decl.description = r.literal(k.as_str(), node, "");
                }
                PromptKey::Variant if variants_table => {
                    decl.read_file_variants(&mut r, node, sources);
                }
                PromptKey::Variant => decl.read_rust_variant(&mut r, node, sources),
                _ => {
                    let v = match k {
                        PromptKey::Model => VariantKey::Model,
                        PromptKey::Profile => VariantKey::Profile,
                        PromptKey::Text => VariantKey::Text,
                        PromptKey::TextFile => VariantKey::TextFile,
                        PromptKey::System => VariantKey::System,
                        _ => VariantKey::SystemFile,
                    };
                    decl.top
                        .set(&mut r, v, &entry.key.loc, node, &mut decl.sources, sources);
                }
            }
        }
        decl
    }

    fn read_rust_variant(
        &mut self,
        r: &mut Reader<'_, L>,
        node: &Node<L>,
        sources: &mut dyn Sources,
    ) {
        let Raw::Table(entries) = &node.value else {
            let message = format!(
                "`variant` takes a list: `variant({}, {})`",
                r.syntax.assign("name", "\"concise\""),
                r.syntax.assign("text", "\"...\"")
            );
            r.issues
                .push(IssueKind::Type, "variant", &node.loc, message);
            return;
        };
        let mut v = VariantDecl::new(None, node.loc.clone());
        let index = self.variants.len();
        r.nested(&format!("variants[{index}]"), |r| {
            v.read(r, entries, &mut self.sources, sources);
        });
        if v.name.is_none() {
            let message = format!(
                "`variant(...)` needs a `name`, like `variant({}, {})`",
                r.syntax.assign("name", "\"concise\""),
                r.syntax.assign("text", "\"...\"")
            );
            r.missing("variant", "name", &node.loc, message);
        }
        self.variants.push(v);
    }

    fn read_file_variants(
        &mut self,
        r: &mut Reader<'_, L>,
        node: &Node<L>,
        sources: &mut dyn Sources,
    ) {
        let key = PromptKey::Variant.spelling(r.syntax);
        let Raw::Table(tables) = &node.value else {
            let found = node.value.describe(r.syntax);
            let message = format!("`{key}` expects a table of variants, found {found}");
            r.issues.push(IssueKind::Type, key, &node.loc, message);
            return;
        };
        for table in tables {
            let path = format!("{key}.{}", table.key.text);
            let mut v = VariantDecl::new(Some(table.key.clone()), table.value.loc.clone());
            let Raw::Table(entries) = &table.value.value else {
                let found = table.value.value.describe(r.syntax);
                let message = format!("`{}` expects a table, found {found}", table.key.text);
                r.issues
                    .push(IssueKind::Type, &path, &table.value.loc, message);
                continue;
            };
            r.nested(&path, |r| v.read(r, entries, &mut self.sources, sources));
            self.variants.push(v);
        }
    }

    /// The default name: the struct's or table's name in kebab-case (`DailySummary` -> `daily-summary`).
    pub fn default_name(&self) -> String {
        kebab_case(&self.ident.text)
    }

    /// The name sent to Bedrock.
    pub fn effective_name(&self) -> String {
        match &self.name {
            Setting::Set(name, _) => name.clone(),
            _ => self.default_name(),
        }
    }

    /// The variants that have a name, the top level (`default`) first.
    fn named(&self) -> impl Iterator<Item = (String, &VariantDecl<L>)> {
        let top = (DEFAULT_VARIANT.to_owned(), &self.top);
        let variants = self
            .variants
            .iter()
            .filter_map(|v| Some((v.name.as_ref()?.text.clone(), v)));
        std::iter::once(top).chain(variants)
    }

    /// What variant `v` sets, else what the top level sets.
    fn inherited<'d, T>(
        &'d self,
        v: &'d VariantDecl<L>,
        key: impl Fn(&VariantDecl<L>) -> &Setting<T, L>,
    ) -> &'d Setting<T, L> {
        match key(v) {
            Setting::Unset => key(&self.top),
            own => own,
        }
    }

    /// Every variant after inheritance (the default variant first), or `None` without a `text` at the top level.
    fn resolve(&self) -> Option<Vec<ResolvedVariant>> {
        let top_text = *self.top.text.value()?;
        // Each template's variables, from its check: once however many variants share it (2,000 variants of one
        // 1 MB text parsed it 2,000 times), and once however many prompts name its file.
        let parsed: Vec<Vec<&str>> = self
            .sources
            .iter()
            .map(|s| s.check.variables.iter().map(String::as_str).collect())
            .collect();
        let variants = self.named().map(|(name, v)| {
            let text = v.text.value().copied().unwrap_or(top_text);
            let system = self.inherited(v, |v| &v.system).value().copied();
            ResolvedVariant {
                name,
                model: self.inherited(v, |v| &v.model).value().cloned(),
                profile: self.inherited(v, |v| &v.profile).value().cloned(),
                text,
                system,
                variables: variables(&parsed, [system, Some(text)]),
            }
        });
        Some(variants.collect())
    }

    /// Every rule of a prompt: names, description, models, the variables of each variant and, when `fields` is
    /// given (Rust), that placeholders and fields match; `profiles` finds a profile of the same file by name
    /// (files), checked for Prompt management with the variant's model. Returns the prompt resolved when it has a
    /// `text`.
    pub fn check(
        &self,
        syntax: Syntax,
        fields: Option<&[Name<L>]>,
        profiles: Option<&ProfileTable<'_>>,
        issues: &mut Issues<L>,
    ) -> Option<ResolvedPrompt<L>> {
        self.check_name(syntax, issues);
        if let Setting::Set(d, loc) = &self.description
            && let Some(v) = rules::check_description(d)
        {
            issues.rule("description", loc, v.to_string());
        }
        self.check_variant_names(issues);
        self.check_templates(fields, issues);
        self.check_variant_settings(profiles, issues);
        if !self.top.text.is_written() {
            self.missing_text(syntax, issues);
            return None;
        }
        let variants = self.resolve()?;
        let all_valid = self.check_variants(&variants, profiles, issues);
        // A field must be used by some placeholder of some variant: checked only when every template is valid, so
        // that a broken template cannot make a field look unused.
        if let Some(fields) = fields
            && all_valid
        {
            self.check_fields_used(&variants, fields, issues);
        }
        Some(ResolvedPrompt {
            key: self.ident.text.clone(),
            name: self.effective_name(),
            description: self.description.value().cloned(),
            templates: self.sources.clone(),
            variants,
        })
    }

    /// The prompt's name, or the default name from the struct or table.
    fn check_name(&self, syntax: Syntax, issues: &mut Issues<L>) {
        match &self.name {
            Setting::Set(name, loc) => {
                if let Some(v) = prompt::check_prompt_name(name) {
                    issues.rule("name", loc, v.to_string());
                }
            }
            _ => {
                if let Some(v) = prompt::check_prompt_name(&self.default_name()) {
                    let message = format!("{v}{}", syntax.default_name_note("struct"));
                    issues.rule("", &self.ident.loc, message);
                }
            }
        }
    }

    /// Variant names: valid, unique (the top level is `default`), and a valid request name with the prompt's.
    fn check_variant_names(&self, issues: &mut Issues<L>) {
        let mut names: Vec<&str> = vec![DEFAULT_VARIANT];
        let mut locs: Vec<Option<&L>> = vec![None];
        for v in &self.variants {
            if let Some(n) = &v.name {
                if let Some(violation) = prompt::check_variant_name(&n.text) {
                    issues.rule(
                        &format!("variants.{}", n.text),
                        &n.loc,
                        violation.to_string(),
                    );
                }
                names.push(&n.text);
                locs.push(Some(&n.loc));
            }
        }
        let prompt_name = self.effective_name();
        let mut duplicates = prompt::check_variants_unique(&names).into_iter().peekable();
        for (i, loc) in locs.iter().enumerate() {
            let duplicate = duplicates.next_if(|(at, _)| *at == i).map(|(_, v)| v);
            if let (Some(loc), Some(v)) = (loc, duplicate) {
                issues.rule(&format!("variants.{}", names[i]), loc, v.to_string());
            }
            if let (Some(loc), Some(v)) = (loc, prompt::check_request_name(&prompt_name, names[i]))
            {
                issues.rule(&format!("variants.{}", names[i]), loc, v.to_string());
            }
        }
    }

    /// Each template's own rules, once however many variants share it; with `fields`, its placeholders.
    fn check_templates(&self, fields: Option<&[Name<L>]>, issues: &mut Issues<L>) {
        for (i, s) in self.sources.iter().enumerate() {
            for error in &s.check.errors {
                issues.rule(&self.source_path(i), &s.loc, s.message(error));
            }
            // Rust: each placeholder against the struct's fields.
            let (Some(fields), Some(t)) = (fields, s.parsed()) else {
                continue;
            };
            let known: Vec<&str> = fields.iter().map(|f| f.text.as_str()).collect();
            for v in prompt::check_variables(DEFAULT_VARIANT, &[&t], &known) {
                if let PromptViolation::UnknownVariable { .. } = v {
                    issues.rule(&self.source_path(i), &s.loc, s.message(&v));
                }
            }
        }
    }

    /// What each variant (and the top level) writes: a profile of the file, a model for Prompt management.
    fn check_variant_settings(&self, profiles: Option<&ProfileTable<'_>>, issues: &mut Issues<L>) {
        for v in std::iter::once(&self.top).chain(&self.variants) {
            if let (Some(table), Setting::Set(ProfileRef::Name(name), loc)) = (profiles, &v.profile)
                && !table.contains_key(name.as_str())
            {
                source::missing_profile(issues, table, &v.path("profile"), name, loc);
            }
            if let Setting::Set(model, loc) = &v.model
                && let Some(violation) = rules::check_model(model, Surface::PromptManagement)
            {
                issues.rule(&v.path("model"), loc, violation.to_string());
            }
        }
    }

    /// "missing key `text`", unless an unknown key (maybe a misspelled `text`) was reported.
    fn missing_text(&self, syntax: Syntax, issues: &mut Issues<L>) {
        if self.unknown_keys {
            return;
        }
        let example = format!(
            "`{}` or `{}`",
            syntax.assign("text", "\"Hello {{name}}\""),
            syntax.assign("text_file", "\"prompts/hello.txt\"")
        );
        let message = format!("missing key `text`: give the template as {example}");
        issues.push(
            IssueKind::MissingKey { key: "text" },
            "",
            &self.ident.loc,
            message,
        );
    }

    /// Each variant after inheritance: its number of variables and, in files, its profile with its model (once per
    /// profile and model). Returns whether every template of every variant is valid.
    fn check_variants(
        &self,
        variants: &[ResolvedVariant],
        profiles: Option<&ProfileTable<'_>>,
        issues: &mut Issues<L>,
    ) -> bool {
        let mut all_valid = true;
        // A set: 160,000 variants each naming its own profile are checked in linear time.
        let mut checked: std::collections::HashSet<(&str, Option<&str>)> =
            std::collections::HashSet::new();
        for (v, (_, declared)) in variants.iter().zip(self.named()) {
            let text = &self.sources[v.text];
            let system_valid = v.system.is_none_or(|s| self.sources[s].valid);
            if !text.valid || !system_valid {
                all_valid = false;
                continue;
            }
            if let Some(violation) = prompt::check_variable_count(v.variables.len()) {
                issues.rule(&self.source_path(v.text), &text.loc, violation.to_string());
                all_valid = false;
            }
            if let Setting::Set(ProfileRef::Name(key), loc) =
                self.inherited(declared, |v| &v.profile)
                && let Some(Some(profile)) = profiles.and_then(|t| t.get(key.as_str()))
            {
                let model_id = v.model.as_ref().map(ModelRef::id);
                if !checked.insert((key.as_str(), model_id)) {
                    continue;
                }
                let path = match v.name.as_str() {
                    DEFAULT_VARIANT => "profile".to_owned(),
                    name => format!("variants.{name}.profile"),
                };
                for violation in
                    rules::check_for(profile, Surface::PromptManagement, v.model.as_ref())
                {
                    issues.rule(&path, loc, format!("profile `{key}`: {violation}"));
                }
            }
        }
        all_valid
    }

    /// Every field is used by some placeholder of some variant (Rust).
    fn check_fields_used(
        &self,
        variants: &[ResolvedVariant],
        fields: &[Name<L>],
        issues: &mut Issues<L>,
    ) {
        let parsed: Vec<Vec<Template<'_>>> = variants
            .iter()
            .map(|v| {
                [v.system, Some(v.text)]
                    .into_iter()
                    .flatten()
                    .filter_map(|i| self.sources[i].parsed())
                    .collect()
            })
            .collect();
        let refs: Vec<Vec<&Template<'_>>> = parsed.iter().map(|v| v.iter().collect()).collect();
        let known: Vec<&str> = fields.iter().map(|f| f.text.as_str()).collect();
        // A field that a misspelled placeholder meant (`{{customr}}` -> `customer`) is unused because of that
        // one mistake, already reported with the suggestion: no second error for it.
        let meant: Vec<&str> = refs
            .iter()
            .flatten()
            .flat_map(|t| t.segments.iter())
            .filter_map(|segment| match segment {
                Segment::Variable { name, .. } if !known.contains(name) => {
                    crate::suggest::closest_str(name, &known)
                }
                _ => None,
            })
            .collect();
        for violation in prompt::check_fields_used(&refs, &known) {
            if let PromptViolation::UnusedVariable { name, .. } = violation
                && !meant.contains(&name)
                && let Some(field) = fields.iter().find(|f| f.text == name)
            {
                issues.rule(&field.text, &field.loc, violation.to_string());
            }
        }
    }

    /// A front end's own rule on variable names (`include_profiles!`: each variable becomes a field of a
    /// generated struct): `rule(name)` says why a variable cannot be used, as the end of a sentence starting with
    /// the variable. Reported once per name, at the first template that uses it, with its line and column there.
    pub fn check_variable_names(
        &self,
        rule: &dyn Fn(&str) -> Option<String>,
        issues: &mut Issues<L>,
    ) {
        // A set, and positions counted along each template: linear in the placeholders, however many.
        let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
        for (i, s) in self.sources.iter().enumerate() {
            let Some(template) = s.parsed() else { continue };
            let mut positions = crate::template::Positions::new(&s.text);
            for segment in template.segments {
                let Segment::Variable { name, offset } = segment else {
                    continue;
                };
                if !seen.insert(name) {
                    continue;
                }
                if let Some(why) = rule(name) {
                    let (line, column) = positions.line_col(offset);
                    let at = format!("variable `{name}` at line {line}, column {column} {why}");
                    let message = match &s.file {
                        Some(path) => format!("`{path}`: {at}"),
                        None => at,
                    };
                    issues.rule(&self.source_path(i), &s.loc, message);
                }
            }
        }
    }

    /// The key path of source `i`, for messages.
    fn source_path(&self, i: usize) -> String {
        for v in std::iter::once(&self.top).chain(&self.variants) {
            for (key, s) in [("text", &v.text), ("system", &v.system)] {
                if s.value() == Some(&i) {
                    return v.path(key);
                }
            }
        }
        "text".to_owned()
    }
}
