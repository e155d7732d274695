//! Rust tokens -> the declaration layer's [`Node`]s: the macros' only reading of values. Keys and their types are
//! the declaration layer's business; this module only says what shape a value has.

use crate::ctxt::Ctxt;
use bedrock_profiles_core::decl::{Entry, Name, Node, ProfileRef, Raw, Relative};
use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};
use syn::ext::IdentExt;
use syn::{Ident, Lit};

/// The constant expressions of one declaration: a [`Raw::Expr`] holds an index into it.
#[derive(Default)]
pub struct Exprs(Vec<TokenStream>);

impl Exprs {
    pub fn get(&self, handle: usize) -> TokenStream {
        self.0.get(handle).cloned().unwrap_or_default()
    }

    fn push(&mut self, tokens: TokenStream) -> usize {
        self.0.push(tokens);
        self.0.len() - 1
    }
}

/// A key as written (without `r#`).
pub fn name(ident: &Ident) -> Name<Span> {
    Name::new(ident.unraw().to_string(), ident.span())
}

/// Strips invisible groups that `macro_rules!` wraps around `$x:expr` fragments.
fn ungroup(tokens: &TokenStream) -> TokenStream {
    let mut iter = tokens.clone().into_iter();
    match (iter.next(), iter.next()) {
        (Some(TokenTree::Group(g)), None) if g.delimiter() == Delimiter::None => {
            ungroup(&g.stream())
        }
        _ => tokens.clone(),
    }
}

/// The value `tokens` (of a `key: value` entry whose value starts at `fallback`). `None` after a syntax error
/// inside a nested table or list, which is recorded.
pub fn node(
    cx: &mut Ctxt,
    tokens: &TokenStream,
    fallback: Span,
    exprs: &mut Exprs,
) -> Option<Node<Span>> {
    let tokens = ungroup(tokens);
    let trees: Vec<TokenTree> = tokens.clone().into_iter().collect();
    let first = trees.first().map_or(fallback, TokenTree::span);
    let value = match trees.as_slice() {
        [TokenTree::Literal(l)] => return Some(literal(l.clone(), false)),
        [TokenTree::Punct(p), TokenTree::Literal(l)] if p.as_char() == '-' => {
            return Some(literal(l.clone(), true));
        }
        [TokenTree::Ident(i)] if i == "None" => Raw::Null,
        [TokenTree::Ident(i)] if i == "true" || i == "false" => Raw::Bool(i == "true"),
        [TokenTree::Group(g)] if g.delimiter() == Delimiter::Bracket => {
            let mut items = Vec::new();
            for (item, span) in split_commas(cx, g.stream(), g.span())? {
                items.push(node(cx, &item, span, exprs)?);
            }
            return Some(Node {
                value: Raw::List(items),
                loc: g.span(),
            });
        }
        // `tag { .. }` is the one-entry table `{ tag: { .. } }`, the shape files write (`{ json_schema = { .. } }`):
        // the declaration layer reads one shape. Both tables are located at the tag, where the value starts.
        [TokenTree::Ident(tag), TokenTree::Group(g)] if g.delimiter() == Delimiter::Brace => {
            let inner = Node {
                value: Raw::Table(entries(cx, g.stream(), exprs)?),
                loc: first,
            };
            Raw::Table(vec![Entry {
                key: name(tag),
                value: inner,
            }])
        }
        [TokenTree::Group(g)] if g.delimiter() == Delimiter::Brace && is_table(&g.stream()) => {
            let entries = entries(cx, g.stream(), exprs)?;
            return Some(Node {
                value: Raw::Table(entries),
                loc: g.span(),
            });
        }
        _ => Raw::Expr(exprs.push(tokens)),
    };
    Some(Node { value, loc: first })
}

/// Whether a brace group is a table, `{}` or `{ key: value, ... }` (an ident or string key, then `:` or `=`),
/// rather than a block expression.
fn is_table(body: &TokenStream) -> bool {
    let mut trees = body.clone().into_iter();
    let (key, sep, next) = (trees.next(), trees.next(), trees.next());
    let key_ok = match &key {
        None => return true,
        Some(TokenTree::Ident(_)) => true,
        Some(TokenTree::Literal(l)) => l.to_string().starts_with('"'),
        _ => false,
    };
    let sep_ok = match (&sep, &next) {
        (Some(TokenTree::Punct(p)), Some(TokenTree::Punct(q)))
            if p.as_char() == ':' && q.as_char() == ':' =>
        {
            false
        }
        (Some(TokenTree::Punct(p)), _) => p.as_char() == ':' || p.as_char() == '=',
        _ => false,
    };
    key_ok && sep_ok
}

fn literal(lit: proc_macro2::Literal, negative: bool) -> Node<Span> {
    let sign = if negative { "-" } else { "" };
    let span = lit.span();
    // A string without a backslash has no escapes: its value is the text between the quotes. (syn unescapes one
    // character at a time, which a debug build leaves unoptimized; templates and instructions are long.)
    let repr = lit.to_string();
    if !negative
        && repr.len() >= 2
        && repr.starts_with('"')
        && repr.ends_with('"')
        && !repr.contains('\\')
    {
        return Node {
            value: Raw::Str(repr[1..repr.len() - 1].to_owned()),
            loc: span,
        };
    }
    let value = match Lit::new(lit) {
        Lit::Str(s) if !negative => Raw::Str(s.value()),
        Lit::Int(i) => {
            let digits = format!("{sign}{}", i.base10_digits());
            Raw::Int(digits.parse::<i128>().ok(), digits)
        }
        Lit::Float(f) => {
            let digits = format!("{sign}{}", f.base10_digits());
            match digits.parse::<f64>() {
                Ok(v) => Raw::Float(v, digits),
                Err(_) => Raw::Other(digits),
            }
        }
        other => Raw::Other(format!(
            "{sign}{}",
            quote::ToTokens::to_token_stream(&other)
        )),
    };
    Node { value, loc: span }
}

/// `a, b, c` (a trailing comma allowed) with the span of each item's first token.
fn split_commas(
    cx: &mut Ctxt,
    tokens: TokenStream,
    span: Span,
) -> Option<Vec<(TokenStream, Span)>> {
    let mut items = Vec::new();
    let mut current = TokenStream::new();
    let mut empty = true;
    for tree in tokens {
        if let TokenTree::Punct(p) = &tree
            && p.as_char() == ','
        {
            if empty {
                cx.error(p.span(), "expected a value before `,`");
                return None;
            }
            let item = std::mem::take(&mut current);
            let first = item.clone().into_iter().next().map_or(span, |t| t.span());
            items.push((item, first));
            empty = true;
            continue;
        }
        current.extend([tree]);
        empty = false;
    }
    if !empty {
        let first = current
            .clone()
            .into_iter()
            .next()
            .map_or(span, |t| t.span());
        items.push((current, first));
    }
    Some(items)
}

/// `key: value` (the DSL) or `key = value` (attributes), one entry of `tag { ... }` or `{ ... }`.
struct TableEntry {
    key: Name<Span>,
    value: TokenStream,
    value_span: Span,
}

impl syn::parse::Parse for TableEntry {
    fn parse(input: syn::parse::ParseStream) -> syn::Result<Self> {
        let key = if input.peek(syn::LitStr) {
            let lit = input.parse::<syn::LitStr>()?;
            Name::new(lit.value(), lit.span())
        } else if input.peek(Ident::peek_any) {
            name(&input.call(Ident::parse_any)?)
        } else {
            return Err(input.error("expected a key like `id: \"...\"`"));
        };
        if input.peek(syn::Token![:]) {
            input.parse::<syn::Token![:]>()?;
        } else if input.peek(syn::Token![=]) {
            input.parse::<syn::Token![=]>()?;
        } else {
            return Err(input.error(format!("expected `:` or `=` after `{}`", key.text)));
        }
        let value_span = input.span();
        let value = crate::value::parse_value_tokens(input)?;
        if value.is_empty() {
            return Err(syn::Error::new(
                key.loc,
                format!("`{}` has no value", key.text),
            ));
        }
        Ok(TableEntry {
            key,
            value,
            value_span,
        })
    }
}

/// `key: value, ...` inside `tag { ... }` or a bare `{ ... }`.
fn entries(cx: &mut Ctxt, body: TokenStream, exprs: &mut Exprs) -> Option<Vec<Entry<Span>>> {
    let parsed = match syn::parse::Parser::parse2(crate::value::comma_list::<TableEntry>, body) {
        Ok(parsed) => parsed,
        Err(error) => {
            cx.syn_error(error);
            return None;
        }
    };
    let mut out = Vec::with_capacity(parsed.len());
    for e in parsed {
        let value = node(cx, &e.value, e.value_span, exprs)?;
        out.push(Entry { key: e.key, value });
    }
    Some(out)
}

/// Records every issue of the declaration layer as a compile error where it points.
pub fn report(cx: &mut Ctxt, issues: bedrock_profiles_core::decl::Issues<Span>) {
    for issue in issues.list {
        cx.error(issue.loc, issue.message);
    }
}

/// The path of an `InferenceProfile` const given as `profile = PATH`; an error when the expression is not a path.
fn path(cx: &mut Ctxt, exprs: &Exprs, handle: usize, span: Span) -> Option<syn::Path> {
    match syn::parse2::<syn::Path>(exprs.get(handle)) {
        Ok(path) => Some(path),
        Err(_) => {
            cx.error(
                span,
                "`profile` expects the path of an `InferenceProfile` constant, like `HIGH_QUALITY` (declare it with `inference_profile!`)",
            );
            None
        }
    }
}

/// Files named by a macro (`text_file`, `system_file`, `instruction_file`), relative to the crate's `Cargo.toml`;
/// the expansion tracks each one so that editing it rebuilds.
pub fn crate_files() -> Relative {
    let dir = std::env::var_os("CARGO_MANIFEST_DIR").map(std::path::PathBuf::from);
    Relative::new(
        dir.ok_or("CARGO_MANIFEST_DIR is not set (build with cargo)"),
        "the crate's Cargo.toml",
    )
}

/// A path as written, without spaces: `super::LONG`.
pub fn path_text(path: &syn::Path) -> String {
    quote::ToTokens::to_token_stream(path)
        .to_string()
        .replace(' ', "")
}

/// The span of a path's last segment, where rustc reports what the generated code does with it.
pub fn path_span(path: &syn::Path) -> Span {
    path.segments
        .last()
        .map_or(Span::call_site(), |s| s.ident.span())
}

/// The paths of the profiles a declaration names, for the emitters: `profile = PATH` by its expression handle
/// (Rust), a declaration file's profile by the const `include_profiles!` generates for its table.
#[derive(Default, Clone)]
pub struct ProfilePaths {
    by_handle: Vec<(usize, syn::Path)>,
}

impl ProfilePaths {
    /// The path of `profile = PATH` written at `span`; an error when the expression is not a path.
    pub fn add(&mut self, cx: &mut Ctxt, exprs: &Exprs, profile: &ProfileRef, span: Span) {
        if let ProfileRef::Path(handle) = profile
            && let Some(path) = path(cx, exprs, *handle, span)
        {
            self.by_handle.push((*handle, path));
        }
    }

    /// The path of a profile: `None` for an expression that is not a path (an error says so).
    pub fn get(&self, profile: &ProfileRef) -> Option<syn::Path> {
        match profile {
            ProfileRef::Path(handle) => {
                let found = self.by_handle.iter().find(|(h, _)| h == handle);
                found.map(|(_, path)| path.clone())
            }
            #[cfg(feature = "files")]
            ProfileRef::Name(key) => {
                let name = bedrock_profiles_core::__private::const_name(key);
                Some(syn::Path::from(Ident::new(&name, Span::call_site())))
            }
            #[cfg(not(feature = "files"))]
            ProfileRef::Name(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::literal;
    use bedrock_profiles_core::decl::Raw;
    use proc_macro2::{Literal, TokenStream, TokenTree};
    use std::str::FromStr;

    fn value(source: &str) -> Raw<proc_macro2::Span> {
        let lit = match TokenStream::from_str(source)
            .ok()
            .and_then(|t| t.into_iter().next())
        {
            Some(TokenTree::Literal(lit)) => lit,
            other => panic!("not a literal: {other:?}"),
        };
        literal(lit, false).value
    }

    /// `tag { .. }` is handed over as the one-entry table `{ tag: { .. } }`, the shape files write.
    #[test]
    fn a_tagged_table_is_a_one_entry_table() {
        let mut cx = crate::ctxt::Ctxt::new();
        let tokens = TokenStream::from_str(r#"json_schema { schema: "{}" }"#).unwrap();
        let node = super::node(
            &mut cx,
            &tokens,
            proc_macro2::Span::call_site(),
            &mut super::Exprs::default(),
        );
        assert!(!cx.has_errors());
        let Some(Raw::Table(outer)) = node.map(|n| n.value) else {
            panic!("not a table");
        };
        assert_eq!(outer.len(), 1);
        assert_eq!(outer[0].key.text, "json_schema");
        let Raw::Table(inner) = &outer[0].value.value else {
            panic!("not a table: {:?}", outer[0].value.value);
        };
        assert_eq!(inner[0].key.text, "schema");
        assert!(matches!(&inner[0].value.value, Raw::Str(s) if s == "{}"));
    }

    #[test]
    fn strings_read_the_same_with_and_without_escapes() {
        for (source, expected) in [
            (r#""plain text {{x}}""#, "plain text {{x}}"),
            (
                r#""line\nbreak \"quoted\" \\ \u{e9}""#,
                "line\nbreak \"quoted\" \\ é",
            ),
            (r#""tab\tend""#, "tab\tend"),
            (r###"r#"raw \n "quote""#"###, r#"raw \n "quote""#),
            ("\"é 日本\"", "é 日本"),
            ("\"\"", ""),
        ] {
            match value(source) {
                Raw::Str(s) => assert_eq!(s, expected, "{source}"),
                other => panic!("{source}: {other:?}"),
            }
        }
        assert!(
            matches!(literal(Literal::string("a\"b\\c"), false).value, Raw::Str(s) if s == "a\"b\\c")
        );
        // Not strings.
        assert!(matches!(value("b\"bytes\""), Raw::Other(_)));
        assert!(matches!(value("12"), Raw::Int(Some(12), _)));
    }
}
