//! Every key of every declaration, once: its spelling as `inference_profile!`, `#[prompt]`, `#[agent]` and the
//! declaration files write it, `FromStr`, and the suggestion for a misspelled one (`topP` -> `top_p`).
//!
//! A [`Violation`](crate::Violation) names the [`ProfileKey`] it is about; an
//! [`AgentViolation`](crate::agent::AgentViolation) the [`AgentKey`]. The macros and the file loader hold no key
//! names: they hand keys as written to the declaration layer, which looks them up here.

use core::fmt;
use core::str::FromStr;

/// A key that is not one of an enum's keys; [`UnknownKey::suggestion`] is the closest one, if any is close.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownKey {
    /// The key as written.
    pub key: String,
    /// The closest known key.
    pub suggestion: Option<&'static str>,
}

impl fmt::Display for UnknownKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown key `{}`", self.key)?;
        if let Some(s) = self.suggestion {
            write!(f, "; did you mean `{s}`?")?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownKey {}

/// Declares a key enum: `ALL`, `as_str`, `from_name`, `suggest` (explicit aliases first, then
/// [`crate::suggest::closest`]), `FromStr` and `Display`.
macro_rules! keys {
    (
        $(#[$doc:meta])*
        pub enum $name:ident {
            $($(#[$vdoc:meta])* $variant:ident = $text:literal,)*
        }
        aliases { $($alias:literal => $target:ident,)* }
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)*
        }

        impl $name {
            /// Every key, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The key as written.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }

            /// The key spelled exactly `name`.
            pub fn from_name(name: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|k| k.as_str() == name)
            }

            /// The key a misspelled or camelCase name most likely meant (`topP` -> `top_p`).
            pub fn suggest(name: &str) -> Option<$name> {
                match name {
                    $($alias => return Some($name::$target),)*
                    _ => {}
                }
                crate::suggest::closest(name, Self::ALL, |k| k.as_str())
            }

            /// Every key's spelling.
            pub fn names() -> Vec<&'static str> {
                Self::ALL.iter().map(|k| k.as_str()).collect()
            }
        }

        impl FromStr for $name {
            type Err = UnknownKey;

            fn from_str(name: &str) -> Result<Self, UnknownKey> {
                $name::from_name(name).ok_or_else(|| UnknownKey {
                    key: name.to_owned(),
                    suggestion: $name::suggest(name).map($name::as_str),
                })
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

keys! {
    /// A key of an inference profile (`inference_profile!`, a file's `profiles.<name>` table, serde).
    pub enum ProfileKey {
        /// `name`
        Name = "name",
        /// `description`
        Description = "description",
        /// `version`
        Version = "version",
        /// `model`
        Model = "model",
        /// `temperature`
        Temperature = "temperature",
        /// `top_p`
        TopP = "top_p",
        /// `top_k`
        TopK = "top_k",
        /// `max_tokens`
        MaxTokens = "max_tokens",
        /// `stop_sequences`
        StopSequences = "stop_sequences",
        /// `anthropic_version`
        AnthropicVersion = "anthropic_version",
        /// `response_format`
        ResponseFormat = "response_format",
        /// `reasoning`: `{ budget_tokens, effort, thinking, interleaved }`.
        Reasoning = "reasoning",
        /// `guardrail`: `{ id, version, trace }`.
        Guardrail = "guardrail",
        /// `tags`: the cost-allocation tags of the deployed application inference profile.
        Tags = "tags",
    }
    aliases {
        "thinking" => Reasoning,
        "reasoningConfig" => Reasoning,
        "reasoning_effort" => Reasoning,
        "guardrailConfig" => Guardrail,
        "maxTokenCount" => MaxTokens,
        "tag" => Tags,
        "Tags" => Tags,
        "max_gen_len" => MaxTokens,
        "stopSequences" => StopSequences,
        "stop" => StopSequences,
    }
}

keys! {
    /// Keys of a profile table that only files have: `extends` is their spelling of `..BASE`, `unset` (a list of
    /// keys) their spelling of `key: None` (TOML has no null).
    pub enum FileProfileKey {
        /// `extends = "base"`
        Extends = "extends",
        /// `unset = ["top_p"]`
        Unset = "unset",
    }
    aliases {
        "base" => Extends,
        "inherits" => Extends,
    }
}

keys! {
    /// A key of `response_format`'s `json_schema` (bedrock-runtime `JsonSchemaDefinition`).
    pub enum SchemaKey {
        /// `name`
        Name = "name",
        /// `description`
        Description = "description",
        /// `schema`
        Schema = "schema",
    }
    aliases {}
}

keys! {
    /// The one kind of `response_format` (bedrock-runtime `OutputFormatStructure`).
    pub enum FormatKey {
        /// `json_schema`
        JsonSchema = "json_schema",
    }
    aliases {}
}

keys! {
    /// A key of `reasoning`.
    pub enum ReasoningKey {
        /// `budget_tokens`
        BudgetTokens = "budget_tokens",
        /// `effort`
        Effort = "effort",
        /// `thinking`: `adaptive`, `off`, `between_tools`.
        Thinking = "thinking",
        /// `interleaved`
        Interleaved = "interleaved",
    }
    aliases {
        "budgetTokens" => BudgetTokens,
        "budget" => BudgetTokens,
        "maxReasoningEffort" => Effort,
        "reasoning_effort" => Effort,
        "type" => Thinking,
    }
}

keys! {
    /// A key of `guardrail` (bedrock-runtime `GuardrailConfiguration`).
    pub enum GuardrailKey {
        /// `id`
        Id = "id",
        /// `version`
        Version = "version",
        /// `trace`
        Trace = "trace",
    }
    aliases {
        "guardrailIdentifier" => Id,
        "identifier" => Id,
        "guardrailVersion" => Version,
    }
}

keys! {
    /// A key of a model the catalog does not know (`unlisted { id, max_output_tokens }`).
    pub enum UnlistedKey {
        /// `id`
        Id = "id",
        /// `max_output_tokens`
        MaxOutputTokens = "max_output_tokens",
    }
    aliases {
        "max_tokens" => MaxOutputTokens,
        "model" => Id,
    }
}

keys! {
    /// A key of a prompt (`#[prompt(...)]`, a file's `prompts.<name>` table).
    pub enum PromptKey {
        /// `name`
        Name = "name",
        /// `description`
        Description = "description",
        /// `model`
        Model = "model",
        /// `profile`
        Profile = "profile",
        /// `text`
        Text = "text",
        /// `text_file`
        TextFile = "text_file",
        /// `system`
        System = "system",
        /// `system_file`
        SystemFile = "system_file",
        /// `variant(...)` in Rust, repeated; `variants.<name>` in files.
        Variant = "variant",
    }
    aliases {
        "modelId" => Model,
        "template" => Text,
        "variants" => Variant,
    }
}

keys! {
    /// A key of a prompt variant (`variant(...)`, a file's `prompts.<name>.variants.<name>` table): what a variant
    /// may change. Its `name` is the table's name in files.
    pub enum VariantKey {
        /// `name` (Rust only)
        Name = "name",
        /// `model`
        Model = "model",
        /// `profile`
        Profile = "profile",
        /// `text`
        Text = "text",
        /// `text_file`
        TextFile = "text_file",
        /// `system`
        System = "system",
        /// `system_file`
        SystemFile = "system_file",
    }
    aliases {
        "modelId" => Model,
        "template" => Text,
    }
}

keys! {
    /// A key of an agent (`#[agent(...)]`, a file's `agents.<name>` table).
    pub enum AgentKey {
        /// `name`
        Name = "name",
        /// `description`
        Description = "description",
        /// `instruction`
        Instruction = "instruction",
        /// `instruction_file`
        InstructionFile = "instruction_file",
        /// `model`
        Model = "model",
        /// `profile`: the orchestration step's profile.
        Profile = "profile",
        /// `idle_session_ttl`
        IdleSessionTtl = "idle_session_ttl",
        /// `steps(...)`: a profile per step.
        Steps = "steps",
        /// `base_prompt_templates(...)`: a base prompt template per step (needed where a step has a profile).
        BasePromptTemplates = "base_prompt_templates",
        /// `guardrail(id = "...", version = "...")`: the agent's guardrail (`guardrailConfiguration`).
        Guardrail = "guardrail",
    }
    aliases {
        "guardrailConfiguration" => Guardrail,
        "guardrail_configuration" => Guardrail,
        // The CreateAgent field names, which are too far from the keys for a similarity match.
        "foundationModel" => Model,
        "foundation_model" => Model,
        "agentName" => Name,
        "agent_name" => Name,
        "idleSessionTTLInSeconds" => IdleSessionTtl,
        "idle_session_ttl_in_seconds" => IdleSessionTtl,
        "ttl" => IdleSessionTtl,
        "promptOverrideConfiguration" => Steps,
    }
}

keys! {
    /// The sections of a declaration file.
    pub enum SectionKey {
        /// `[profiles.<name>]`
        Profiles = "profiles",
        /// `[prompts.<name>]`
        Prompts = "prompts",
        /// `[agents.<name>]`
        Agents = "agents",
    }
    aliases {
        "profile" => Profiles,
        "prompt" => Prompts,
        "agent" => Agents,
    }
}

/// The tag of the DSL's `unlisted { ... }` model.
pub const UNLISTED: &str = "unlisted";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_round_trip() {
        for key in ProfileKey::ALL {
            assert_eq!(key.as_str().parse::<ProfileKey>(), Ok(*key));
        }
        assert_eq!(ProfileKey::suggest("topP"), Some(ProfileKey::TopP));
        assert_eq!(
            ProfileKey::suggest("temprature"),
            Some(ProfileKey::Temperature)
        );
        assert_eq!(
            ProfileKey::suggest("maxTokenCount"),
            Some(ProfileKey::MaxTokens)
        );
        assert_eq!(ProfileKey::suggest("frequency_penalty"), None);
        let error = "topP".parse::<ProfileKey>().unwrap_err();
        assert_eq!(
            error.to_string(),
            "unknown key `topP`; did you mean `top_p`?"
        );
        assert_eq!(
            UnlistedKey::suggest("max_tokens"),
            Some(UnlistedKey::MaxOutputTokens)
        );
    }
}
