//! `include_profiles!("bedrock.toml")`: the runtime loader (`bedrock_profiles_core::files`) run at compile time,
//! then the same items the DSL generates: an `InferenceProfile` const per profile, a `PromptSpec` const per prompt
//! and a `&'static AgentSpec` const per agent, named after their tables in SCREAMING_SNAKE_CASE.

use crate::emit::model_ref;
use bedrock_profiles_core::InferenceProfile;
use bedrock_profiles_core::ResponseFormat;
use bedrock_profiles_core::agent::PromptType;
use bedrock_profiles_core::files::{self, Declarations, Format};
use proc_macro2::{Literal, Span, TokenStream};
use quote::{ToTokens, format_ident, quote};
use std::path::Path;

fn private() -> TokenStream {
    quote!(::bedrock_profiles::__private)
}

fn error(span: Span, message: &str) -> TokenStream {
    let lit = Literal::string(message);
    quote::quote_spanned!(span=> ::core::compile_error!(#lit);)
}

pub fn expand(input: TokenStream) -> TokenStream {
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
    let source = match std::fs::read_to_string(&path) {
        Ok(source) => source,
        Err(e) => {
            return error(
                span,
                &format!("cannot read `{relative}` (relative to the crate's Cargo.toml): {e}"),
            );
        }
    };
    let declarations = match files::parse(&relative, &source, Format::of(&path)) {
        Ok(d) => d,
        Err(e) => {
            return e
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
        }
    };
    let absolute = Literal::string(&path.to_string_lossy());
    let items = items(&declarations);
    quote! {
        const _: &[u8] = ::core::include_bytes!(#absolute);
        #items
    }
}

/// `high-quality` -> `HIGH_QUALITY`.
fn const_name(key: &str) -> syn::Ident {
    let mut name: String = key
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect();
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert(0, '_');
    }
    format_ident!("{}", name)
}

fn cow(text: &str) -> TokenStream {
    let p = private();
    let lit = Literal::string(text);
    quote!(#p::Cow::Borrowed(#lit))
}

fn opt<T>(value: Option<T>, f: impl FnOnce(T) -> TokenStream) -> TokenStream {
    let p = private();
    match value {
        Some(v) => {
            let v = f(v);
            quote!(#p::Some(#v))
        }
        None => quote!(#p::None),
    }
}

fn profile_value(profile: &InferenceProfile) -> TokenStream {
    let p = private();
    let name = cow(profile.name());
    let description = opt(profile.description(), cow);
    let version = Literal::u32_suffixed(profile.version);
    let model = opt(profile.model.as_ref(), model_ref);
    let temperature = opt(profile.temperature, |v| {
        Literal::f32_suffixed(v).into_token_stream()
    });
    let top_p = opt(profile.top_p, |v| {
        Literal::f32_suffixed(v).into_token_stream()
    });
    let top_k = opt(profile.top_k, |v| {
        Literal::u32_suffixed(v).into_token_stream()
    });
    let max_tokens = opt(profile.max_tokens, |v| {
        Literal::u32_suffixed(v).into_token_stream()
    });
    let stops = profile.stop_sequences().map(cow);
    let anthropic = opt(profile.anthropic_version(), cow);
    let format = opt(profile.response_format.as_ref(), |f| match f {
        ResponseFormat::JsonSchema(s) => {
            let name = opt(s.name.as_deref(), cow);
            let description = opt(s.description.as_deref(), cow);
            let schema = cow(&s.schema);
            quote!(#p::ResponseFormat::JsonSchema(#p::JsonSchema { name: #name, description: #description, schema: #schema }))
        }
    });
    quote! {
        #p::InferenceProfile {
            name: #name,
            description: #description,
            version: #version,
            model: #model,
            temperature: #temperature,
            top_p: #top_p,
            top_k: #top_k,
            max_tokens: #max_tokens,
            stop_sequences: #p::Cow::Borrowed(&[#(#stops),*]),
            anthropic_version: #anthropic,
            response_format: #format,
        }
    }
}

fn items(d: &Declarations) -> TokenStream {
    let p = private();
    let mut out = TokenStream::new();
    for loaded in &d.profiles {
        let ident = const_name(&loaded.key);
        let value = profile_value(&loaded.profile);
        let doc = format!(" Profile `{}` from the declaration file.", loaded.key);
        out.extend(quote! {
            #[doc = #doc]
            pub const #ident: #p::InferenceProfile = #value;
        });
    }
    for prompt in &d.prompts {
        let ident = const_name(&prompt.key);
        let name = Literal::string(&prompt.name);
        let description = opt(prompt.description.as_deref(), |s| {
            Literal::string(s).to_token_stream()
        });
        let variants = prompt.variants.iter().map(|v| {
            let name = Literal::string(&v.name);
            let model = opt(v.model.as_ref(), model_ref);
            let profile = opt(v.profile.as_deref(), |key| {
                let ident = const_name(key);
                quote!(&#ident)
            });
            let template_type = if v.system.is_some() {
                quote!(#p::TemplateType::Chat)
            } else {
                quote!(#p::TemplateType::Text)
            };
            let text = Literal::string(&v.text);
            let system = opt(v.system.as_deref(), |s| {
                Literal::string(s).to_token_stream()
            });
            let variables = v.variables.iter().map(|s| Literal::string(s));
            quote! {
                #p::PromptVariant {
                    name: #name,
                    model: #model,
                    profile: #profile,
                    template_type: #template_type,
                    text: #text,
                    system: #system,
                    variables: &[#(#variables),*],
                }
            }
        });
        let doc = format!(" Prompt `{}` from the declaration file.", prompt.key);
        out.extend(quote! {
            #[doc = #doc]
            pub const #ident: #p::PromptSpec = #p::PromptSpec {
                name: #name,
                description: #description,
                variants: &[#(#variants),*],
            };
        });
    }
    for agent in &d.agents {
        let ident = const_name(&agent.key);
        let name = Literal::string(&agent.name);
        let description = opt(agent.description.as_deref(), |s| {
            Literal::string(s).to_token_stream()
        });
        let instruction = Literal::string(&agent.instruction);
        let model = model_ref(&agent.model);
        let ttl = opt(agent.idle_session_ttl, |v| {
            Literal::u32_suffixed(v).to_token_stream()
        });
        let step = |step: PromptType| {
            opt(
                agent.steps.iter().find(|(s, _)| *s == step).map(|(_, k)| k),
                |key| {
                    let ident = const_name(key);
                    quote!(&#ident)
                },
            )
        };
        let pre = step(PromptType::PreProcessing);
        let orchestration = step(PromptType::Orchestration);
        let post = step(PromptType::PostProcessing);
        let kb = step(PromptType::KnowledgeBaseResponseGeneration);
        let memory = step(PromptType::MemorySummarization);
        let templates = agent.base_prompt_templates.iter().map(|(step, text)| {
            let variant = format_ident!("{}", format!("{step:?}"));
            let text = Literal::string(text);
            quote!((#p::PromptType::#variant, #text))
        });
        let doc = format!(" Agent `{}` from the declaration file.", agent.key);
        out.extend(quote! {
            #[doc = #doc]
            pub const #ident: &#p::AgentSpec = &#p::AgentSpec {
                name: #name,
                description: #description,
                instruction: #instruction,
                model: #model,
                idle_session_ttl: #ttl,
                pre_processing: #pre,
                orchestration: #orchestration,
                post_processing: #post,
                knowledge_base_response_generation: #kb,
                memory_summarization: #memory,
                base_prompt_templates: &[#(#templates),*],
            };
        });
    }
    out
}
