//! Where `reasoning` and `guardrail` go on the wire, for every surface.
//!
//! | model | native body / `additionalModelRequestFields` | effort |
//! |---|---|---|
//! | Claude, budget | `thinking {type: "enabled", budget_tokens}`, `anthropic_beta: ["interleaved-thinking-2025-05-14"]` | — |
//! | Claude, adaptive | `thinking {type: "adaptive"}` (`"disabled"`, `"between_tools"` for `thinking`) | Converse `outputConfig.effort`; native `output_config.effort` |
//! | Nova 2 | `reasoningConfig {type: "enabled" \| "disabled", maxReasoningEffort}` | in `reasoningConfig` |
//! | gpt-oss | `reasoning_effort` | itself |

use super::WireError;
use crate::limits::INTERLEAVED_THINKING_BETA;
use crate::models::{Effort, Reasoning, resolve};
use crate::{InferenceProfile, ModelRef};
use serde_json::{Map, Value, json};

/// A profile's reasoning for one model: the model's own request fields, and Claude's effort (which Converse takes
/// as `outputConfig.effort` and the native body as `output_config.effort`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReasoningFields {
    /// Fields of the native body (InvokeModel) or `additionalModelRequestFields` (Converse, prompt variants, agent
    /// prompt overrides).
    pub fields: Map<String, Value>,
    /// Claude's effort level.
    pub effort: Option<Effort>,
}

/// The reasoning fields of `profile` for `model_id` (the profile's own model decides when it is the same id).
pub fn reasoning_fields(
    profile: &InferenceProfile,
    model_id: &str,
) -> Result<ReasoningFields, WireError> {
    let mut out = ReasoningFields::default();
    let Some(r) = &profile.reasoning else {
        return Ok(out);
    };
    let resolved;
    let model: Option<&ModelRef> = match &profile.model {
        Some(m) if m.id() == model_id => Some(m),
        _ => {
            resolved = resolve(model_id).ok();
            resolved.as_ref()
        }
    };
    let Some(entry) = model.and_then(ModelRef::catalog_model) else {
        return Err(WireError::Unsupported {
            setting: "reasoning",
            model: model_id.to_owned(),
            reason: "the model behind this id is unknown, so the shape of its reasoning settings is unknown",
        });
    };
    let f = &mut out.fields;
    match entry.facts.reasoning {
        Reasoning::Claude(c) => {
            if let Some(budget) = r.budget_tokens {
                f.insert(
                    "thinking".into(),
                    json!({"type": "enabled", "budget_tokens": budget}),
                );
                if r.interleaved {
                    f.insert("anthropic_beta".into(), json!([INTERLEAVED_THINKING_BETA]));
                }
            } else if let Some(t) = r.thinking {
                f.insert("thinking".into(), json!({"type": t.claude_type()}));
            } else if r.effort.is_some() && c.adaptive {
                f.insert("thinking".into(), json!({"type": "adaptive"}));
            }
            out.effort = r.effort;
        }
        Reasoning::Nova => {
            let mut config = Map::new();
            let kind = if r.is_off() { "disabled" } else { "enabled" };
            config.insert("type".into(), kind.into());
            if let Some(e) = r.effort {
                config.insert("maxReasoningEffort".into(), e.as_str().into());
            }
            f.insert("reasoningConfig".into(), Value::Object(config));
        }
        Reasoning::OpenAi => {
            if let Some(e) = r.effort {
                f.insert("reasoning_effort".into(), e.as_str().into());
            }
        }
        Reasoning::None | Reasoning::AlwaysOn => {
            return Err(WireError::Unsupported {
                setting: "reasoning",
                model: model_id.to_owned(),
                reason: "the model takes no reasoning settings",
            });
        }
        Reasoning::Unknown => {
            return Err(WireError::Unsupported {
                setting: "reasoning",
                model: model_id.to_owned(),
                reason: "no source documents the model's reasoning settings on Bedrock",
            });
        }
    }
    Ok(out)
}

/// The `additionalModelRequestFields` that carry `profile`'s reasoning on a surface with no Converse fields of its
/// own (a prompt variant, an agent's prompt override); `None` without reasoning. Claude's effort has no place
/// there: a [`WireError::Unsupported`] with `no_effort` as the reason.
pub(crate) fn surface_fields(
    profile: &InferenceProfile,
    model_id: &str,
    no_effort: &'static str,
) -> Result<Option<Map<String, Value>>, WireError> {
    if profile.reasoning.is_none() {
        return Ok(None);
    }
    let reasoning = reasoning_fields(profile, model_id)?;
    if reasoning.effort.is_some() {
        return Err(WireError::Unsupported {
            setting: "reasoning.effort",
            model: model_id.to_owned(),
            reason: no_effort,
        });
    }
    Ok(Some(reasoning.fields))
}

/// Merges `extra` into `target` (objects merged key by key, so Nova's `inferenceConfig.topK` and
/// `reasoningConfig` live side by side).
pub(crate) fn merge(target: &mut Map<String, Value>, extra: Map<String, Value>) {
    for (key, value) in extra {
        match (target.get_mut(&key), value) {
            (Some(Value::Object(old)), Value::Object(new)) => merge(old, new),
            (_, value) => {
                target.insert(key, value);
            }
        }
    }
}
