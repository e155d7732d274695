//! Stage 3: the struct (with its docs), the `Agent` impl and one `const` assertion per step profile. Generated code
//! names the runtime only through [`Code::rt`] and [`crate::runtime::Runtime::spanned`].

use super::check::{Agent, Checked};
use crate::code::Code;
use crate::emit::option;
use crate::runtime::Runtime;
use crate::syntax::{ProfilePaths, path_span, path_text};
use bedrock_profiles_core::decl::{ResolvedGuardrail, StepProfile};
use bedrock_profiles_core::models::ModelRef;
use bedrock_profiles_core::rules::Surface;
use proc_macro2::{Delimiter, Ident, TokenStream};
use quote::{quote, quote_spanned};
use syn::DeriveInput;

fn implementation(c: &mut Code, input: &DeriveInput, spec: impl FnOnce(&mut Code)) {
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let self_ty = quote!(#ident #ty_generics #where_clause);
    crate::emit::trait_impl(c, "", "Agent", quote!(#impl_generics), self_ty, |c| {
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
    checked: Option<&Checked>,
) -> TokenStream {
    let mut c = Code::new(runtime);
    c.tokens(item);
    implementation(&mut c, input, |c| c.rt("STUB_AGENT_SPEC"));
    if let Some(checked) = checked
        && let Some(model) = checked.decl.model.value()
    {
        let steps = &checked.decl.steps;
        assertions(&mut c, &input.ident, model, steps, &checked.profiles);
    }
    c.finish()
}

/// `const _: () = assert_valid(PROFILE, Surface::Agent, Some(&MODEL), "...");` per step profile, its call spanned
/// on the profile's path so that rustc's E0080 points there.
pub fn assertions<L>(
    c: &mut Code,
    ident: &Ident,
    model: &ModelRef,
    steps: &[StepProfile<L>],
    profiles: &ProfilePaths,
) {
    for step in steps {
        let Some(path) = profiles.get(&step.profile) else {
            continue;
        };
        let what = format!(
            "profile `{}` of agent `{ident}` ({})",
            path_text(&path),
            step.step.key()
        );
        let span = path_span(&path);
        crate::emit::assertion(c, span, quote!(#path), Surface::Agent, Some(model), &what);
    }
}

/// Everything, for an agent without errors.
pub fn agent<L>(
    runtime: Runtime,
    agent: &Agent<L>,
    input: &DeriveInput,
    item: TokenStream,
    docs: &[String],
) -> TokenStream {
    let mut c = Code::new(runtime);
    // The item as written, the generated docs after the user's own attributes.
    crate::emit::after_attributes(&mut c, item, |c| crate::emit::doc(c, docs));
    implementation(&mut c, input, |c| spec(c, agent));
    let r = &agent.resolved;
    assertions(&mut c, &agent.ident, &r.model, &r.steps, &agent.profiles);
    // `include_bytes!` of the file the macro read: editing it rebuilds the crate (and re-checks it). The text
    // itself is the one the rules checked (the file's final line break dropped).
    if let Some(path) = &agent.tracked {
        c.str("const _: &[u8] = ::core::include_bytes!");
        c.group(Delimiter::Parenthesis, |c| c.lit(&path.to_string_lossy()));
        c.str(";");
    }
    c.tokens(crate::emit::warnings_item(&agent.warnings));
    c.finish()
}

/// The `&AgentSpec` of an agent without errors.
pub(crate) fn spec<L>(c: &mut Code, agent: &Agent<L>) {
    c.str("&");
    c.rt("AgentSpec ");
    c.group(Delimiter::Brace, |c| spec_fields(c, agent));
}

/// The fields of the `AgentSpec` struct literal.
fn spec_fields<L>(c: &mut Code, agent: &Agent<L>) {
    let r = &agent.resolved;
    c.str("name: ");
    c.lit(&r.name);
    c.str(", description: ");
    option(c, r.description.as_ref(), |c, text| c.lit(text));
    c.str(", instruction: ");
    c.lit(&r.instruction.text);
    c.str(", model: ");
    crate::emit::model_ref(c, &r.model);
    c.str(", idle_session_ttl: ");
    option(c, r.idle_session_ttl.as_ref(), |c, seconds| {
        write!(c, "{seconds}u32")
    });
    for prompt_type in bedrock_profiles_core::agent::PromptType::ALL {
        write!(c, ", {}: ", prompt_type.key());
        match r.step(prompt_type).and_then(|p| agent.profiles.get(p)) {
            // Spanned on the path, so that a type error points at it.
            Some(path) => {
                let span = path_span(&path);
                let profile_ref = c.runtime().spanned(span, "profile_ref");
                c.tokens(quote_spanned!(span=> #profile_ref(&#path)));
            }
            None => c.rt("None"),
        }
    }
    c.str(", base_prompt_templates: &");
    c.group(Delimiter::Bracket, |c| {
        for (i, template) in r.base_prompt_templates.iter().enumerate() {
            if i > 0 {
                c.str(", ");
            }
            c.group(Delimiter::Parenthesis, |c| {
                c.rt("PromptType::");
                write!(c, "{:?}, ", template.step);
                c.lit(&template.text);
            });
        }
    });
    c.str(", guardrail: ");
    option(
        c,
        r.guardrail.as_ref(),
        |c, ResolvedGuardrail { id, version }| {
            c.rt("AgentGuardrail");
            c.group(Delimiter::Brace, |c| {
                c.str("id: ");
                c.lit(id);
                c.str(", version: ");
                c.lit(version);
            });
        },
    );
}
