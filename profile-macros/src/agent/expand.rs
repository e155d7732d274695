//! Stage 3: the struct (with its docs), the `Agent` impl and one `const` assertion per step profile. Generated code
//! names the runtime only through `::bedrock_profiles::__private`.

use super::check::{Agent, Step};
use proc_macro2::{Literal, TokenStream};
use quote::{quote, quote_spanned};
use syn::DeriveInput;

fn implementation(input: &DeriveInput, spec: TokenStream) -> TokenStream {
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    quote! {
        impl #impl_generics ::bedrock_profiles::__private::Agent for #ident #ty_generics #where_clause {
            const SPEC: &'static ::bedrock_profiles::__private::AgentSpec<'static> = #spec;
        }
    }
}

/// The struct, a stub `Agent` impl (so uses of the agent add no errors of their own), and the assertions of the
/// step profiles when the model is known.
pub fn fallback(input: &DeriveInput, item: TokenStream, agent: Option<&Agent>) -> TokenStream {
    let stub = implementation(
        input,
        quote!(::bedrock_profiles::__private::STUB_AGENT_SPEC),
    );
    let assertions = agent.map(assertions);
    quote!(#item #stub #assertions)
}

/// `const _: () = assert_valid(PROFILE, Surface::Agent, Some(&MODEL), "...");` per step profile, every token
/// spanned on the profile's path so that rustc's E0080 points there.
pub fn assertions(agent: &Agent) -> TokenStream {
    let Some((model, _)) = &agent.model else {
        return TokenStream::new();
    };
    agent
        .steps
        .iter()
        .map(|step| assertion(agent, step, crate::emit::model_ref(model)))
        .collect()
}

fn assertion(agent: &Agent, step: &Step, model: TokenStream) -> TokenStream {
    let path = &step.path;
    let what = format!(
        "profile `{}` of agent `{}` ({})",
        step.path_text(),
        agent.ident,
        step.step.key()
    );
    crate::emit::assertion(step.span, quote!(#path), "Agent", Some(model), &what)
}

/// Everything, for an agent without errors.
pub fn agent(
    agent: &Agent,
    input: &DeriveInput,
    item: TokenStream,
    docs: &[String],
) -> TokenStream {
    // `include_bytes!` of the file the macro read: editing it rebuilds the crate (and re-checks it). The text
    // itself is the one the rules checked (the file's final line break dropped).
    let tracking = agent
        .instruction
        .as_ref()
        .and_then(|i| i.file.as_ref())
        .map(|(_, path)| {
            let path = Literal::string(&path.to_string_lossy());
            quote!(
                const _: &[u8] = ::core::include_bytes!(#path);
            )
        });
    let spec = spec(agent);
    // The item as written, the generated docs after the user's own attributes.
    let item = crate::emit::after_attributes(item, crate::emit::doc(docs));
    let implementation = implementation(input, spec);
    let assertions = assertions(agent);
    let warnings = crate::emit::warnings_item(&agent.warnings);
    quote!(#item #implementation #assertions #tracking #warnings)
}

/// The `&AgentSpec` of an agent without errors.
pub(crate) fn spec(agent: &Agent) -> TokenStream {
    let string = |text: &str| Literal::string(text);
    let name = string(agent.name.as_ref().map_or("", |(n, _)| n.as_str()));
    let description = match &agent.description {
        Some((text, _)) => {
            let lit = string(text);
            quote!(::bedrock_profiles::__private::Some(#lit))
        }
        None => quote!(::bedrock_profiles::__private::None),
    };
    let instruction = match &agent.instruction {
        Some(instruction) => {
            let lit = string(&instruction.text);
            quote!(#lit)
        }
        None => quote!(""),
    };
    let model = match &agent.model {
        Some((model, _)) => crate::emit::model_ref(model),
        None => quote!(::bedrock_profiles::__private::STUB_AGENT_SPEC.model),
    };
    let ttl = match &agent.idle_session_ttl {
        Some((seconds, _, _)) => {
            let lit = Literal::u32_suffixed(*seconds);
            quote!(::bedrock_profiles::__private::Some(#lit))
        }
        None => quote!(::bedrock_profiles::__private::None),
    };
    let templates = agent.base_prompt_templates.iter().map(|(step, text)| {
        let variant = quote::format_ident!("{}", format!("{step:?}"));
        let text = string(text);
        quote!((::bedrock_profiles::__private::PromptType::#variant, #text))
    });
    let steps = bedrock_profiles_core::agent::PromptType::ALL.map(|prompt_type| {
        let field = quote::format_ident!("{}", prompt_type.key());
        match agent.steps.iter().find(|s| s.step == prompt_type) {
            // Spanned on the path, so that a type error points at it.
            Some(step) => {
                let path = &step.path;
                let value =
                    quote_spanned!(step.span=> ::bedrock_profiles::__private::step_profile(&#path));
                quote!(#field: #value)
            }
            None => quote!(#field: ::bedrock_profiles::__private::None),
        }
    });
    let guardrail = match &agent.guardrail {
        Some((id, version)) => {
            let (id, version) = (string(id), string(version));
            quote!(::bedrock_profiles::__private::Some(::bedrock_profiles::__private::AgentGuardrail { id: #id, version: #version }))
        }
        None => quote!(::bedrock_profiles::__private::None),
    };
    quote! {
        &::bedrock_profiles::__private::AgentSpec {
            name: #name,
            description: #description,
            instruction: #instruction,
            model: #model,
            idle_session_ttl: #ttl,
            #(#steps,)*
            base_prompt_templates: &[#(#templates),*],
            guardrail: #guardrail,
        }
    }
}
