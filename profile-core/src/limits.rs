//! Every number of the AWS service models that the rulebook enforces, once.
//!
//! A leaf module: it imports nothing, so [`crate::models`], [`crate::rules`], [`crate::prompt`], [`crate::agent`],
//! [`crate::template`], the wire formats and the front ends all read their limits from here, and every message
//! prints the constant rather than restating the number.
//!
//! Sources (botocore 1.44.8): bedrock-runtime 2023-09-30 (Converse), bedrock-agent 2023-06-05 (Prompt management,
//! Agents), bedrock 2023-04-20 (`CreateInferenceProfile`). Per-model limits live in the catalog
//! ([`crate::models::CATALOG`]), not here.

// ---- names and descriptions ----------------------------------------------------------------------------------

/// Longest profile name (bedrock `CreateInferenceProfile.inferenceProfileName`: length 1..=64, pattern
/// `([0-9a-zA-Z][ _-]?)+`).
pub const PROFILE_NAME_MAX_CHARS: usize = 64;

/// The pattern of a profile's name (bedrock `CreateInferenceProfile.inferenceProfileName`): letters and digits,
/// each followed by at most one space, `_` or `-`.
pub const PROFILE_NAME_PATTERN: &str = "([0-9a-zA-Z][ _-]?)+";

/// Most letters and digits in a prompt, variant, agent or template-variable name: the one `{1,100}` of the
/// pattern `([0-9a-zA-Z][_-]?){1,100}` (bedrock-agent `CreatePrompt.name`, `PromptVariant.name`,
/// `CreateAgent.agentName`, `PromptInputVariable.name`).
pub const NAME_MAX_ALNUM: usize = 100;

/// Longest description (bedrock `CreateInferenceProfile.description`, bedrock-agent `CreatePrompt.description`,
/// `CreateAgent.description`: length 1..=200).
pub const DESCRIPTION_MAX_CHARS: usize = 200;

/// The pattern of a profile's `description` (bedrock `CreateInferenceProfile.description`, CloudFormation
/// `AWS::Bedrock::ApplicationInferenceProfile.Description`): letters, digits, `:` and `.`, each followed by at most
/// one space, `_` or `-`.
pub const PROFILE_DESCRIPTION_PATTERN: &str = "([0-9a-zA-Z:.][ _-]?)+";

// ---- tags (application inference profiles) -------------------------------------------------------------------

/// Longest tag key (bedrock `Tag.key`, `TagKey`: length 1..=128).
pub const TAG_KEY_MAX_CHARS: usize = 128;

/// Longest tag value (bedrock `Tag.value`, `TagValue`: length 0..=256).
pub const TAG_VALUE_MAX_CHARS: usize = 256;

/// The characters a tag key or value may hold besides ASCII letters, digits and whitespace (bedrock `TagKey` and
/// `TagValue` pattern `[a-zA-Z0-9\s._:/=+@-]*`).
pub const TAG_PUNCTUATION: &str = "._:/=+@-";

/// The reserved tag-key prefix, in any case (AWS Billing, "User-defined tag restrictions": `aws:` is reserved for
/// AWS-generated tags).
pub const TAG_RESERVED_PREFIX: &str = "aws:";

/// Most tags of one request (bedrock `CreateInferenceProfile.tags`, `TagList`: 0..=200 items). AWS's general
/// tagging guide allows 50 user tags per resource; Bedrock's own limit found in its service model is this one.
pub const TAGS_MAX: usize = 200;

/// Unverified: most user tags per resource in AWS's general guidance (AWS Billing, "User-defined tag
/// restrictions", docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/allocation-tag-restrictions.html: 50), which
/// Bedrock's tagging page defers to, against [`TAGS_MAX`] in Bedrock's service model. No Bedrock page says which
/// one applies to an application inference profile, so more than this many is a warning, never an error.
pub const TAGS_PER_RESOURCE_UNVERIFIED: usize = 50;

// ---- models --------------------------------------------------------------------------------------------------

/// Longest model id (bedrock-runtime `ConverseRequest.modelId`, bedrock-agent `PromptVariant.modelId`,
/// `CreateAgent.foundationModel`: length 1..=2048).
pub const MODEL_ID_MAX_CHARS: usize = 2048;

// ---- inference settings --------------------------------------------------------------------------------------

/// The only `anthropic_version` Bedrock accepts (model-parameters-anthropic-claude-messages-request-response.html).
pub const ANTHROPIC_VERSION: &str = "bedrock-2023-05-31";

/// `temperature` on every surface (bedrock-runtime `InferenceConfiguration.temperature`, bedrock-agent
/// `PromptModelInferenceConfiguration.temperature` and `InferenceConfiguration.temperature`: 0..=1); a model may
/// raise the minimum (the catalog's `min_temperature`).
pub const TEMPERATURE_RANGE: (f32, f32) = (0.0, 1.0);

/// `top_p` on every surface (`InferenceConfiguration.topP` of the three surfaces: 0..=1).
pub const TOP_P_RANGE: (f32, f32) = (0.0, 1.0);

/// Default and widest top-k range: Anthropic `top_k` 0..=500, Nova `topK` 0..=500, bedrock-agent
/// `InferenceConfiguration.topK` 0..=500.
pub const TOP_K_RANGE: (u32, u32) = (0, 500);

/// Most output tokens any request can ask for: Converse `InferenceConfiguration.maxTokens`, Prompt management
/// `PromptModelInferenceConfiguration.maxTokens` and Agents `InferenceConfiguration.maximumLength` are 32-bit
/// integers (`"type": "integer"`), so nothing above `i32::MAX` can be sent, whatever the model.
pub const MAX_TOKENS_MAX: u32 = i32::MAX as u32;

/// Most stop sequences of a Converse request (bedrock-runtime `InferenceConfiguration.stopSequences`: 0..=2500
/// items).
pub const CONVERSE_STOP_SEQUENCES_MAX: u32 = 2500;

/// Most stop sequences of a Prompt management variant or an agent prompt override (bedrock-agent
/// `PromptModelInferenceConfiguration.stopSequences`, `InferenceConfiguration.stopSequences`: 0..=4 items).
pub const AGENT_PROMPT_STOP_SEQUENCES_MAX: u32 = 4;

/// Smallest Claude thinking budget (`thinking.budget_tokens` >= 1024: anthropic-sdk-python
/// `ThinkingConfigEnabledParam`, "Must be >=1024 and less than max_tokens").
pub const THINKING_BUDGET_MIN: u32 = 1024;

/// `top_p` with Claude thinking on: absent or 0.95..=1 (Anthropic extended-thinking "feature compatibility"; the
/// AWS page says thinking is "not compatible" with top_p: the sources disagree, so the wider rule is kept).
pub const THINKING_TOP_P_RANGE: (f32, f32) = (0.95, 1.0);

/// Interleaved thinking's beta flag, sent in the body as `anthropic_beta` (AWS extended-thinking page).
pub const INTERLEAVED_THINKING_BETA: &str = "interleaved-thinking-2025-05-14";

// ---- guardrails ----------------------------------------------------------------------------------------------

/// Longest guardrail id or ARN (bedrock-runtime `GuardrailIdentifier`, bedrock-agent
/// `GuardrailConfiguration.guardrailIdentifier`: length 0..=2048; an empty id is refused here, since an empty
/// identifier means "no request guardrail").
pub const GUARDRAIL_ID_MAX_CHARS: usize = 2048;

// ---- prompts -------------------------------------------------------------------------------------------------

/// Most distinct input variables of one variant (`TextPromptTemplateConfiguration.inputVariables`,
/// `ChatPromptTemplateConfiguration.inputVariables`: 0..=20 items).
pub const PROMPT_VARIABLES_MAX: usize = 20;

/// Variants one `CreatePrompt` request takes (`CreatePrompt.variants`: a list of at most 1 item). A prompt with
/// several variants is sent as one request per variant.
pub const VARIANTS_PER_REQUEST: usize = 1;

// ---- agents --------------------------------------------------------------------------------------------------

/// Allowed length in characters of an agent step's base prompt template (bedrock-agent's `BasePromptTemplate`,
/// `PromptConfiguration.basePromptTemplate`: 1..=100000 in the service model).
pub const BASE_PROMPT_TEMPLATE_CHARS: (usize, usize) = (1, 100_000);

/// Allowed instruction length in characters (`CreateAgent.instruction`: 40..=4000).
pub const INSTRUCTION_CHARS: (usize, usize) = (40, 4000);

/// Allowed idle session timeout in seconds (`CreateAgent.idleSessionTTLInSeconds`: 60..=5400).
pub const IDLE_SESSION_TTL_SECONDS: (u32, u32) = (60, 5400);

// ---- request metadata ----------------------------------------------------------------------------------------

/// Most `requestMetadata` entries (bedrock-runtime `RequestMetadata`: a map of 1..=16).
pub const METADATA_MAX_ENTRIES: usize = 16;

/// Longest `requestMetadata` key (`RequestMetadataKeyString`: 1..=256).
pub const METADATA_KEY_MAX_CHARS: usize = 256;

/// Longest `requestMetadata` value (`RequestMetadataValueString`: 0..=256).
pub const METADATA_VALUE_MAX_CHARS: usize = 256;

// ---- our own bounds ------------------------------------------------------------------------------------------

/// Largest declaration file the loader reads (64 MiB). Not a Bedrock limit: declarations are a few kilobytes, and
/// reading stops here rather than running out of memory on `/dev/zero` or a runaway generated file.
pub const DECLARATION_FILE_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Largest file a declaration names (`text_file`, `system_file`, `instruction_file`) that the macros and the
/// loader read: the declaration file's limit, for the same reason. Only regular files are read (a device such as
/// `/dev/zero` or a FIFO is refused before it is opened), and reading stops one byte past the limit.
pub const REFERENCED_FILE_MAX_BYTES: u64 = DECLARATION_FILE_MAX_BYTES;

/// Deepest nesting of arrays and objects accepted in a JSON schema text and in a JSON declaration file. Not a
/// Bedrock limit: serde_json's default recursion limit, so that whatever we accept, serde_json reads too.
pub const JSON_MAX_DEPTH: usize = 128;
