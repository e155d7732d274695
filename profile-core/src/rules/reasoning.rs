//! The reasoning, sampling-policy and guardrail rules: `reasoning` against the model's reasoning mode
//! ([`crate::models::Reasoning`]), sampling with thinking on, the "defaults only" sampling of Claude Opus 4.7 and
//! later, and `guardrail`'s id and version.
//!
//! Sources: Anthropic's `ThinkingConfigEnabledParam`, the AWS extended- and adaptive-thinking pages, the Amazon Nova 2
//! user guide, model-parameters-openai, and bedrock-runtime `OutputConfig.effort`.

use super::{Key, Violation};
use crate::const_text::Message;
use crate::limits;
use crate::models::{Budget, ClaudeThinking, Effort, Efforts, ModelRef, Off, Reasoning, Sampling};
use crate::profile::InferenceProfile;
use crate::settings::{ReasoningConfig, Thinking};

/// The first reasoning key written, for "does not take reasoning settings".
const fn first_field(r: &ReasoningConfig) -> &'static str {
    if r.budget_tokens.is_some() {
        "budget_tokens"
    } else if r.effort.is_some() {
        "effort"
    } else if r.thinking.is_some() {
        "thinking"
    } else {
        "interleaved"
    }
}

const fn reasoning_of(model: &ModelRef) -> Option<Reasoning> {
    match model.catalog_model() {
        Some(m) => Some(m.facts.reasoning),
        None => None,
    }
}

/// `reasoning` against the model's reasoning mode, then `budget_tokens` against `max_tokens`.
pub(crate) const fn check_reasoning<'a>(
    r: &ReasoningConfig,
    profile: &InferenceProfile,
    model: Option<&'a ModelRef>,
) -> Option<Violation<'a>> {
    if r.budget_tokens.is_none() && r.effort.is_none() && r.thinking.is_none() && !r.interleaved {
        return Some(Violation::ReasoningEmpty);
    }
    if let Some(budget) = r.budget_tokens
        && budget < limits::THINKING_BUDGET_MIN
    {
        return Some(Violation::BudgetTooSmall { found: budget });
    }
    if r.interleaved && r.budget_tokens.is_none() {
        return Some(Violation::InterleavedWithoutBudget);
    }
    if let (Some(_), Some(found)) = (r.budget_tokens, r.thinking) {
        return Some(Violation::ThinkingWithBudget { found });
    }
    if let (Some(found), Some(thinking)) = (r.effort, r.thinking)
        && found.needs_thinking()
        && !matches!(thinking, Thinking::Adaptive)
    {
        return Some(Violation::EffortNeedsThinking { found, thinking });
    }
    let Some(model) = model else {
        return check_budget(r, profile);
    };
    let id = model.id();
    let Some(mode) = reasoning_of(model) else {
        return Some(Violation::ReasoningUnknownModel { model: id });
    };
    let found = match mode {
        Reasoning::None => Some(Violation::ReasoningUnsupported {
            model: id,
            field: first_field(r),
        }),
        Reasoning::AlwaysOn => Some(Violation::AlwaysReasons {
            model: id,
            field: first_field(r),
        }),
        Reasoning::Unknown => Some(Violation::ReasoningUndocumented { model: id }),
        Reasoning::Nova | Reasoning::OpenAi => check_effort_only(r, mode, id),
        Reasoning::Claude(c) => check_claude(r, c, id),
    };
    if found.is_some() {
        return found;
    }
    check_budget(r, profile)
}

/// Nova 2 and gpt-oss: `effort` (low, medium, high); Nova may turn reasoning off.
const fn check_effort_only<'a>(
    r: &ReasoningConfig,
    mode: Reasoning,
    model: &'a str,
) -> Option<Violation<'a>> {
    if r.budget_tokens.is_some() {
        return Some(Violation::BudgetUnsupported {
            model,
            efforts: mode.efforts(),
        });
    }
    if let Some(found) = r.effort
        && !mode.efforts().has(found)
    {
        return Some(Violation::EffortLevel {
            model,
            found,
            accepted: mode.efforts(),
        });
    }
    match (r.thinking, mode) {
        (Some(Thinking::Off), Reasoning::Nova) if r.effort.is_some() => {
            Some(Violation::EffortWithThinkingOff { model })
        }
        (Some(Thinking::Off), Reasoning::Nova) | (None, _) => None,
        (Some(Thinking::Off), _) => Some(Violation::ThinkingAlwaysOn {
            model,
            alternative: "`effort: \"low\"` (the lightest reasoning it does)",
        }),
        (Some(found), _) => Some(Violation::ThinkingUnsupported { model, found }),
    }
}

/// Claude: budget or adaptive thinking, the model's effort levels, turning thinking off.
const fn check_claude<'a>(
    r: &ReasoningConfig,
    c: ClaudeThinking,
    model: &'a str,
) -> Option<Violation<'a>> {
    if r.budget_tokens.is_some() {
        if matches!(c.budget, Budget::Unsupported) {
            return Some(Violation::BudgetUnsupported {
                model,
                efforts: c.efforts,
            });
        }
        if r.interleaved && !c.interleaved {
            return Some(Violation::InterleavedUnsupported { model });
        }
        if r.effort.is_some() && c.adaptive {
            return Some(Violation::BudgetWithEffort { model });
        }
    }
    if let Some(found) = r.effort {
        if c.efforts.is_empty() {
            return Some(Violation::EffortUnsupported { model });
        }
        if !c.efforts.has(found) {
            return Some(Violation::EffortLevel {
                model,
                found,
                accepted: c.efforts,
            });
        }
    }
    match r.thinking {
        Some(Thinking::Off) => match c.off {
            Off::Never { alternative } => Some(Violation::ThinkingAlwaysOn { model, alternative }),
            Off::Allowed => None,
        },
        Some(Thinking::Adaptive) if !c.adaptive => Some(Violation::ThinkingUnsupported {
            model,
            found: Thinking::Adaptive,
        }),
        Some(Thinking::BetweenTools) if !c.between_tools => Some(Violation::ThinkingUnsupported {
            model,
            found: Thinking::BetweenTools,
        }),
        _ => None,
    }
}

/// `budget_tokens` less than `max_tokens`, unless interleaved.
const fn check_budget<'a>(
    r: &ReasoningConfig,
    profile: &InferenceProfile,
) -> Option<Violation<'a>> {
    let Some(budget) = r.budget_tokens else {
        return None;
    };
    match profile.max_tokens {
        None => Some(Violation::BudgetNeedsMaxTokens),
        Some(max_tokens) if budget >= max_tokens && !r.interleaved => {
            Some(Violation::BudgetNotBelowMaxTokens { budget, max_tokens })
        }
        Some(_) => None,
    }
}

/// Whether Claude thinks with these settings (budget, adaptive with effort, or `thinking: "adaptive"`).
const fn claude_thinks(r: &ReasoningConfig, c: ClaudeThinking) -> bool {
    match r.thinking {
        Some(Thinking::Off) => false,
        Some(_) => true,
        None => r.budget_tokens.is_some() || (r.effort.is_some() && c.adaptive),
    }
}

/// Sampling with reasoning on: Claude thinking (temperature absent or 1, top_p absent or 0.95..=1, no top_k) and
/// Nova 2 reasoning (no temperature, no top_p, no `max_tokens` at `high`). `key` is the setting checked.
pub(crate) const fn check_reasoning_sampling<'a>(
    profile: &InferenceProfile,
    model: Option<&'a ModelRef>,
    key: Key,
) -> Option<Violation<'a>> {
    let (Some(r), Some(model)) = (&profile.reasoning, model) else {
        return None;
    };
    let Some(entry) = model.catalog_model() else {
        return None;
    };
    match entry.facts.reasoning {
        Reasoning::Claude(c) if claude_thinks(r, c) => {
            // The defaults-only models have stricter rules of their own.
            if let Sampling::DefaultsOnly { .. } = entry.facts.sampling {
                return None;
            }
            match key {
                Key::Temperature => match profile.temperature {
                    Some(found) if found != 1.0 => Some(Violation::ThinkingTemperature { found }),
                    _ => None,
                },
                Key::TopP => match profile.top_p {
                    Some(found)
                        if !(found >= limits::THINKING_TOP_P_RANGE.0
                            && found <= limits::THINKING_TOP_P_RANGE.1) =>
                    {
                        Some(Violation::ThinkingTopP { found })
                    }
                    _ => None,
                },
                Key::TopK if profile.top_k.is_some() => Some(Violation::ThinkingTopK),
                _ => None,
            }
        }
        Reasoning::Nova if !r.is_off() && r.effort.is_some() => match key {
            Key::Temperature if profile.temperature.is_some() => {
                Some(Violation::NovaReasoningSampling {
                    model: model.id(),
                    key,
                })
            }
            Key::TopP if profile.top_p.is_some() => Some(Violation::NovaReasoningSampling {
                model: model.id(),
                key,
            }),
            Key::MaxTokens
                if profile.max_tokens.is_some() && matches!(r.effort, Some(Effort::High)) =>
            {
                Some(Violation::NovaHighMaxTokens { model: model.id() })
            }
            _ => None,
        },
        _ => None,
    }
}

/// The sampling policy of models that take defaults only (Claude Opus 4.7 and later): `key` is the setting checked.
pub(crate) const fn check_sampling_policy<'a>(
    profile: &InferenceProfile,
    model: Option<&'a ModelRef>,
    key: Key,
) -> Option<Violation<'a>> {
    let Some(model) = model else {
        return None;
    };
    let Some(entry) = model.catalog_model() else {
        return None;
    };
    let Sampling::DefaultsOnly { top_p } = entry.facts.sampling else {
        return None;
    };
    let id = model.id();
    match key {
        Key::Temperature => match profile.temperature {
            Some(found) if found != 1.0 => {
                Some(Violation::DefaultsOnlyTemperature { model: id, found })
            }
            _ => None,
        },
        Key::TopP => match (profile.top_p, top_p) {
            (Some(found), Some((lo, hi))) if found >= lo && found <= hi => None,
            (Some(found), range) => Some(Violation::DefaultsOnlyTopP {
                model: id,
                found,
                range,
            }),
            (None, _) => None,
        },
        Key::TopK if profile.top_k.is_some() => Some(Violation::DefaultsOnlyTopK { model: id }),
        _ => None,
    }
}

const fn push_efforts(m: &mut Message, efforts: Efforts) {
    let mut i = 0;
    let mut first = true;
    while i < Effort::ALL.len() {
        if efforts.has(Effort::ALL[i]) {
            if !first {
                m.push_str(", ");
            }
            m.push_str(Effort::ALL[i].as_str());
            first = false;
        }
        i += 1;
    }
}

const fn push_f32_range(m: &mut Message, range: (f32, f32)) {
    m.push_f32(range.0);
    if range.1 != range.0 {
        m.push_str("..=");
        m.push_f32(range.1);
    }
}

/// The messages of this module's violations.
pub(super) const fn write_message(v: &Violation<'_>, m: &mut Message) {
    match *v {
        Violation::ReasoningUnsupported { model, field } => {
            m.push_str("`reasoning.");
            m.push_str(field);
            m.push_str("`: ");
            m.push_str(model);
            m.push_str(" does not take reasoning settings");
        }
        Violation::AlwaysReasons { model, field } => {
            m.push_str("`reasoning.");
            m.push_str(field);
            m.push_str("`: ");
            m.push_str(model);
            m.push_str(" always reasons and takes no reasoning settings; leave `reasoning` out");
        }
        Violation::ReasoningUnknownModel { model } => {
            m.push_str("`reasoning` cannot be sent through ");
            m.push_str(model);
            m.push_str(": its shape depends on the model, which the catalog does not know; name a catalog model");
        }
        Violation::ReasoningUndocumented { model } => {
            m.push_str("`reasoning` cannot be sent to ");
            m.push_str(model);
            m.push_str(
                ": the sources say it reasons, but none documents which reasoning settings it takes on Bedrock; \
                 leave `reasoning` out (the model uses its default)",
            );
        }
        Violation::ReasoningEmpty => m.push_str(
            "`reasoning` sets nothing; give `budget_tokens`, `effort` or `thinking`, or leave it out",
        ),
        Violation::BudgetUnsupported { model, efforts } => {
            m.push_str("`reasoning.budget_tokens` is not supported by ");
            m.push_str(model);
            m.push_str("; it takes `effort` (");
            push_efforts(m, efforts);
            m.push_str(")");
        }
        Violation::EffortUnsupported { model } => {
            m.push_str("`reasoning.effort` is not supported by ");
            m.push_str(model);
            m.push_str("; it takes `budget_tokens`");
        }
        Violation::EffortLevel {
            model,
            found,
            accepted,
        } => {
            m.push_str("`reasoning.effort` ");
            m.push_quoted(found.as_str());
            m.push_str(" is not accepted by ");
            m.push_str(model);
            m.push_str("; it takes ");
            push_efforts(m, accepted);
        }
        Violation::BudgetTooSmall { found } => {
            m.push_str("`reasoning.budget_tokens` must be at least ");
            m.push_u64(limits::THINKING_BUDGET_MIN as u64);
            m.push_str(", found ");
            m.push_u64(found as u64);
        }
        Violation::BudgetNeedsMaxTokens => m.push_str(
            "`reasoning.budget_tokens` needs `max_tokens`: the thinking budget must be less than it",
        ),
        Violation::BudgetNotBelowMaxTokens { budget, max_tokens } => {
            m.push_str("`reasoning.budget_tokens` ");
            m.push_u64(budget as u64);
            m.push_str(" must be less than `max_tokens` ");
            m.push_u64(max_tokens as u64);
            m.push_str(" (or set `interleaved: true`, where the budget spans a whole turn)");
        }
        Violation::InterleavedWithoutBudget => {
            m.push_str("`reasoning.interleaved` only applies with `budget_tokens`")
        }
        Violation::InterleavedUnsupported { model } => {
            m.push_str("`reasoning.interleaved` is not supported by ");
            m.push_str(model);
            m.push_str(" (interleaved thinking needs Claude 4 or later)");
        }
        Violation::BudgetWithEffort { model } => {
            m.push_str("`reasoning.budget_tokens` and `effort` cannot both be set for ");
            m.push_str(model);
            m.push_str(", where `effort` means adaptive thinking; keep one of them");
        }
        Violation::ThinkingWithBudget { found } => {
            m.push_str("`reasoning.thinking` ");
            m.push_quoted(found.as_str());
            m.push_str(" cannot be set with `budget_tokens`, which turns budget thinking on");
        }
        Violation::ThinkingUnsupported { model, found } => {
            m.push_str("`reasoning.thinking` ");
            m.push_quoted(found.as_str());
            m.push_str(" is not supported by ");
            m.push_str(model);
        }
        Violation::ThinkingAlwaysOn { model, alternative } => {
            m.push_str("`reasoning.thinking` \"off\": ");
            m.push_str(model);
            m.push_str(" always thinks and cannot turn it off; use ");
            m.push_str(alternative);
        }
        Violation::EffortNeedsThinking { found, thinking } => {
            m.push_str("`reasoning.effort` ");
            m.push_quoted(found.as_str());
            m.push_str(" needs thinking on; with `thinking: ");
            m.push_quoted(thinking.as_str());
            m.push_str("` effort is capped at \"high\"");
        }
        Violation::EffortWithThinkingOff { model } => {
            m.push_str("`reasoning.effort` sets how hard ");
            m.push_str(model);
            m.push_str(" reasons, which `thinking: \"off\"` turns off; keep one of them");
        }
        Violation::ThinkingTemperature { found } => {
            m.push_str("`temperature` must be absent or 1 when thinking is on (`reasoning`), found ");
            m.push_f32(found);
        }
        Violation::ThinkingTopP { found } => {
            m.push_str("`top_p` must be absent or within ");
            push_f32_range(m, limits::THINKING_TOP_P_RANGE);
            m.push_str(" when thinking is on (`reasoning`), found ");
            m.push_f32(found);
        }
        Violation::ThinkingTopK => {
            m.push_str("`top_k` cannot be set when thinking is on (`reasoning`); leave it out")
        }
        Violation::NovaReasoningSampling { model, key } => {
            m.push_str("`");
            m.push_str(key.as_str());
            m.push_str("` cannot be set when ");
            m.push_str(model);
            m.push_str(" reasons (`reasoning.effort`); leave it out");
        }
        Violation::NovaHighMaxTokens { model } => {
            m.push_str("`max_tokens` cannot be set when ");
            m.push_str(model);
            m.push_str(" reasons at effort \"high\"; leave it out");
        }
        Violation::DefaultsOnlyTemperature { model, found } => {
            m.push_str("`temperature` must be absent or 1 for ");
            m.push_str(model);
            m.push_str(", which takes no sampling settings, found ");
            m.push_f32(found);
        }
        Violation::DefaultsOnlyTopP {
            model,
            found,
            range,
        } => {
            m.push_str("`top_p` must be absent");
            if let Some(range) = range {
                m.push_str(" or ");
                push_f32_range(m, range);
            }
            m.push_str(" for ");
            m.push_str(model);
            m.push_str(", which takes no sampling settings, found ");
            m.push_f32(found);
        }
        Violation::DefaultsOnlyTopK { model } => {
            m.push_str("`top_k` is not accepted by ");
            m.push_str(model);
            m.push_str(", which takes no sampling settings");
        }
        Violation::GuardrailIdLength { found } => {
            m.push_str("`guardrail.id` must be 1..=");
            m.push_usize(limits::GUARDRAIL_ID_MAX_CHARS);
            m.push_str(" characters, found ");
            m.push_usize(found);
        }
        Violation::GuardrailIdPattern { found } => {
            m.push_str("`guardrail.id` must be a guardrail id ([a-z0-9]+) or a guardrail ARN (arn:aws:bedrock:<region>:<account>:guardrail/<id>), found ");
            m.push_quoted(found);
        }
        Violation::GuardrailVersion { found, agent } => {
            m.push_str("`guardrail.version` must be \"DRAFT\" or a version number (");
            m.push_str(if agent { "[0-9]{1,8}" } else { "[1-9][0-9]{0,7}" });
            m.push_str("), found ");
            m.push_quoted(found);
        }
        Violation::GuardrailOnSurface { surface } => {
            m.push_str("`guardrail` has no place in a request to ");
            m.push_str(surface.name());
            m.push_str("'s prompt overrides; set the guardrail on the agent (`guardrail(id = \"...\", version = \"...\")`)");
        }
        _ => {}
    }
}
