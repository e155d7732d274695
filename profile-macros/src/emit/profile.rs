//! A profile's `InferenceProfile` value: every setting a declaration writes, each as its field's type, over a
//! `..BASE` (of the same invocation: merged; of another: `..BASE` itself) or the empty profile.

use super::{cow, cow_tokens, first_span, model_ref, option, shared_tokens};
use crate::code::Code;
use crate::syntax::Exprs;
use bedrock_profiles_core::decl::{
    GuardrailDecl, ProfileDecl, ProfileKey, ReasoningDecl, SchemaDecl, Setting,
};
use proc_macro2::{Delimiter, TokenStream};
use quote::quote_spanned;

/// A setting's value as the field's type (`Option<T>`); nothing for a setting left to `..BASE` (or the default),
/// which [`field`] does not write.
fn setting<T, L>(
    c: &mut Code,
    s: &Setting<T, L>,
    exprs: &Exprs,
    value: impl FnOnce(&mut Code, &T),
    wrap_expr: impl FnOnce(&mut Code, TokenStream),
) {
    match s {
        Setting::Set(v, _) => {
            c.rt("Some");
            c.group(Delimiter::Parenthesis, |c| value(c, v));
        }
        // `Some(<expression>)` spanned on the expression (the path and the parentheses: rustc joins their spans
        // for the call): "arguments to this enum variant are incorrect" then points at it, not at the whole macro
        // call.
        Setting::Expr(handle, _) => {
            let tokens = exprs.get(*handle);
            let span = first_span(&tokens);
            c.tokens(c.runtime().spanned(span, "Some"));
            c.spanned(span, Delimiter::Parenthesis, |c| wrap_expr(c, tokens));
        }
        Setting::Cleared(_) => c.rt("None"),
        Setting::Unset | Setting::Invalid => {}
    }
}

/// Whether the struct literal gets a field for the setting: [`Setting::is_written`], less an invalid value (whose
/// error stops the expansion; written out it would be `key: ,`).
fn written<T, L>(s: &Setting<T, L>) -> bool {
    s.is_written() && !matches!(s, Setting::Invalid)
}

fn text_setting<L>(c: &mut Code, s: &Setting<String, L>, exprs: &Exprs) {
    setting(c, s, exprs, |c, t| cow(c, t), cow_tokens);
}

fn f32_setting<L>(c: &mut Code, s: &Setting<f32, L>, exprs: &Exprs) {
    // `Display`, as `Literal::f32_suffixed` writes it: never an exponent, `1` for 1.0.
    setting(c, s, exprs, |c, v| write!(c, "{v}f32"), |c, e| c.tokens(e));
}

fn u32_setting<L>(c: &mut Code, s: &Setting<u32, L>, exprs: &Exprs) {
    setting(c, s, exprs, |c, v| write!(c, "{v}u32"), |c, e| c.tokens(e));
}

/// `name: None` for a setting that is not written (a schema's optional texts).
fn text_or_none<L>(c: &mut Code, s: &Setting<String, L>, exprs: &Exprs) {
    if written(s) {
        text_setting(c, s, exprs);
    } else {
        c.rt("None");
    }
}

fn schema<L>(c: &mut Code, decl: &SchemaDecl<L>, exprs: &Exprs) {
    c.rt("ResponseFormat::JsonSchema");
    c.group(Delimiter::Parenthesis, |c| {
        c.rt("JsonSchema ");
        c.group(Delimiter::Brace, |c| {
            c.str("name: ");
            text_or_none(c, &decl.name, exprs);
            c.str(", description: ");
            text_or_none(c, &decl.description, exprs);
            c.str(", schema: ");
            c.rt("Shared::Static");
            match &decl.schema {
                Setting::Set(text, _) => c.group(Delimiter::Parenthesis, |c| c.lit(text)),
                Setting::Expr(handle, _) => {
                    let tokens = exprs.get(*handle);
                    c.spanned(first_span(&tokens), Delimiter::Parenthesis, |c| {
                        c.tokens(tokens)
                    })
                }
                _ => c.str("(\"\")"),
            }
        });
    });
}

fn reasoning<L>(c: &mut Code, decl: &ReasoningDecl<L>) {
    let r = decl.resolve();
    c.rt("ReasoningConfig");
    c.group(Delimiter::Brace, |c| {
        c.str("budget_tokens: ");
        option(c, r.budget_tokens, |c, n| write!(c, "{n}u32"));
        c.str(", effort: ");
        option(c, r.effort, |c, e| {
            c.rt("Effort::");
            write!(c, "{e:?}");
        });
        c.str(", thinking: ");
        option(c, r.thinking, |c, t| {
            c.rt("Thinking::");
            write!(c, "{t:?}");
        });
        write!(c, ", interleaved: {}", r.interleaved);
    });
}

fn guardrail<L>(c: &mut Code, decl: &GuardrailDecl<L>) {
    c.rt("GuardrailConfig");
    c.group(Delimiter::Brace, |c| {
        c.str("id: ");
        cow(c, decl.id.value().map_or("", String::as_str));
        c.str(", version: ");
        cow(c, decl.version.value().map_or("", String::as_str));
        c.str(", trace: ");
        option(c, decl.trace.value(), |c, t| {
            c.rt("Trace::");
            write!(c, "{t:?}");
        });
    });
}

/// What a derived profile's `..` copies.
pub enum Base<'a> {
    /// `InferenceProfile::EMPTY`: every setting unset, version 1.
    Empty,
    /// `..Self::BASE`, used as written (an item nested in the initializer could not name `Self`).
    SelfPath(&'a TokenStream),
    /// Any other path, first copied into a `const __BASE` of the initializer spanned on it: a base that is not a
    /// `const` (a `static`, say) is then rustc's E0507 on `..BASE` (with E0493 for the copy, also on `..BASE`:
    /// `tests/ui/base-is-a-static.stderr`), not one error per field.
    Path(&'a TokenStream),
}

/// An `InferenceProfile` struct literal: the fields the declaration writes, the rest from the base (the DSL's
/// `..BASE`) or from `InferenceProfile::EMPTY`, which is far less code than writing every default out.
pub fn profile_value<L>(c: &mut Code, d: &ProfileDecl<L>, exprs: &Exprs, base: Base<'_>) {
    match base {
        Base::Empty => {
            c.rt("InferenceProfile ");
            c.group(Delimiter::Brace, |c| {
                profile_fields(c, d, exprs, None);
                c.str("..");
                c.rt("InferenceProfile::EMPTY");
            });
        }
        Base::SelfPath(base) => {
            c.rt("InferenceProfile ");
            c.group(Delimiter::Brace, |c| {
                profile_fields(c, d, exprs, Some(&|c: &mut Code| c.tokens(base.clone())));
                c.str("..");
                c.tokens(base.clone());
            });
        }
        Base::Path(base) => {
            // The block and the struct literal spanned on the path too: rustc's labels on them (E0493's "the
            // destructor for this type cannot be evaluated in constants") point at `..BASE`, not at the whole
            // macro call.
            let span = first_span(base);
            let ty = c.runtime().spanned(span, "InferenceProfile");
            c.spanned(span, Delimiter::Brace, |c| {
                c.tokens(quote_spanned!(span=> const __BASE: #ty = #base;));
                c.tokens(ty.clone());
                c.spanned(span, Delimiter::Brace, |c| {
                    profile_fields(c, d, exprs, Some(&|c: &mut Code| c.str("__BASE")));
                    c.str("..");
                    c.tokens(quote_spanned!(span=> __BASE));
                });
            });
        }
    }
}

/// `key: <value>, ` when the declaration writes the setting (an unset one is left to the base or the default).
/// The struct's fields are spelled like the keys.
fn field<T, L>(
    c: &mut Code,
    key: ProfileKey,
    s: &Setting<T, L>,
    value: impl FnOnce(&mut Code, &Setting<T, L>),
) {
    if written(s) {
        c.str(key.as_str());
        c.str(": ");
        value(c, s);
        c.str(", ");
    }
}

/// The fields of an `InferenceProfile` struct literal that the declaration writes (the name always), each followed
/// by a comma. `base` writes the const the literal's `..` copies, whose tags a derived profile's layer over.
fn profile_fields<L>(
    c: &mut Code,
    d: &ProfileDecl<L>,
    exprs: &Exprs,
    base: Option<&dyn Fn(&mut Code)>,
) {
    c.str("name: ");
    match &d.name {
        Setting::Set(text, _) => cow(c, text),
        Setting::Expr(handle, _) => cow_tokens(c, exprs.get(*handle)),
        _ => cow(c, &d.default_name()),
    }
    c.str(", ");
    field(c, ProfileKey::Description, &d.description, |c, s| {
        text_setting(c, s, exprs)
    });
    field(c, ProfileKey::Version, &d.version, |c, s| match s {
        Setting::Set(v, _) => write!(c, "{v}u32"),
        Setting::Expr(handle, _) => c.tokens(exprs.get(*handle)),
        // `version: None` is an error of the declaration layer; the default otherwise.
        _ => c.str("1u32"),
    });
    field(c, ProfileKey::Model, &d.model, |c, s| {
        setting(c, s, exprs, model_ref, |c, e| c.tokens(e))
    });
    field(c, ProfileKey::Temperature, &d.temperature, |c, s| {
        f32_setting(c, s, exprs)
    });
    field(c, ProfileKey::TopP, &d.top_p, |c, s| {
        f32_setting(c, s, exprs)
    });
    field(c, ProfileKey::TopK, &d.top_k, |c, s| {
        u32_setting(c, s, exprs)
    });
    field(c, ProfileKey::MaxTokens, &d.max_tokens, |c, s| {
        u32_setting(c, s, exprs)
    });
    field(
        c,
        ProfileKey::StopSequences,
        &d.stop_sequences,
        |c, s| match s {
            Setting::Set(items, _) => {
                c.rt("Shared::Static");
                c.group(Delimiter::Parenthesis, |c| {
                    c.str("&");
                    c.group(Delimiter::Bracket, |c| {
                        for (i, (s, _)) in items.iter().enumerate() {
                            if i > 0 {
                                c.str(", ");
                            }
                            cow(c, s);
                        }
                    });
                });
            }
            Setting::Expr(handle, _) => shared_tokens(c, exprs.get(*handle)),
            _ => {
                c.rt("Shared::Static");
                c.str("(&[])");
            }
        },
    );
    field(
        c,
        ProfileKey::AnthropicVersion,
        &d.anthropic_version,
        |c, s| text_setting(c, s, exprs),
    );
    field(c, ProfileKey::ResponseFormat, &d.response_format, |c, s| {
        setting(c, s, exprs, |c, s| schema(c, s, exprs), |c, e| c.tokens(e))
    });
    field(c, ProfileKey::Reasoning, &d.reasoning, |c, s| {
        setting(c, s, exprs, reasoning, |c, e| c.tokens(e))
    });
    field(c, ProfileKey::Guardrail, &d.guardrail, |c, s| {
        setting(c, s, exprs, guardrail, |c, e| c.tokens(e))
    });
    field(c, ProfileKey::Tags, &d.tags, |c, s| {
        let own = |c: &mut Code| match s {
            Setting::Set(items, _) => {
                c.str("&");
                c.group(Delimiter::Bracket, |c| {
                    for (i, t) in items.iter().enumerate() {
                        if i > 0 {
                            c.str(", ");
                        }
                        c.group(Delimiter::Parenthesis, |c| {
                            c.lit(&t.key.text);
                            c.str(", ");
                            c.lit(&t.value);
                        });
                    }
                });
            }
            Setting::Expr(handle, _) => c.tokens(exprs.get(*handle)),
            _ => c.str("&[]"),
        };
        c.rt("Tags::Static");
        c.group(Delimiter::Parenthesis, |c| match base {
            // `tags: None` drops the base's tags, but not the mark of a broken base's stub (`REPORTED`), so that
            // the derived profile's assertion still knows that base's error is reported.
            Some(base) if matches!(s, Setting::Cleared(_)) => {
                c.rt("cleared_tags");
                c.group(Delimiter::Parenthesis, |c| {
                    c.str("&");
                    base(c);
                });
            }
            // A derived profile's tags layer over its base's, merged in const code (`Tags` says how).
            Some(base) => {
                let static_tags = |c: &mut Code| {
                    c.rt("static_tags");
                    c.group(Delimiter::Parenthesis, |c| {
                        c.str("&");
                        base(c);
                    });
                };
                c.str("&");
                c.rt("merge_tags::<");
                c.group(Delimiter::Brace, |c| {
                    c.rt("merged_tag_count");
                    c.group(Delimiter::Parenthesis, |c| {
                        own(c);
                        c.str(", ");
                        static_tags(c);
                    });
                });
                c.str(">");
                c.group(Delimiter::Parenthesis, |c| {
                    own(c);
                    c.str(", ");
                    static_tags(c);
                });
            }
            _ => own(c),
        });
    });
}
