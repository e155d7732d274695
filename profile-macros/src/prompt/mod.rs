//! `#[prompt(...)]` on a struct with named fields.

pub(crate) mod check;
pub(crate) mod doc;
pub(crate) mod expand;

use crate::ctxt::Ctxt;
use crate::runtime::Runtime;
use proc_macro2::TokenStream;
use quote::quote;
use syn::{Data, DeriveInput, Fields};

pub fn expand(attr: TokenStream, item: TokenStream) -> TokenStream {
    let mut cx = Ctxt::new();
    // The arguments first: their `crate = path` says where the runtime is, for the stub impls too.
    let args = syn::parse2::<crate::attr::Args>(attr).map(|mut args| {
        let runtime = crate::runtime::take_crate(&mut cx, &mut args.args);
        (args, runtime)
    });
    let runtime = match &args {
        Ok((_, runtime)) => runtime.clone(),
        Err(_) => Runtime::default(),
    };
    let parsed: DeriveInput = match syn::parse2::<DeriveInput>(item.clone()) {
        Ok(input) => input,
        // A function, an impl, ...: not a type the fields of which could be the variables.
        Err(_) => {
            let span = item
                .clone()
                .into_iter()
                .find(|t| !matches!(t, proc_macro2::TokenTree::Punct(p) if p.as_char() == '#'))
                .map_or_else(proc_macro2::Span::call_site, |t| t.span());
            cx.error(
                span,
                "`#[prompt]` expects a struct with named fields; its fields are the template's variables",
            );
            let errors = cx.into_compile_errors();
            return quote!(#errors #item);
        }
    };
    let stub = || crate::emit::prompt_stub(&runtime, &parsed.ident, &parsed.generics);
    let (fields, span, what) = match &parsed.data {
        Data::Struct(s) => match &s.fields {
            Fields::Named(fields) => (Some(fields.clone()), parsed.ident.span(), ""),
            Fields::Unnamed(_) => (None, parsed.ident.span(), "a tuple struct"),
            // A template without variables needs no values: `struct Daily;`.
            Fields::Unit => (
                Some(syn::FieldsNamed {
                    brace_token: Default::default(),
                    named: Default::default(),
                }),
                parsed.ident.span(),
                "",
            ),
        },
        Data::Enum(e) => (None, e.enum_token.span, "an enum"),
        Data::Union(u) => (None, u.union_token.span, "a union"),
    };
    let fields = match fields {
        Some(fields) => fields,
        None => {
            cx.error(
                span,
                format!(
                    "`#[prompt]` expects a struct with named fields, found {what}; its fields are the template's variables"
                ),
            );
            let errors = cx.into_compile_errors();
            let stub = stub();
            return quote!(#errors #item #stub);
        }
    };
    let args = match args {
        Ok((args, _)) => args,
        Err(error) => {
            let error = error.to_compile_error();
            let stub = stub();
            return quote!(#error #item #stub);
        }
    };
    let prompt = match check::prompt(&mut cx, args.args, &parsed.ident, &fields) {
        Some(prompt) if !cx.has_errors() => prompt,
        _ => {
            let errors = cx.into_compile_errors();
            let stub = stub();
            return quote!(#errors #item #stub);
        }
    };
    let user_docs = parsed.attrs.iter().any(|a| a.path().is_ident("doc"));
    let docs = doc::docs(&prompt, user_docs, "#[prompt]");
    let mut code = crate::code::Code::new(runtime);
    crate::emit::after_attributes(&mut code, item, |c| crate::emit::doc(c, &docs));
    expand::prompt(&mut code, &prompt, &parsed.generics);
    code.finish()
}
