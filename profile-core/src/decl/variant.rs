//! Reading the keys a prompt variant (or a prompt's top level) sets.

use super::keys::VariantKey;
use super::read::Reader;
use super::source::{self, Sources};
use super::{Entry, IssueKind, Name, Node, Setting, TemplateSource, VariantDecl};
use crate::prompt;

impl<L: Clone> VariantDecl<L> {
    pub(super) fn new(name: Option<Name<L>>, loc: L) -> Self {
        VariantDecl {
            name,
            loc,
            model: Setting::Unset,
            profile: Setting::Unset,
            text: Setting::Unset,
            system: Setting::Unset,
        }
    }

    /// `key` within this variant: `text`, or `variants.concise.text`.
    pub(super) fn path(&self, key: &str) -> String {
        match &self.name {
            Some(n) => format!("variants.{}.{key}", n.text),
            None => key.to_owned(),
        }
    }

    pub(super) fn read(
        &mut self,
        r: &mut Reader<'_, L>,
        entries: &[Entry<L>],
        templates: &mut Vec<TemplateSource<L>>,
        sources: &mut dyn Sources,
    ) {
        // A variant named by its table (files: `variants.concise`) has no `name` key.
        let named_by_table = self.name.is_some();
        let mut seen: Vec<VariantKey> = Vec::new();
        for entry in entries {
            let key = &entry.key;
            let Some(k) = VariantKey::from_name(&key.text)
                .filter(|k| !(named_by_table && *k == VariantKey::Name))
            else {
                if matches!(key.text.as_str(), "description" | "variant" | "variants") {
                    let message = format!("`{}` belongs to the prompt, not to a variant", key.text);
                    let kind = IssueKind::UnknownKey {
                        key: key.text.clone(),
                        suggestion: None,
                    };
                    r.issues.push(kind, &key.text, &key.loc, message);
                    continue;
                }
                let mut all = VariantKey::names();
                if named_by_table {
                    all.retain(|k| *k != VariantKey::Name.as_str());
                }
                let suggestion = VariantKey::suggest(&key.text)
                    .map(VariantKey::as_str)
                    .filter(|s| all.contains(s));
                r.unknown(key, " in a variant", suggestion, &all);
                continue;
            };
            if seen.contains(&k) {
                r.duplicate(key);
                continue;
            }
            seen.push(k);
            self.set(r, k, &entry.key.loc, &entry.value, templates, sources);
        }
    }

    pub(super) fn set(
        &mut self,
        r: &mut Reader<'_, L>,
        key: VariantKey,
        key_loc: &L,
        node: &Node<L>,
        templates: &mut Vec<TemplateSource<L>>,
        sources: &mut dyn Sources,
    ) {
        let k = key.as_str();
        match key {
            VariantKey::Name => {
                if let Setting::Set(name, loc) = r.literal(k, node, "") {
                    self.name = Some(Name::new(name, loc));
                }
            }
            VariantKey::Model => {
                self.model = r.literal_model(k, node, true);
            }
            VariantKey::Profile => self.profile = r.profile_ref(k, node),
            VariantKey::Text
            | VariantKey::TextFile
            | VariantKey::System
            | VariantKey::SystemFile => {
                let (slot, other) = match key {
                    VariantKey::Text | VariantKey::TextFile => (&mut self.text, "text"),
                    _ => (&mut self.system, "system"),
                };
                if slot.is_written() {
                    let message = format!("`{other}` and `{other}_file` are both given; use one");
                    r.issues.rule(k, key_loc, message);
                    return;
                }
                let file = matches!(key, VariantKey::TextFile | VariantKey::SystemFile);
                let part = match key {
                    VariantKey::Text | VariantKey::TextFile => prompt::Part::Text,
                    _ => prompt::Part::System,
                };
                *slot = match source::template(r, k, node, file, sources) {
                    Some((text, path, loc)) => {
                        let check = match &path {
                            Some(path) => sources.checked(path, &text, part),
                            None => std::sync::Arc::new(source::TemplateCheck::of(&text, part)),
                        };
                        templates.push(TemplateSource {
                            text,
                            loc: loc.clone(),
                            file: path,
                            part,
                            valid: check.errors.is_empty(),
                            check,
                        });
                        Setting::Set(templates.len() - 1, loc)
                    }
                    None => Setting::Invalid,
                };
            }
        }
    }
}
