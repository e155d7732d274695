//! `response_format`: structured output as a JSON schema (bedrock-runtime `OutputFormatStructure`).

use super::keys::{FormatKey, ProfileKey, SchemaKey};
use super::read::Reader;
use super::{IssueKind, Node, Raw, SchemaDecl, Setting};

/// `response_format: json_schema { name, description, schema }` (DSL) or
/// `response_format = { json_schema = { ... } }` (files).
pub(crate) fn response_format<L: Clone>(
    r: &mut Reader<'_, L>,
    node: &Node<L>,
) -> Setting<SchemaDecl<L>, L> {
    let key = ProfileKey::ResponseFormat.as_str();
    match node.value {
        Raw::Null => return Setting::Cleared(node.loc.clone()),
        Raw::Expr(handle) => return Setting::Expr(handle, node.loc.clone()),
        _ => {}
    }
    let syntax = r.syntax;
    let tag = FormatKey::JsonSchema.as_str();
    let example = syntax.assign(
        key,
        &if syntax.is_data() {
            syntax.table(&[(
                tag,
                &syntax.table(&[("name", "\"...\""), ("schema", "\"{...}\"")]),
            )])
        } else {
            format!("{tag} {{ name: \"...\", schema: r#\"{{...}}\"# }}")
        },
    );
    // Files: `{ json_schema = { ... } }`; the DSL: `json_schema { ... }`.
    let (inner, inner_loc) = if syntax.is_data() {
        let Raw::Table(entries) = &node.value else {
            let message = format!("`{key}` expects `{example}`");
            r.issues.push(IssueKind::Type, key, &node.loc, message);
            return Setting::Invalid;
        };
        let keyed = r.nested(key, |r| {
            r.keyed(
                entries,
                "",
                FormatKey::from_name,
                |n| FormatKey::suggest(n).map(FormatKey::as_str),
                &FormatKey::names(),
            )
        });
        let Some((_, entry)) = keyed.first() else {
            if entries.is_empty() {
                let message = format!("missing key `{tag}`: write `{example}`");
                r.nested(key, |r| r.missing("", "json_schema", &node.loc, message));
            }
            return Setting::Invalid;
        };
        let Raw::Table(inner) = &entry.value.value else {
            let message = format!(
                "`{tag}` expects a table, found {}",
                entry.value.value.describe(syntax)
            );
            r.issues.nested(key, |issues| {
                issues.push(IssueKind::Type, tag, &entry.value.loc, message)
            });
            return Setting::Invalid;
        };
        (inner.as_slice(), entry.value.loc.clone())
    } else {
        match &node.value {
            Raw::Tagged(t, entries) if t.text == tag => (entries.as_slice(), node.loc.clone()),
            _ => {
                let message = format!("`{key}` expects `{example}`");
                r.issues.push(IssueKind::Type, key, &node.loc, message);
                return Setting::Invalid;
            }
        }
    };
    let place = if syntax.is_data() {
        String::new()
    } else {
        format!(" in `{tag} {{ ... }}`")
    };
    let path = if syntax.is_data() {
        format!("{key}.{tag}")
    } else {
        key.to_owned()
    };
    let before = r.issues.len();
    let decl = r.nested(&path, |r| {
        let keyed = r.keyed(
            inner,
            &place,
            SchemaKey::from_name,
            |n| SchemaKey::suggest(n).map(SchemaKey::as_str),
            &SchemaKey::names(),
        );
        let mut decl = SchemaDecl {
            name: Setting::Unset,
            description: Setting::Unset,
            schema: Setting::Unset,
        };
        for (k, entry) in keyed {
            let value = r.string(k.as_str(), &entry.value);
            match k {
                SchemaKey::Name => decl.name = value,
                SchemaKey::Description => decl.description = value,
                SchemaKey::Schema => decl.schema = value,
            }
        }
        if decl.schema.is_unset() {
            let what = if syntax.is_data() {
                tag.to_owned()
            } else {
                format!("{tag} {{ ... }}")
            };
            let message = format!("`{what}` needs a `schema`: the JSON schema text, a JSON object");
            r.missing("", "schema", &inner_loc, message);
        }
        for (k, s) in [
            ("name", &decl.name),
            ("description", &decl.description),
            ("schema", &decl.schema),
        ] {
            if let Setting::Cleared(loc) = s {
                let message = format!("`{k}` cannot be {}; leave it out", syntax.cleared());
                r.issues.rule(k, loc, message);
            }
        }
        decl
    });
    if r.issues.len() == before {
        Setting::Set(decl, node.loc.clone())
    } else {
        Setting::Invalid
    }
}
