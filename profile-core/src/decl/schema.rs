//! `response_format`: structured output as a JSON schema (bedrock-runtime `OutputFormatStructure`).

use super::keys::{FormatKey, ProfileKey, SchemaKey};
use super::read::Reader;
use super::{Entry, IssueKind, Node, Raw, SchemaDecl, Setting};

/// `response_format: json_schema { name, description, schema }` (Rust) or `response_format = { json_schema = { ... } }`
/// (files): both the table `{ json_schema: { ... } }` once read.
pub(crate) fn response_format<L: Clone>(
    r: &mut Reader<'_, L>,
    node: &Node<L>,
) -> Setting<SchemaDecl<L>, L> {
    match node.value {
        Raw::Null => return Setting::Cleared(node.loc.clone()),
        Raw::Expr(handle) => return Setting::Expr(handle, node.loc.clone()),
        _ => {}
    }
    let key = ProfileKey::ResponseFormat.as_str();
    let Some((inner, inner_loc)) = json_schema_table(r, node) else {
        return Setting::Invalid;
    };
    let before = r.issues.len();
    let path = format!("{key}.{}", FormatKey::JsonSchema.as_str());
    let decl = r.nested(&path, |r| schema_keys(r, inner, inner_loc));
    if r.issues.len() == before {
        Setting::Set(decl, node.loc.clone())
    } else {
        Setting::Invalid
    }
}

/// `response_format`'s example as the syntax writes it.
fn example(r: &Reader<'_, impl Clone>) -> String {
    let syntax = r.syntax;
    let schema = syntax.json_string("{...}");
    let table = syntax.tagged(
        FormatKey::JsonSchema.as_str(),
        &[("name", "\"...\""), ("schema", &schema)],
    );
    syntax.assign(ProfileKey::ResponseFormat.as_str(), &table)
}

/// The entries under `json_schema` in `{ json_schema: { ... } }`, and where that table is.
fn json_schema_table<'n, L: Clone>(
    r: &mut Reader<'_, L>,
    node: &'n Node<L>,
) -> Option<(&'n [Entry<L>], &'n L)> {
    let key = ProfileKey::ResponseFormat.as_str();
    let tag = FormatKey::JsonSchema.as_str();
    let Raw::Table(entries) = &node.value else {
        let message = format!("`{key}` expects `{}`", example(r));
        r.issues.push(IssueKind::Type, key, &node.loc, message);
        return None;
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
            let message = format!("missing key `{tag}`: write `{}`", example(r));
            r.nested(key, |r| r.missing("", "json_schema", &node.loc, message));
        }
        return None;
    };
    let Raw::Table(inner) = &entry.value.value else {
        let message = format!(
            "`{tag}` expects a table, found {}",
            entry.value.value.describe(r.syntax)
        );
        r.issues.nested(key, |issues| {
            issues.push(IssueKind::Type, tag, &entry.value.loc, message)
        });
        return None;
    };
    Some((inner, &entry.value.loc))
}

/// The keys of `json_schema`: `schema` required, none of them cleared.
fn schema_keys<L: Clone>(
    r: &mut Reader<'_, L>,
    inner: &[Entry<L>],
    inner_loc: &L,
) -> SchemaDecl<L> {
    let tag = r.syntax.tag_name(FormatKey::JsonSchema.as_str());
    let keyed = r.keyed(
        inner,
        &format!(" in `{tag}`"),
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
        let message = format!("`{tag}` needs a `schema`: the JSON schema text, a JSON object");
        r.missing("", "schema", inner_loc, message);
    }
    for (k, s) in [
        ("name", &decl.name),
        ("description", &decl.description),
        ("schema", &decl.schema),
    ] {
        if let Setting::Cleared(loc) = s {
            let message = format!("`{k}` cannot be {}; leave it out", r.syntax.cleared());
            r.issues.rule(k, loc, message);
        }
    }
    decl
}

#[cfg(test)]
mod tests {
    use super::super::read::Reader;
    use super::super::{Entry, Issues, Name, Node, Raw, Setting, Syntax};

    fn table(entries: Vec<(&str, Raw<()>)>) -> Node<()> {
        let entries = entries
            .into_iter()
            .map(|(key, value)| Entry {
                key: Name::new(key, ()),
                value: Node { value, loc: () },
            })
            .collect();
        Node {
            value: Raw::Table(entries),
            loc: (),
        }
    }

    /// `json_schema { schema: ".." }` (Rust, once read) and `{ json_schema = { schema = ".." } }` (files) are one
    /// node, which every syntax reads the same way.
    #[test]
    fn every_syntax_reads_one_shape() {
        let inner = table(vec![("schema", Raw::Str("{}".to_owned()))]).value;
        let node = table(vec![("json_schema", inner)]);
        for syntax in [
            Syntax::Dsl,
            Syntax::Attribute,
            Syntax::Toml,
            Syntax::Json,
            Syntax::Serde,
        ] {
            let mut issues = Issues::new();
            let read = super::response_format(&mut Reader::new(syntax, &mut issues), &node);
            assert!(issues.is_empty(), "{syntax:?}: {:?}", issues.list);
            let Setting::Set(decl, ()) = read else {
                panic!("{syntax:?}: {read:?}");
            };
            assert_eq!(decl.schema.value().map(String::as_str), Some("{}"));
        }
    }

    /// A wrong tag is an unknown key with a suggestion, in Rust as in files.
    #[test]
    fn a_misspelled_tag_is_an_unknown_key() {
        let node = table(vec![("json_shema", table(vec![]).value)]);
        for syntax in [Syntax::Dsl, Syntax::Toml] {
            let mut issues = Issues::new();
            let read = super::response_format(&mut Reader::new(syntax, &mut issues), &node);
            assert!(matches!(read, Setting::Invalid));
            assert_eq!(issues.list[0].path, "response_format.json_shema");
            assert!(
                issues.list[0]
                    .message
                    .contains("did you mean `json_schema`?"),
                "{}",
                issues.list[0].message
            );
        }
    }
}
