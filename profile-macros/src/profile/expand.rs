//! Stage 3: the `const` items. Generated code names the runtime only through `::bedrock_profiles::__private`.

use super::check::{Profile, SchemaDecl};
use crate::value::Setting;
use bedrock_profiles_core::models::{self, ModelRef, ModelTarget};
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote, quote_spanned};

fn private() -> TokenStream {
    quote!(::bedrock_profiles::__private)
}

fn string(text: &str) -> TokenStream {
    let p = private();
    let lit = Literal::string(text);
    quote!(#p::Cow::Borrowed(#lit))
}

fn opt_string(setting: &Setting<String>) -> Option<TokenStream> {
    let p = private();
    match setting {
        Setting::Literal(text, _) => {
            let s = string(text);
            Some(quote!(#p::Some(#s)))
        }
        Setting::Expr(e) => Some(quote!(#p::Some(#p::Cow::Borrowed(#e)))),
        Setting::Cleared => Some(quote!(#p::None)),
        Setting::Unset | Setting::Invalid => None,
    }
}

fn opt_f32(setting: &Setting<f32>) -> Option<TokenStream> {
    let p = private();
    match setting {
        Setting::Literal(v, _) => {
            let lit = Literal::f32_suffixed(*v);
            Some(quote!(#p::Some(#lit)))
        }
        Setting::Expr(e) => Some(quote!(#p::Some(#e))),
        Setting::Cleared => Some(quote!(#p::None)),
        Setting::Unset | Setting::Invalid => None,
    }
}

fn opt_u32(setting: &Setting<u32>) -> Option<TokenStream> {
    let p = private();
    match setting {
        Setting::Literal(v, _) => {
            let lit = Literal::u32_suffixed(*v);
            Some(quote!(#p::Some(#lit)))
        }
        Setting::Expr(e) => Some(quote!(#p::Some(#e))),
        Setting::Cleared => Some(quote!(#p::None)),
        Setting::Unset | Setting::Invalid => None,
    }
}

/// A `ModelRef` value naming the catalog entry by its const.
pub fn model_ref(model: &ModelRef) -> TokenStream {
    let p = private();
    let id = Literal::string(model.id());
    let entry = |m: &models::Model| {
        // Every `ModelTarget` the checker builds points into the catalog, so the name is always found.
        match models::catalog_index(m).and_then(|i| models::CATALOG_CONST_NAMES.get(i)) {
            Some(name) => {
                let ident = format_ident!("{}", name);
                quote!(&#p::models::#ident)
            }
            None => quote!(::core::compile_error!(
                "bedrock-profiles: model missing from the catalog"
            )),
        }
    };
    let target = match model.target {
        ModelTarget::Base(m) => {
            let e = entry(m);
            quote!(#p::ModelTarget::Base(#e))
        }
        ModelTarget::CrossRegion(geo, m) => {
            let e = entry(m);
            let geo = format_ident!("{}", format!("{geo:?}"));
            quote!(#p::ModelTarget::CrossRegion(#p::Geo::#geo, #e))
        }
        ModelTarget::Arn(resource, m) => {
            let e = entry(m);
            let resource = format_ident!("{}", format!("{resource:?}"));
            quote!(#p::ModelTarget::Arn(#p::ArnResource::#resource, #e))
        }
        ModelTarget::OpaqueArn(resource) => {
            let resource = format_ident!("{}", format!("{resource:?}"));
            quote!(#p::ModelTarget::OpaqueArn(#p::ArnResource::#resource))
        }
        // A struct literal, not `ModelRef::unlisted(..)`: a const built by a `const fn` call counts as needing
        // `Drop`, and could then not be the `..BASE` of another profile.
        ModelTarget::Unlisted(limits) => {
            let max = Literal::u32_suffixed(limits.max_output_tokens);
            quote!(#p::ModelTarget::Unlisted(#p::ModelLimits::unlisted(#id, #max)))
        }
    };
    quote!(#p::ModelRef { id: #p::Cow::Borrowed(#id), target: #target })
}

fn schema(decl: &SchemaDecl) -> TokenStream {
    let p = private();
    let name = opt_string(&decl.name).unwrap_or_else(|| quote!(#p::None));
    let description = opt_string(&decl.description).unwrap_or_else(|| quote!(#p::None));
    let schema = match &decl.schema {
        Setting::Literal(text, _) => string(text),
        Setting::Expr(e) => quote!(#p::Cow::Borrowed(#e)),
        _ => quote!(#p::Cow::Borrowed("")),
    };
    quote! {
        #p::ResponseFormat::JsonSchema(#p::JsonSchema { name: #name, description: #description, schema: #schema })
    }
}

/// The const item (with its docs) and, when some value is hidden from the macro, the `const` assertion.
pub fn profile(p: &Profile, docs: &[String]) -> TokenStream {
    let pr = private();
    let inherit = p.base.is_some();
    let mut fields = Vec::new();
    let mut field = |name: &str, value: Option<TokenStream>, default: TokenStream| {
        let ident = format_ident!("{}", name);
        match value {
            Some(v) => fields.push(quote!(#ident: #v)),
            None if !inherit => fields.push(quote!(#ident: #default)),
            None => {}
        }
    };
    let none = quote!(#pr::None);

    let name = match &p.name {
        Setting::Literal(text, _) => string(text),
        Setting::Expr(e) => quote!(#pr::Cow::Borrowed(#e)),
        _ => string(""),
    };
    field("name", Some(name), quote!());
    field("description", opt_string(&p.description), none.clone());
    let version = match &p.version {
        Setting::Literal(v, _) => {
            let lit = Literal::u32_suffixed(*v);
            Some(quote!(#lit))
        }
        Setting::Expr(e) => Some(e.clone()),
        _ => None,
    };
    field("version", version, quote!(1u32));
    let model = match &p.model {
        Setting::Literal(m, _) => {
            let m = model_ref(m);
            Some(quote!(#pr::Some(#m)))
        }
        Setting::Expr(e) => Some(quote!(#pr::Some(#e))),
        Setting::Cleared => Some(none.clone()),
        _ => None,
    };
    field("model", model, none.clone());
    field("temperature", opt_f32(&p.temperature), none.clone());
    field("top_p", opt_f32(&p.top_p), none.clone());
    field("top_k", opt_u32(&p.top_k), none.clone());
    field("max_tokens", opt_u32(&p.max_tokens), none.clone());
    let empty = quote!(#pr::Cow::Borrowed(&[]));
    let stops = match &p.stop_sequences {
        Setting::Literal(items, _) => {
            let items = items.iter().map(|(s, _)| string(s));
            Some(quote!(#pr::Cow::Borrowed(&[#(#items),*])))
        }
        Setting::Expr(e) => Some(quote!(#pr::Cow::Borrowed(#e))),
        Setting::Cleared => Some(empty.clone()),
        _ => None,
    };
    field("stop_sequences", stops, empty);
    field(
        "anthropic_version",
        opt_string(&p.anthropic_version),
        none.clone(),
    );
    let format = match &p.response_format {
        Setting::Literal(decl, _) => {
            let s = schema(decl);
            Some(quote!(#pr::Some(#s)))
        }
        Setting::Expr(e) => Some(quote!(#pr::Some(#e))),
        Setting::Cleared => Some(none.clone()),
        _ => None,
    };
    field("response_format", format, none);

    let attrs = &p.attrs;
    let vis = &p.vis;
    let ident = &p.ident;
    let base = p.base.as_ref().map(|b| quote!(..#b));
    let item = quote! {
        #(#attrs)*
        #(#[doc = #docs])*
        #vis const #ident: #pr::InferenceProfile = #pr::InferenceProfile {
            #(#fields,)*
            #base
        };
    };
    if !p.needs_const_check() {
        return item;
    }
    // Spanned on `..BASE` (or the const's name) so that rustc's E0080 points at what brought the hidden values in.
    let span = match &p.base {
        Some(base) => base
            .segments
            .last()
            .map_or(ident.span(), |s| s.ident.span()),
        None => p.first_expression_span().unwrap_or(ident.span()),
    };
    let what = Literal::string(&format!("profile `{ident}`"));
    // Every token of the assertion carries that span, so rustc can point at it.
    let assertion = quote_spanned! {span=>
        const _: () = ::bedrock_profiles::__private::assert_valid(
            #ident,
            ::bedrock_profiles::__private::Surface::Converse,
            ::bedrock_profiles::__private::None,
            #what,
        );
    };
    quote!(#item #assertion)
}
