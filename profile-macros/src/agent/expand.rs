//! Stage 3: the struct (with its docs), the `Agent` impl and one `const` assertion per step profile. Generated code
//! names the runtime only through [`Code::rt`] and [`crate::runtime::Runtime::spanned`].

use super::check::Agent;
use crate::code::Code;
use crate::emit::option;
use crate::runtime::Runtime;
use proc_macro2::{Delimiter, TokenStream};
use quote::{quote, quote_spanned};
use syn::DeriveInput;

fn implementation(c: &mut Code, input: &DeriveInput, spec: impl FnOnce(&mut Code)) {
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    c.str("impl");
    c.tokens(quote!(#impl_generics));
    c.str(" ");
    c.rt("Agent");
    c.str(" for ");
    c.tokens(quote!(#ident #ty_generics #where_clause));
    c.group(Delimiter::Brace, |c| {
        c.str("const SPEC: &'static ");
        c.rt("AgentSpec");
        c.str("<'static> = ");
        spec(c);
        c.str(";");
    });
}

/// The struct, a stub `Agent` impl (so uses of the agent add no errors of their own), and the assertions of the
/// step profiles when the model is known.
pub fn fallback(
    runtime: Runtime,
    input: &DeriveInput,
    item: TokenStream,
    agent: Option<&Agent>,
) -> TokenStream {
    let mut c = Code::new(runtime);
    c.tokens(item);
    implementation(&mut c, input, |c| c.rt("STUB_AGENT_SPEC"));
    if let Some(agent) = agent {
        assertions(&mut c, agent);
    }
    c.finish()
}

/// `const _: () = assert_valid(PROFILE, Surface::Agent, Some(&MODEL), "...");` per step profile, its call spanned
/// on the profile's path so that rustc's E0080 points there.
pub fn assertions(c: &mut Code, agent: &Agent) {
    let Some((model, _)) = &agent.model else {
        return;
    };
    for step in &agent.steps {
        let path = &step.path;
        let what = format!(
            "profile `{}` of agent `{}` ({})",
            step.path_text(),
            agent.ident,
            step.step.key()
        );
        crate::emit::assertion(c, step.span, quote!(#path), "Agent", Some(model), &what);
    }
}

/// Everything, for an agent without errors.
pub fn agent(
    runtime: Runtime,
    agent: &Agent,
    input: &DeriveInput,
    item: TokenStream,
    docs: &[String],
) -> TokenStream {
    let mut c = Code::new(runtime);
    // The item as written, the generated docs after the user's own attributes.
    crate::emit::after_attributes(&mut c, item, |c| crate::emit::doc(c, docs));
    implementation(&mut c, input, |c| spec(c, agent));
    assertions(&mut c, agent);
    // `include_bytes!` of the file the macro read: editing it rebuilds the crate (and re-checks it). The text
    // itself is the one the rules checked (the file's final line break dropped).
    if let Some((_, path)) = agent.instruction.as_ref().and_then(|i| i.file.as_ref()) {
        c.str("const _: &[u8] = ::core::include_bytes!");
        c.group(Delimiter::Parenthesis, |c| c.lit(&path.to_string_lossy()));
        c.str(";");
    }
    c.tokens(crate::emit::warnings_item(&agent.warnings));
    c.finish()
}

/// The `&AgentSpec` of an agent without errors.
pub(crate) fn spec(c: &mut Code, agent: &Agent) {
    c.str("&");
    c.rt("AgentSpec ");
    c.group(Delimiter::Brace, |c| spec_fields(c, agent));
}

/// The fields of the `AgentSpec` struct literal.
fn spec_fields(c: &mut Code, agent: &Agent) {
    c.str("name: ");
    c.lit(agent.name.as_ref().map_or("", |(n, _)| n.as_str()));
    c.str(", description: ");
    option(c, agent.description.as_ref(), |c, (text, _)| c.lit(text));
    c.str(", instruction: ");
    c.lit(agent.instruction.as_ref().map_or("", |i| i.text.as_str()));
    c.str(", model: ");
    match &agent.model {
        Some((model, _)) => crate::emit::model_ref(c, model),
        None => {
            c.rt("STUB_AGENT_SPEC");
            c.str(".model");
        }
    }
    c.str(", idle_session_ttl: ");
    option(c, agent.idle_session_ttl.as_ref(), |c, (seconds, _, _)| {
        write!(c, "{seconds}u32")
    });
    for prompt_type in bedrock_profiles_core::agent::PromptType::ALL {
        write!(c, ", {}: ", prompt_type.key());
        match agent.steps.iter().find(|s| s.step == prompt_type) {
            // Spanned on the path, so that a type error points at it.
            Some(step) => {
                let path = &step.path;
                let step_profile = c.runtime().spanned(step.span, "step_profile");
                c.tokens(quote_spanned!(step.span=> #step_profile(&#path)));
            }
            None => c.rt("None"),
        }
    }
    c.str(", base_prompt_templates: &");
    c.group(Delimiter::Bracket, |c| {
        for (i, (step, text)) in agent.base_prompt_templates.iter().enumerate() {
            if i > 0 {
                c.str(", ");
            }
            c.group(Delimiter::Parenthesis, |c| {
                c.rt("PromptType::");
                write!(c, "{step:?}, ");
                c.lit(text);
            });
        }
    });
    c.str(", guardrail: ");
    option(c, agent.guardrail.as_ref(), |c, (id, version)| {
        c.rt("AgentGuardrail");
        c.group(Delimiter::Brace, |c| {
            c.str("id: ");
            c.lit(id);
            c.str(", version: ");
            c.lit(version);
        });
    });
}
