//! `include_profiles!("bedrock.toml")`: the runtime loader (`bedrock_profiles_core::files`) run at compile time,
//! then the same items the DSL generates: an `InferenceProfile` const per profile, a `PromptSpec` const per prompt
//! and a `&'static AgentSpec` const per agent, named after their tables in SCREAMING_SNAKE_CASE; and per prompt a
//! struct named after its table in UpperCamelCase, whose `&'a str` fields are the template's variables, with
//! `#[prompt]`'s `Prompt` impl (`prompt::expand::impl_prompt`). The prompt's const is `<Struct as Prompt>::SPEC`.

use crate::agent::check::Agent;
use crate::code::Code;
use crate::emit::{self, Base};
use crate::prompt::check::{Field, Kind, Prompt};
use crate::runtime::Runtime;
use crate::syntax::{Exprs, ProfilePaths};
use bedrock_profiles_core::__private::{const_name, struct_name, table_keys};
use bedrock_profiles_core::decl::keys::SectionKey;
use bedrock_profiles_core::decl::{Name, ProfileDecl};
use bedrock_profiles_core::files::{self, Declarations, Format, LoadedPrompt};
use proc_macro2::{Delimiter, Ident, Literal, Span, TokenStream};
use quote::{format_ident, quote};
use std::path::Path;

fn error(span: Span, message: &str) -> TokenStream {
    let lit = Literal::string(message);
    quote::quote_spanned!(span=> ::core::compile_error!(#lit);)
}

pub fn expand(input: TokenStream) -> TokenStream {
    let (input, runtime) = match crate::runtime::trailing_crate(input) {
        Ok(split) => split,
        Err(error) => return error.to_compile_error(),
    };
    let lit: syn::LitStr = match syn::parse2(input) {
        Ok(lit) => lit,
        Err(_) => {
            return error(
                Span::call_site(),
                "`include_profiles!` expects the path of a TOML or JSON file, relative to the crate's Cargo.toml: `include_profiles!(\"bedrock.toml\")`",
            );
        }
    };
    let span = lit.span();
    let relative = lit.value();
    let Ok(dir) = std::env::var("CARGO_MANIFEST_DIR") else {
        return error(
            span,
            "`include_profiles!` needs CARGO_MANIFEST_DIR, which cargo sets; build with cargo",
        );
    };
    let path = Path::new(&dir).join(&relative);
    // The loader reads the file as `bedrock-profiles check` does: its size limit, UTF-8 errors at their offset,
    // the same rules (the Rust names of the tables included), plus the rule that a variable must be able to be a
    // field of the prompt's struct.
    let declarations = match bedrock_profiles_core::__private::load_with_variable_rule(
        &path,
        &field_problem,
    ) {
        Ok(d) => d,
        Err(files::FileError::Invalid(e)) => {
            let errors: TokenStream = e
                .errors
                .iter()
                .map(|err| {
                    let at = format!("{relative}:{}:{}", err.line, err.column);
                    let message = if err.key_path.is_empty() {
                        format!("{at}: {}", err.message)
                    } else {
                        format!("{at}: `{}`: {}", err.key_path, err.message)
                    };
                    error(span, &message)
                })
                .collect();
            let stubs = stubs(&runtime, &e.source, Format::of(&path));
            return quote!(#errors #stubs);
        }
        Err(files::FileError::TooLarge { limit, .. }) => {
            return error(
                span,
                &format!(
                    "`{relative}` is larger than {} MiB, more than any declaration file needs; it was not read",
                    limit / (1024 * 1024)
                ),
            );
        }
        Err(e) => {
            let why = match &e {
                files::FileError::Io { error, .. } => error.to_string(),
                other => other.to_string(),
            };
            return error(
                span,
                &format!("cannot read `{relative}` (relative to the crate's Cargo.toml): {why}"),
            );
        }
    };
    // Warnings (a model past its end of life, a prefix no source lists) as rustc warnings at the file's path.
    let warnings: Vec<(Span, String)> = declarations
        .warnings()
        .into_iter()
        .map(|warning| (span, format!("{relative}:{warning}")))
        .collect();
    let warnings = emit::warnings_item(&warnings);
    let absolute = Literal::string(&path.to_string_lossy());
    let items = items(&runtime, &declarations, &relative);
    quote! {
        const _: &[u8] = ::core::include_bytes!(#absolute);
        #warnings
        #items
    }
}

/// Rust's keywords in any edition, reserved words included: a field of that name is written `r#name`.
const KEYWORDS: [&str; 49] = [
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "unsafe", "unsized", "use", "virtual",
];

/// The keywords that cannot be raw identifiers either.
const NOT_RAW: [&str; 4] = ["crate", "self", "Self", "super"];

/// The field that holds variable `name` (which the template rules keep to ASCII letters, digits and single `_` or
/// `-` between them): `name`, or `r#name` for a keyword; `Err` says why it cannot be a field.
fn field_ident(name: &str) -> Result<Ident, String> {
    if NOT_RAW.contains(&name) {
        return Err(format!(
            "`{name}` is a keyword that Rust does not take as a field name, not even as `r#{name}`"
        ));
    }
    if name.contains('-') {
        return Err(format!(
            "a Rust field name has no `-` (`{}` would do)",
            name.replace('-', "_")
        ));
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        return Err("a Rust field name does not start with a digit".to_owned());
    }
    if KEYWORDS.contains(&name) {
        return Ok(Ident::new_raw(name, Span::call_site()));
    }
    Ok(Ident::new(name, Span::call_site()))
}

/// Why variable `variable` of prompt table `table` cannot be a field of the struct generated for it, as the end of
/// the loader's sentence "variable `x` at line 1, column 7 ...".
fn field_problem(table: &str, variable: &str) -> Option<String> {
    let why = field_ident(variable).err()?;
    let item = match struct_name(table) {
        Ok(name) => format!("the struct `{name}` generated for this prompt"),
        Err(_) => "the struct generated for this prompt".to_owned(),
    };
    Some(format!(
        "cannot be a field of {item}: {why}; rename the variable"
    ))
}

/// `file`: the path as written in the macro call, for the docs.
fn items(runtime: &Runtime, d: &Declarations, file: &str) -> TokenStream {
    let exprs = Exprs::default();
    // One text for the whole file, lexed once (see `crate::code`).
    let mut c = Code::new(runtime.clone());
    for loaded in &d.profiles {
        let ident = format_ident!("{}", const_name(&loaded.key));
        let decl = ProfileDecl::from_profile(Name::new(loaded.key.clone(), ()), &loaded.profile);
        let mut docs = vec![format!(
            " Profile `{}` of the declaration file.",
            loaded.key
        )];
        docs.extend(crate::profile::doc::docs(&decl, &exprs, true));
        emit::doc(&mut c, &docs);
        write!(c, "pub const {ident}: ");
        c.rt("InferenceProfile");
        c.str(" = ");
        emit::profile_value(&mut c, &decl, &exprs, Base::Empty);
        c.str(";");
    }
    for loaded in &d.prompts {
        prompt_items(&mut c, file, loaded);
    }
    for loaded in &d.agents {
        let ident = format_ident!("{}", const_name(&loaded.key));
        let agent = Agent {
            ident: ident.clone(),
            resolved: loaded.clone(),
            profiles: ProfilePaths::default(),
            tracked: None,
            warnings: Vec::new(),
        };
        let mut docs = vec![format!(" Agent `{}` of the declaration file.", loaded.key)];
        docs.extend(crate::agent::doc::docs(&agent, true));
        emit::doc(&mut c, &docs);
        write!(c, "pub const {ident}: &");
        c.rt("AgentSpec");
        c.str("<'static> = ");
        crate::agent::expand::spec(&mut c, &agent);
        c.str(";");
    }
    c.finish()
}

/// Beside a file's errors, a stub for each profile and agent table (`REPORTED`, `STUB_AGENT_SPEC`), so that Rust
/// code naming their consts (a `#[prompt(profile = FAST)]`) adds no errors of its own; the first of two tables that
/// would share a const.
fn stubs(runtime: &Runtime, source: &str, format: Format) -> TokenStream {
    let mut c = Code::new(runtime.clone());
    let mut seen = Vec::new();
    for (section, reference, ty, value) in [
        (SectionKey::Profiles, "", "InferenceProfile", "REPORTED"),
        (
            SectionKey::Agents,
            "&",
            "AgentSpec<'static>",
            "STUB_AGENT_SPEC",
        ),
    ] {
        for key in table_keys(source, format, section) {
            let name = const_name(&key);
            if !seen.contains(&name) {
                write!(c, "pub const {name}: {reference}");
                c.rt(ty);
                c.str(" = ");
                c.rt(value);
                c.str(";");
                seen.push(name);
            }
        }
    }
    c.finish()
}

/// A prompt table's struct (its variables as `&'a str` fields, in order of first use; `{}` without any), its
/// `Prompt` impl, and the const `<Struct as Prompt>::SPEC` under the name it had before the struct.
fn prompt_items(c: &mut Code, file: &str, loaded: &LoadedPrompt) {
    // The loader ran `field_problem` on every variable and refused a table without a struct name.
    let Ok(name) = struct_name(&loaded.key) else {
        return;
    };
    let ident = format_ident!("{name}");
    // The variables of every variant, each with the variants that use it.
    let mut variables: Vec<(&str, Vec<&str>)> = Vec::new();
    for v in &loaded.variants {
        for variable in &v.variables {
            match variables.iter_mut().find(|(n, _)| n == variable) {
                Some((_, used)) => used.push(&v.name),
                None => variables.push((variable, vec![&v.name])),
            }
        }
    }
    let ty: syn::Type = syn::parse_quote!(&'a str);
    let fields: Vec<Field> = variables
        .iter()
        .filter_map(|(n, _)| {
            Some(Field {
                ident: field_ident(n).ok()?,
                name: (*n).to_owned(),
                ty: ty.clone(),
                kind: Kind::Str,
            })
        })
        .collect();
    let prompt = Prompt {
        ident: ident.clone(),
        resolved: loaded.clone(),
        fields,
        profiles: ProfilePaths::default(),
        tracked: Vec::new(),
        warnings: Vec::new(),
    };

    let mut docs = vec![
        format!(
            " Prompt `{}` of `{file}`: its fields are the template's variables.",
            loaded.key
        ),
        String::new(),
        format!(
            " `{name} {{ .. }}.render()` renders it; `{}` is its `Prompt::SPEC`.",
            const_name(&loaded.key)
        ),
    ];
    docs.extend(crate::prompt::doc::docs(&prompt, true, "include_profiles!"));
    emit::doc(c, &docs);
    c.str("#[derive(Clone, Copy, Debug, PartialEq, Eq)] pub struct ");
    c.str(&name);
    let generics: syn::Generics = if prompt.fields.is_empty() {
        syn::Generics::default()
    } else {
        c.str("<'a>");
        syn::parse_quote!(<'a>)
    };
    c.group(Delimiter::Brace, |c| {
        struct_fields(c, &prompt, &variables, loaded.variants.len())
    });
    crate::prompt::expand::impl_prompt(c, &prompt, &generics);
    emit::doc(
        c,
        &[format!(
            " The spec of prompt `{}` of `{file}`: [`{name}`]'s `Prompt::SPEC`.",
            loaded.key
        )],
    );
    write!(c, "pub const {}: ", const_name(&loaded.key));
    c.rt("PromptSpec");
    write!(c, "<'static> = <{name}");
    if !prompt.fields.is_empty() {
        c.str("<'static>");
    }
    c.str(" as ");
    c.rt("Prompt");
    c.str(">::SPEC;");
}

/// The fields of a prompt table's struct, each with its doc (the variants that use it, when not all do).
fn struct_fields<L>(
    c: &mut Code,
    prompt: &Prompt<L>,
    variables: &[(&str, Vec<&str>)],
    variants: usize,
) {
    for (field, (_, used)) in prompt.fields.iter().zip(variables) {
        let doc = if used.len() == variants {
            format!(" The value of `{{{{{}}}}}`.", field.name)
        } else {
            let used: Vec<String> = used.iter().map(|v| format!("`{v}`")).collect();
            format!(
                " The value of `{{{{{}}}}}` (variant{} {}).",
                field.name,
                if used.len() > 1 { "s" } else { "" },
                used.join(", ")
            )
        };
        c.str("#");
        c.group(Delimiter::Bracket, |c| {
            c.str("doc = ");
            c.lit(&doc);
        });
        write!(c, " pub {}: &'a str,", field.ident);
    }
}

#[cfg(test)]
mod tests {
    use super::field_ident;

    #[test]
    fn fields_are_raw_for_keywords_and_refused_when_they_cannot_be() {
        let ident = |name: &str| field_ident(name).map(|i| i.to_string());
        assert_eq!(ident("customer_name").as_deref(), Ok("customer_name"));
        assert_eq!(ident("type").as_deref(), Ok("r#type"));
        assert_eq!(ident("gen").as_deref(), Ok("r#gen"));
        assert_eq!(ident("union").as_deref(), Ok("union"));
        for name in ["self", "Self", "crate", "super", "first-name", "2nd"] {
            assert!(ident(name).is_err(), "{name}");
        }
    }
}
