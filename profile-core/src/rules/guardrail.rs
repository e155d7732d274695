//! `guardrail`: the id and version rules of a Bedrock guardrail, and the surfaces that take one.

use super::{Surface, Violation};
use crate::const_text::{char_count, str_eq};
use crate::limits;
use crate::settings::GuardrailConfig;

/// `guardrail.id`: `[a-z0-9]+` or `arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:guardrail/[a-z0-9]+`, at
/// most 2048 characters (bedrock-runtime `GuardrailIdentifier`, bedrock-agent `GuardrailConfiguration`).
pub(crate) const fn check_guardrail_id(id: &str) -> Option<Violation<'_>> {
    let length = char_count(id);
    if length == 0 || length > limits::GUARDRAIL_ID_MAX_CHARS {
        return Some(Violation::GuardrailIdLength { found: length });
    }
    if lower_alnum(id.as_bytes(), 0) || guardrail_arn(id.as_bytes()) {
        None
    } else {
        Some(Violation::GuardrailIdPattern { found: id })
    }
}

/// Whether `bytes[from..]` is `[a-z0-9]+`.
const fn lower_alnum(bytes: &[u8], from: usize) -> bool {
    if from >= bytes.len() {
        return false;
    }
    let mut i = from;
    while i < bytes.len() {
        if !(bytes[i].is_ascii_lowercase() || bytes[i].is_ascii_digit()) {
            return false;
        }
        i += 1;
    }
    true
}

/// `arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:guardrail/[a-z0-9]+`.
const fn guardrail_arn(b: &[u8]) -> bool {
    let mut i = match expect(b, 0, b"arn:aws") {
        Some(i) => i,
        None => return false,
    };
    if i < b.len() && b[i] == b'-' {
        let start = i + 1;
        i = start;
        while i < b.len() && b[i] != b':' {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    i = match expect(b, i, b":bedrock:") {
        Some(i) => i,
        None => return false,
    };
    let start = i;
    while i < b.len() && (b[i].is_ascii_lowercase() || b[i].is_ascii_digit() || b[i] == b'-') {
        i += 1;
    }
    if i == start || i - start > 20 || i >= b.len() || b[i] != b':' {
        return false;
    }
    i += 1;
    let start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    if i - start != 12 {
        return false;
    }
    match expect(b, i, b":guardrail/") {
        Some(i) => lower_alnum(b, i),
        None => false,
    }
}

/// The index after `text` when `b[at..]` starts with it.
const fn expect(b: &[u8], at: usize, text: &[u8]) -> Option<usize> {
    if b.len() < at + text.len() {
        return None;
    }
    let mut i = 0;
    while i < text.len() {
        if b[at + i] != text[i] {
            return None;
        }
        i += 1;
    }
    Some(at + text.len())
}

/// `guardrail.version`: `DRAFT` or `[1-9][0-9]{0,7}` (bedrock-runtime `GuardrailVersion`).
pub(crate) const fn check_guardrail_version(version: &str) -> Option<Violation<'_>> {
    if str_eq(version, "DRAFT") || runtime_version(version.as_bytes()) {
        None
    } else {
        Some(Violation::GuardrailVersion {
            found: version,
            agent: false,
        })
    }
}

/// An agent's `guardrail.version`: `DRAFT` or `[0-9]{1,8}` (bedrock-agent `GuardrailVersion`, which also takes `0`
/// and leading zeros).
pub(crate) const fn check_agent_guardrail_version(version: &str) -> Option<Violation<'_>> {
    let b = version.as_bytes();
    let mut digits = !b.is_empty() && b.len() <= 8;
    let mut i = 0;
    while i < b.len() {
        digits = digits && b[i].is_ascii_digit();
        i += 1;
    }
    if str_eq(version, "DRAFT") || digits {
        None
    } else {
        Some(Violation::GuardrailVersion {
            found: version,
            agent: true,
        })
    }
}

const fn runtime_version(b: &[u8]) -> bool {
    if b.is_empty() || b.len() > 8 || b[0] == b'0' {
        return false;
    }
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            return false;
        }
        i += 1;
    }
    true
}

/// `guardrail`: the id, the version, and a surface that has a place for it (an agent's prompt overrides have none;
/// Prompt management has none either, and `CreatePrompt` leaves it out).
pub(crate) const fn check_guardrail(
    g: &GuardrailConfig,
    surface: Surface,
) -> Option<Violation<'_>> {
    if let Some(v) = check_guardrail_id(g.id()) {
        return Some(v);
    }
    if let Some(v) = check_guardrail_version(g.version()) {
        return Some(v);
    }
    if let Surface::Agent = surface {
        return Some(Violation::GuardrailOnSurface { surface });
    }
    None
}
