//! InvokeModel native request bodies, one shape per provider family (AWS Bedrock user guide, "Inference request
//! parameters" pages; reference section 3).
//!
//! | Provider | body |
//! |---|---|
//! | Anthropic Claude | `anthropic_version`, `max_tokens`, `system`, `messages`, `temperature`, `top_p`, `top_k`, `stop_sequences` |
//! | Amazon Nova | `schemaVersion: "messages-v1"`, `system`, `messages`, `inferenceConfig {maxTokens, temperature, topP, topK, stopSequences}` |
//! | Amazon Titan Text | `inputText`, `textGenerationConfig {maxTokenCount, temperature, topP, stopSequences}` |
//! | Meta Llama 3 | `prompt` (Llama 3 chat template), `max_gen_len`, `temperature`, `top_p` |
//! | Mistral | `prompt` (`<s>[INST] ... [/INST]`), `max_tokens`, `temperature`, `top_p`, `top_k`, `stop` |
//! | Cohere Command R | `message`, `chat_history`, `preamble`, `max_tokens`, `temperature`, `p`, `k`, `stop_sequences` |
//! | DeepSeek-R1 | `prompt`, `max_tokens`, `temperature`, `top_p`, `stop` |
//! | AI21 Jamba | `messages`, `max_tokens`, `temperature`, `top_p`, `stop` |
//! | OpenAI gpt-oss | `messages`, `max_completion_tokens`, `temperature`, `top_p`, `stop`, `reasoning_effort` (Chat Completions, model-parameters-openai.html) |

use super::{Conversation, Role, WireError, provider_of};
use crate::InferenceProfile;
use crate::const_text::f32_as_written;
use crate::limits::ANTHROPIC_VERSION;
use crate::models::Provider;
use serde_json::{Map, Value, json};

/// An InvokeModel request: the native body and the headers the profile sets (its guardrail).
#[derive(Debug, Clone, PartialEq)]
pub struct InvokeRequest {
    /// The native JSON body.
    pub body: Value,
    /// HTTP headers: `X-Amzn-Bedrock-GuardrailIdentifier`, `X-Amzn-Bedrock-GuardrailVersion`, `X-Amzn-Bedrock-Trace`
    /// (`ENABLED`, `DISABLED`, `ENABLED_FULL`), in that order.
    pub headers: Vec<(&'static str, String)>,
}

/// The guardrail header names of InvokeModel (bedrock-runtime `InvokeModelRequest`).
pub const GUARDRAIL_IDENTIFIER_HEADER: &str = "X-Amzn-Bedrock-GuardrailIdentifier";
/// `X-Amzn-Bedrock-GuardrailVersion`.
pub const GUARDRAIL_VERSION_HEADER: &str = "X-Amzn-Bedrock-GuardrailVersion";
/// `X-Amzn-Bedrock-Trace`.
pub const TRACE_HEADER: &str = "X-Amzn-Bedrock-Trace";

/// The headers of a profile's guardrail.
pub fn guardrail_headers(profile: &InferenceProfile) -> Vec<(&'static str, String)> {
    let Some(g) = &profile.guardrail else {
        return Vec::new();
    };
    let mut headers = vec![
        (GUARDRAIL_IDENTIFIER_HEADER, g.id().to_owned()),
        (GUARDRAIL_VERSION_HEADER, g.version().to_owned()),
    ];
    if let Some(trace) = g.trace {
        headers.push((TRACE_HEADER, trace.header().to_owned()));
    }
    headers
}

/// The InvokeModel request (body and headers) for `profile` and `conversation`, for `model_id` (or the profile's
/// own model when `None`).
pub fn request(
    profile: &InferenceProfile,
    model_id: Option<&str>,
    conversation: &Conversation,
) -> Result<InvokeRequest, WireError> {
    Ok(InvokeRequest {
        body: body(profile, model_id, conversation)?,
        headers: guardrail_headers(profile),
    })
}

/// The InvokeModel body for `profile` and `conversation`, for `model_id` (or the profile's own model when `None`);
/// [`request`] adds the headers.
pub fn body(
    profile: &InferenceProfile,
    model_id: Option<&str>,
    conversation: &Conversation,
) -> Result<Value, WireError> {
    let Some(model_id) = model_id.or(profile.model_id()) else {
        return Err(WireError::NoModel {
            profile: profile.name().to_owned(),
        });
    };
    // The model's limits are the same through InvokeModel; Converse is the surface whose limits are the API's.
    super::check_call(profile, model_id, None, crate::rules::Surface::Converse)?;
    let same_model = profile.model_id() == Some(model_id);
    let provider = provider_of(profile.model.as_ref().filter(|_| same_model), model_id);
    let native = Native {
        profile,
        conversation,
        model_id,
    };
    let mut b = match provider {
        Some(Provider::Anthropic) => native.anthropic()?,
        Some(Provider::AmazonNova) => native.nova(),
        Some(Provider::AmazonTitan) => native.titan()?,
        Some(Provider::Meta) => native.llama()?,
        Some(Provider::Mistral) => native.mistral(),
        Some(Provider::Cohere) => native.cohere(),
        Some(Provider::DeepSeek) => native.deepseek()?,
        Some(Provider::Ai21) => native.chat("Jamba has no top-k setting", "max_tokens")?,
        Some(Provider::OpenAi) => {
            native.chat("gpt-oss has no top-k setting", "max_completion_tokens")?
        }
        Some(Provider::Other) | None => {
            return Err(native.unsupported(
                "model",
                "the provider behind this id is unknown, so the native body's shape is unknown",
            ));
        }
    };
    let reasoning = super::reasoning::reasoning_fields(profile, model_id)?;
    super::reasoning::merge(&mut b.0, reasoning.fields);
    if let Some(effort) = reasoning.effort {
        super::reasoning::merge(
            &mut b.0,
            Map::from_iter([(
                "output_config".to_owned(),
                json!({"effort": effort.as_str()}),
            )]),
        );
    }
    Ok(Value::Object(b.0))
}

/// One InvokeModel body in a provider's native shape: one method per shape, each taking the settings that shape
/// has and refusing, with the reason, one it has no field for.
struct Native<'a> {
    profile: &'a InferenceProfile,
    conversation: &'a Conversation,
    model_id: &'a str,
}

impl Native<'_> {
    fn unsupported(&self, setting: &'static str, reason: &'static str) -> WireError {
        WireError::Unsupported {
            setting,
            model: self.model_id.to_owned(),
            reason,
        }
    }

    /// An error when the profile sets `top_k`, which the shape has no field for.
    fn no_top_k(&self, reason: &'static str) -> Result<(), WireError> {
        match self.profile.top_k {
            Some(_) => Err(self.unsupported("top_k", reason)),
            None => Ok(()),
        }
    }

    /// Anthropic's Messages API body: `max_tokens` is required.
    fn anthropic(&self) -> Result<Body, WireError> {
        let (profile, conversation) = (self.profile, self.conversation);
        let Some(max_tokens) = profile.max_tokens else {
            return Err(WireError::Missing {
                setting: "max_tokens",
                model: self.model_id.to_owned(),
            });
        };
        let mut b = Body::default();
        b.put(
            "anthropic_version",
            profile.anthropic_version().unwrap_or(ANTHROPIC_VERSION),
        );
        b.put("max_tokens", max_tokens);
        if let Some(system) = system(conversation) {
            b.put("system", system);
        }
        let messages: Vec<Value> = conversation
            .messages
            .iter()
            .map(|(role, text)| json!({"role": role, "content": [{"type": "text", "text": text}]}))
            .collect();
        b.put("messages", messages);
        b.float("temperature", profile.temperature);
        b.float("top_p", profile.top_p);
        b.opt("top_k", profile.top_k);
        b.stops("stop_sequences", profile);
        Ok(b)
    }

    /// Amazon Nova's `messages-v1` body, the settings nested in `inferenceConfig`.
    fn nova(&self) -> Body {
        let (profile, conversation) = (self.profile, self.conversation);
        let mut b = Body::default();
        b.put("schemaVersion", "messages-v1");
        if let Some(system) = system(conversation) {
            b.put("system", json!([{ "text": system }]));
        }
        let messages: Vec<Value> = conversation
            .messages
            .iter()
            .map(|(role, text)| json!({"role": role, "content": [{"text": text}]}))
            .collect();
        b.put("messages", messages);
        let mut config = Body::default();
        config.opt("maxTokens", profile.max_tokens);
        config.float("temperature", profile.temperature);
        config.float("topP", profile.top_p);
        config.opt("topK", profile.top_k);
        config.stops("stopSequences", profile);
        if !config.0.is_empty() {
            b.put("inferenceConfig", Value::Object(config.0));
        }
        b
    }

    /// Amazon Titan Text: one `inputText`, the settings in `textGenerationConfig`.
    fn titan(&self) -> Result<Body, WireError> {
        self.no_top_k("Titan Text has no top-k setting")?;
        let profile = self.profile;
        let mut b = Body::default();
        b.put("inputText", titan_prompt(self.conversation));
        let mut config = Body::default();
        config.opt("maxTokenCount", profile.max_tokens);
        config.float("temperature", profile.temperature);
        config.float("topP", profile.top_p);
        config.stops("stopSequences", profile);
        if !config.0.is_empty() {
            b.put("textGenerationConfig", Value::Object(config.0));
        }
        Ok(b)
    }

    /// Meta Llama: a prompt in Llama 3's chat format; no top-k and no stop sequences.
    fn llama(&self) -> Result<Body, WireError> {
        self.no_top_k("Llama has no top-k setting")?;
        let profile = self.profile;
        if !profile.stop_sequences.is_empty() {
            return Err(self.unsupported(
                "stop_sequences",
                "the Llama native body has no stop sequences (use Converse)",
            ));
        }
        let mut b = Body::default();
        b.put("prompt", llama3_prompt(self.conversation));
        b.opt("max_gen_len", profile.max_tokens);
        b.float("temperature", profile.temperature);
        b.float("top_p", profile.top_p);
        Ok(b)
    }

    /// Mistral's text completion body.
    fn mistral(&self) -> Body {
        let profile = self.profile;
        let mut b = Body::default();
        b.put("prompt", mistral_prompt(self.conversation));
        b.opt("max_tokens", profile.max_tokens);
        b.float("temperature", profile.temperature);
        b.float("top_p", profile.top_p);
        b.opt("top_k", profile.top_k);
        b.stops("stop", profile);
        b
    }

    /// Cohere Command R: the last user message, the rest as `chat_history`, the system text as `preamble`.
    fn cohere(&self) -> Body {
        let (profile, conversation) = (self.profile, self.conversation);
        let mut b = Body::default();
        let (history, last) = match conversation.messages.split_last() {
            Some(((Role::User, last), history)) => (history, last.as_str()),
            _ => (conversation.messages.as_slice(), ""),
        };
        b.put("message", last);
        if !history.is_empty() {
            let history: Vec<Value> = history
                .iter()
                .map(|(role, text)| {
                    let role = if *role == Role::User {
                        "USER"
                    } else {
                        "CHATBOT"
                    };
                    json!({"role": role, "message": text})
                })
                .collect();
            b.put("chat_history", history);
        }
        if let Some(system) = system(conversation) {
            b.put("preamble", system);
        }
        b.opt("max_tokens", profile.max_tokens);
        b.float("temperature", profile.temperature);
        b.float("p", profile.top_p);
        // Cohere's `k` is a float in the native body.
        if let Some(k) = profile.top_k {
            b.put("k", k as f64);
        }
        b.stops("stop_sequences", profile);
        b
    }

    /// DeepSeek-R1: a prompt in its chat format; no top-k.
    fn deepseek(&self) -> Result<Body, WireError> {
        self.no_top_k("DeepSeek-R1 has no top-k setting")?;
        let profile = self.profile;
        let mut b = Body::default();
        b.put("prompt", deepseek_prompt(self.conversation));
        b.opt("max_tokens", profile.max_tokens);
        b.float("temperature", profile.temperature);
        b.float("top_p", profile.top_p);
        b.stops("stop", profile);
        Ok(b)
    }

    /// An OpenAI-style chat body (AI21 Jamba, OpenAI gpt-oss): `messages`, the output limit under `max_tokens_key`,
    /// no top-k (`no_top_k` says why).
    fn chat(&self, no_top_k: &'static str, max_tokens_key: &str) -> Result<Body, WireError> {
        self.no_top_k(no_top_k)?;
        let profile = self.profile;
        let mut b = Body::default();
        b.put("messages", chat_messages(self.conversation));
        b.opt(max_tokens_key, profile.max_tokens);
        b.float("temperature", profile.temperature);
        b.float("top_p", profile.top_p);
        b.stops("stop", profile);
        Ok(b)
    }
}

#[derive(Default)]
struct Body(Map<String, Value>);

impl Body {
    fn put(&mut self, key: &str, value: impl Into<Value>) {
        self.0.insert(key.to_owned(), value.into());
    }

    fn opt(&mut self, key: &str, value: Option<u32>) {
        if let Some(v) = value {
            self.put(key, v);
        }
    }

    fn float(&mut self, key: &str, value: Option<f32>) {
        if let Some(v) = value {
            self.put(key, f32_as_written(v));
        }
    }

    fn stops(&mut self, key: &str, profile: &InferenceProfile) {
        if !profile.stop_sequences.is_empty() {
            self.put(key, profile.stop_sequences().collect::<Vec<_>>());
        }
    }
}

fn system(conversation: &Conversation) -> Option<&str> {
    conversation.system.as_deref().filter(|s| !s.is_empty())
}

/// Titan Text takes one text: `User: ...\nBot: ...`, ending with `Bot:` for the model to continue.
fn titan_prompt(conversation: &Conversation) -> String {
    let mut out = String::new();
    if let Some(system) = system(conversation) {
        out.push_str(system);
        out.push_str("\n\n");
    }
    for (role, text) in &conversation.messages {
        out.push_str(if *role == Role::User {
            "User: "
        } else {
            "Bot: "
        });
        out.push_str(text);
        out.push('\n');
    }
    out.push_str("Bot:");
    out
}

/// The Llama 3 chat template (model-parameters-meta.html).
fn llama3_prompt(conversation: &Conversation) -> String {
    let mut out = String::from("<|begin_of_text|>");
    let mut turn = |role: &str, text: &str| {
        out.push_str("<|start_header_id|>");
        out.push_str(role);
        out.push_str("<|end_header_id|>\n\n");
        out.push_str(text);
        out.push_str("<|eot_id|>");
    };
    if let Some(system) = system(conversation) {
        turn("system", system);
    }
    for (role, text) in &conversation.messages {
        turn(
            if *role == Role::User {
                "user"
            } else {
                "assistant"
            },
            text,
        );
    }
    out.push_str("<|start_header_id|>assistant<|end_header_id|>\n\n");
    out
}

/// Mistral instruct format: `<s>[INST] user [/INST] assistant</s>[INST] ... [/INST]`; the system prompt opens the
/// first instruction (model-parameters-mistral-text-completion.html).
fn mistral_prompt(conversation: &Conversation) -> String {
    let mut out = String::from("<s>");
    let mut first = true;
    for (role, text) in &conversation.messages {
        match role {
            Role::User => {
                out.push_str("[INST] ");
                if first && let Some(system) = system(conversation) {
                    out.push_str(system);
                    out.push_str("\n\n");
                }
                out.push_str(text);
                out.push_str(" [/INST]");
                first = false;
            }
            Role::Assistant => {
                out.push(' ');
                out.push_str(text);
                out.push_str("</s>");
            }
        }
    }
    out
}

/// DeepSeek-R1 prompt format (model-parameters-deepseek.html).
fn deepseek_prompt(conversation: &Conversation) -> String {
    let mut out = String::from("<｜begin▁of▁sentence｜>");
    if let Some(system) = system(conversation) {
        out.push_str(system);
    }
    for (role, text) in &conversation.messages {
        out.push_str(if *role == Role::User {
            "<｜User｜>"
        } else {
            "<｜Assistant｜>"
        });
        out.push_str(text);
    }
    out.push_str("<｜Assistant｜>");
    out
}

/// OpenAI-style chat messages (Jamba, gpt-oss): the system prompt first, then the conversation's turns.
fn chat_messages(conversation: &Conversation) -> Vec<Value> {
    let mut messages = Vec::new();
    if let Some(system) = system(conversation) {
        messages.push(json!({"role": "system", "content": system}));
    }
    messages.extend(
        conversation
            .messages
            .iter()
            .map(|(role, text)| json!({"role": role, "content": text})),
    );
    messages
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models;
    use std::borrow::Cow;

    fn profile(model: &str) -> InferenceProfile {
        let mut p = InferenceProfile::new("p");
        p.model = Some(models::resolve(model).unwrap());
        p.temperature = Some(0.7);
        p.top_p = Some(0.9);
        p.max_tokens = Some(512);
        p.stop_sequences = crate::Shared::Static(&[Cow::Borrowed("END")]);
        p
    }

    fn chat() -> Conversation {
        Conversation::user_text("Hi").system("Be brief")
    }

    #[test]
    fn anthropic() {
        let mut p = profile("anthropic.claude-3-haiku-20240307-v1:0");
        p.top_k = Some(40);
        assert_eq!(
            body(&p, None, &chat()).unwrap(),
            json!({
                "anthropic_version": "bedrock-2023-05-31",
                "max_tokens": 512,
                "system": "Be brief",
                "messages": [{"role": "user", "content": [{"type": "text", "text": "Hi"}]}],
                "temperature": 0.7,
                "top_p": 0.9,
                "top_k": 40,
                "stop_sequences": ["END"]
            })
        );
        p.max_tokens = None;
        assert_eq!(
            body(&p, None, &chat()).unwrap_err().to_string(),
            "the native request body of anthropic.claude-3-haiku-20240307-v1:0 requires `max_tokens`; set it in the profile"
        );
    }

    #[test]
    fn nova_nests_its_config() {
        let mut p = profile("us.amazon.nova-lite-v1:0");
        p.top_k = Some(20);
        assert_eq!(
            body(&p, None, &chat()).unwrap(),
            json!({
                "schemaVersion": "messages-v1",
                "system": [{"text": "Be brief"}],
                "messages": [{"role": "user", "content": [{"text": "Hi"}]}],
                "inferenceConfig": {"maxTokens": 512, "temperature": 0.7, "topP": 0.9, "topK": 20, "stopSequences": ["END"]}
            })
        );
    }

    #[test]
    fn titan_llama_mistral_cohere_deepseek_jamba() {
        assert_eq!(
            body(&profile("amazon.titan-text-express-v1"), None, &chat()).unwrap(),
            json!({
                "inputText": "Be brief\n\nUser: Hi\nBot:",
                "textGenerationConfig": {"maxTokenCount": 512, "temperature": 0.7, "topP": 0.9, "stopSequences": ["END"]}
            })
        );
        let mut llama = profile("meta.llama3-1-70b-instruct-v1:0");
        assert!(matches!(
            body(&llama, None, &chat()),
            Err(WireError::Unsupported {
                setting: "stop_sequences",
                ..
            })
        ));
        llama.stop_sequences = crate::Shared::default();
        assert_eq!(
            body(&llama, None, &chat()).unwrap(),
            json!({
                "prompt": "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nBe brief<|eot_id|>\
                           <|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|>\
                           <|start_header_id|>assistant<|end_header_id|>\n\n",
                "max_gen_len": 512,
                "temperature": 0.7,
                "top_p": 0.9
            })
        );
        let mut mistral = profile("mistral.mistral-7b-instruct-v0:2");
        mistral.top_k = Some(50);
        let conversation = chat().assistant("Hello!").user("Bye");
        assert_eq!(
            body(&mistral, None, &conversation).unwrap(),
            json!({
                "prompt": "<s>[INST] Be brief\n\nHi [/INST] Hello!</s>[INST] Bye [/INST]",
                "max_tokens": 512, "temperature": 0.7, "top_p": 0.9, "top_k": 50, "stop": ["END"]
            })
        );
        let mut cohere = profile("cohere.command-r-plus-v1:0");
        cohere.top_k = Some(10);
        assert_eq!(
            body(&cohere, None, &conversation).unwrap(),
            json!({
                "message": "Bye",
                "chat_history": [{"role": "USER", "message": "Hi"}, {"role": "CHATBOT", "message": "Hello!"}],
                "preamble": "Be brief",
                "max_tokens": 512, "temperature": 0.7, "p": 0.9, "k": 10.0, "stop_sequences": ["END"]
            })
        );
        assert_eq!(
            body(&profile("us.deepseek.r1-v1:0"), None, &chat()).unwrap(),
            json!({
                "prompt": "<｜begin▁of▁sentence｜>Be brief<｜User｜>Hi<｜Assistant｜>",
                "max_tokens": 512, "temperature": 0.7, "top_p": 0.9, "stop": ["END"]
            })
        );
        assert_eq!(
            body(&profile("ai21.jamba-1-5-large-v1:0"), None, &chat()).unwrap(),
            json!({
                "messages": [{"role": "system", "content": "Be brief"}, {"role": "user", "content": "Hi"}],
                "max_tokens": 512, "temperature": 0.7, "top_p": 0.9, "stop": ["END"]
            })
        );
    }

    #[test]
    fn another_model_than_the_profiles() {
        let p = profile("anthropic.claude-3-haiku-20240307-v1:0");
        let nova = body(&p, Some("amazon.nova-micro-v1:0"), &chat()).unwrap();
        assert_eq!(nova["schemaVersion"], "messages-v1");
        let opaque = body(
            &p,
            Some("arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/x"),
            &chat(),
        );
        assert!(matches!(
            opaque,
            Err(WireError::Unsupported {
                setting: "model",
                ..
            })
        ));
    }
}
