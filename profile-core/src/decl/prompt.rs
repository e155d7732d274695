//! A prompt as declared: its name, its default variant (the top-level keys) and its named variants, each template
//! read (inline or from a file) and checked once.

use super::keys::{PromptKey, VariantKey};
use super::read::Reader;
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

/// A template as written: inline, or read from a file (one final line break dropped).
#[derive(Debug, Clone, PartialEq)]
pub struct TemplateSource<L> {
    /// The template text.
    pub text: String,
    /// The literal (the template, or the file's path).
    pub loc: L,
    /// The path as written, for a template file.
    pub file: Option<String>,
    /// Whether it is a text or a system prompt.
    pub part: crate::prompt::Part,
    /// Whether the template passed every rule of its own.
    pub valid: bool,
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
    fn message(&self, violation: &PromptViolation<'_>) -> String {
        match &self.file {
            Some(path) => format!("`{path}`: {violation}"),
            None => violation.to_string(),
        }
    }
}

type Picked<'d, L> = (
    Option<(&'d ModelRef, &'d L)>,
    Option<(&'d ProfileRef, &'d L)>,
    usize,
    Option<usize>,
    Vec<String>,
);

/// One variant after inheritance from the top level.
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedVariant<'d, L> {
    /// Its name (`default` for the top level).
    pub name: String,
    /// The model, with its location.
    pub model: Option<(&'d ModelRef, &'d L)>,
    /// The profile, with its location.
    pub profile: Option<(&'d ProfileRef, &'d L)>,
    /// The text template.
    pub text: usize,
    /// The system prompt template.
    pub system: Option<usize>,
    /// Distinct variables of the system prompt and the text, in order of first use.
    pub variables: Vec<String>,
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
        let mut r = Reader { syntax, issues };
        let all: Vec<&str> = PromptKey::ALL.iter().map(|k| k.spelling(syntax)).collect();
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
            if k != PromptKey::Variant || syntax.is_file() {
                if seen.contains(&k) {
                    r.duplicate(key);
                    continue;
                }
                seen.push(k);
            }
            let node = &entry.value;
            match k {
                PromptKey::Name => decl.name = r.literal(k.as_str(), node, "a string literal"),
                PromptKey::Description => {
                    decl.description = r.literal(k.as_str(), node, "a string literal");
                }
                PromptKey::Variant if syntax.is_file() => {
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
        r.issues.nested(&format!("variants[{index}]"), |issues| {
            let mut r = Reader {
                syntax: r.syntax,
                issues,
            };
            v.read(&mut r, entries, &mut self.sources, sources);
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
            r.issues.nested(&path, |issues| {
                let mut r = Reader {
                    syntax: r.syntax,
                    issues,
                };
                v.read(&mut r, entries, &mut self.sources, sources);
            });
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

    /// Every variant after inheritance (the default variant first), or `None` without a `text` at the top level.
    pub fn resolve(&self) -> Option<Vec<ResolvedVariant<'_, L>>> {
        let top_text = *self.top.text.value()?;
        let mut out = Vec::with_capacity(1 + self.variants.len());
        for v in std::iter::once(&self.top).chain(&self.variants) {
            let Some(name) = (match &v.name {
                Some(n) => Some(n.text.clone()),
                None if std::ptr::eq(v, &self.top) => Some(DEFAULT_VARIANT.to_owned()),
                None => None,
            }) else {
                continue;
            };
            let (model, profile, text, system, variables) = self.pick(v, top_text);
            out.push(ResolvedVariant {
                name,
                model,
                profile,
                text,
                system,
                variables,
            });
        }
        Some(out)
    }

    fn pick<'d>(&'d self, v: &'d VariantDecl<L>, top_text: usize) -> Picked<'d, L> {
        let model = match (&v.model, &self.top.model) {
            (Setting::Set(m, l), _) | (Setting::Unset, Setting::Set(m, l)) => Some((m, l)),
            _ => None,
        };
        let profile = match (&v.profile, &self.top.profile) {
            (Setting::Set(p, l), _) | (Setting::Unset, Setting::Set(p, l)) => Some((p, l)),
            _ => None,
        };
        let text = v.text.value().copied().unwrap_or(top_text);
        let system = match (&v.system, &self.top.system) {
            (Setting::Set(s, _), _) | (Setting::Unset, Setting::Set(s, _)) => Some(*s),
            _ => None,
        };
        let mut variables: Vec<String> = Vec::new();
        for index in [system, Some(text)].into_iter().flatten() {
            if let Some(t) = self.sources[index].parsed() {
                for name in t.variables() {
                    if !variables.iter().any(|n| n == name) {
                        variables.push(name.to_owned());
                    }
                }
            }
        }
        (model, profile, text, system, variables)
    }

    /// Every rule of a prompt: names, description, models, the variables of each variant and, when `fields` is
    /// given (Rust), that placeholders and fields match; `profiles` finds a profile of the same file by name
    /// (files), checked for Prompt management with the variant's model. Returns the variants when the prompt
    /// has a `text`.
    pub fn check(
        &self,
        syntax: Syntax,
        fields: Option<&[Name<L>]>,
        profiles: Option<&ProfileTable>,
        issues: &mut Issues<L>,
    ) -> Option<Vec<ResolvedVariant<'_, L>>> {
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
        if let Setting::Set(d, loc) = &self.description
            && let Some(v) = rules::check_description(d)
        {
            issues.rule("description", loc, v.to_string());
        }
        // Variant names: valid, and unique (the top level is `default`).
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
        for (i, loc) in locs.iter().enumerate() {
            if let (Some(loc), Some(v)) = (loc, prompt::check_variant_unique(&names, i)) {
                issues.rule(&format!("variants.{}", names[i]), loc, v.to_string());
            }
            if let (Some(loc), Some(v)) = (loc, prompt::check_request_name(&prompt_name, names[i]))
            {
                issues.rule(&format!("variants.{}", names[i]), loc, v.to_string());
            }
        }
        // Each template's own rules, once however many variants share it.
        for (i, s) in self.sources.iter().enumerate() {
            match prompt::check_template(s.part, &s.text) {
                Ok(t) => {
                    let Some(fields) = fields else { continue };
                    let known: Vec<&str> = fields.iter().map(|f| f.text.as_str()).collect();
                    for v in prompt::check_variables(DEFAULT_VARIANT, &[&t], &known) {
                        if let PromptViolation::UnknownVariable { .. } = v {
                            issues.rule(&self.source_path(i), &s.loc, s.message(&v));
                        }
                    }
                }
                Err(found) => {
                    for v in &found {
                        issues.rule(&self.source_path(i), &s.loc, s.message(v));
                    }
                }
            }
        }
        for v in std::iter::once(&self.top).chain(&self.variants) {
            if let (Some(table), Setting::Set(ProfileRef::Name(name), loc)) = (profiles, &v.profile)
                && !table.contains_key(name)
            {
                source::missing_profile(issues, table, &v.path("profile"), name, loc);
            }
            if let Setting::Set(model, loc) = &v.model
                && let Some(violation) = rules::check_model(model, Surface::PromptManagement)
            {
                issues.rule(&v.path("model"), loc, violation.to_string());
            }
        }
        if !self.top.text.is_written() {
            if self.unknown_keys {
                return None;
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
            return None;
        }
        let variants = self.resolve()?;
        let mut all_valid = true;
        let mut checked: Vec<(String, Option<String>)> = Vec::new();
        for v in &variants {
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
            if let Some((ProfileRef::Name(key), loc)) = v.profile
                && let Some(Some(profile)) = profiles.and_then(|t| t.get(key))
            {
                let model_id = v.model.map(|(m, _)| m.id().to_owned());
                if !checked.contains(&(key.clone(), model_id.clone())) {
                    checked.push((key.clone(), model_id));
                    let model = v.model.map(|(m, _)| m);
                    for violation in rules::check_for(profile, Surface::PromptManagement, model) {
                        let path = match v.name.as_str() {
                            DEFAULT_VARIANT => "profile".to_owned(),
                            name => format!("variants.{name}.profile"),
                        };
                        issues.rule(&path, loc, format!("profile `{key}`: {violation}"));
                    }
                }
            }
        }
        // A field must be used by some placeholder of some variant: checked only when every template is valid, so
        // that a broken template cannot make a field look unused.
        if let Some(fields) = fields
            && all_valid
        {
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
        Some(variants)
    }

    /// A front end's own rule on variable names (`include_profiles!`: each variable becomes a field of a
    /// generated struct): `rule(name)` says why a variable cannot be used, as the end of a sentence starting with
    /// the variable. Reported once per name, at the first template that uses it, with its line and column there.
    pub fn check_variable_names(
        &self,
        rule: &dyn Fn(&str) -> Option<String>,
        issues: &mut Issues<L>,
    ) {
        let mut seen: Vec<&str> = Vec::new();
        for (i, s) in self.sources.iter().enumerate() {
            let Some(template) = s.parsed() else { continue };
            for segment in template.segments {
                let Segment::Variable { name, offset } = segment else {
                    continue;
                };
                if seen.contains(&name) {
                    continue;
                }
                seen.push(name);
                if let Some(why) = rule(name) {
                    let (line, column) = crate::template::line_col(&s.text, offset);
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
