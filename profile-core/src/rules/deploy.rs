//! The rules of the AWS resource a profile is deployed as, an application inference profile (bedrock
//! `CreateInferenceProfile`, CloudFormation `AWS::Bedrock::ApplicationInferenceProfile`): the description's pattern,
//! the tags, and the model it copies.

use super::Violation;
use crate::const_text::Message;
use crate::const_text::str_eq;
use crate::limits;
use crate::models::{ArnResource, ModelRef, ModelTarget};
use crate::tags::Tags;

/// Why a model cannot be the source (`modelSource.copyFrom`) of an application inference profile, which copies a
/// foundation model or a cross-region (system) inference profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Undeployable {
    /// An application inference profile ARN: the resource cannot copy another application profile.
    ApplicationProfile,
    /// A provisioned model ARN.
    ProvisionedModel,
    /// A model the catalog does not know (`unlisted`): whether Bedrock has it as a foundation model is unknown.
    Unlisted,
    /// A model the catalog marks as reachable only through a cross-region profile, named by its base id.
    CrossRegionOnly,
}

impl Undeployable {
    /// What the model is, for messages: "an application inference profile ARN", ...
    pub const fn describe(self) -> &'static str {
        match self {
            Undeployable::ApplicationProfile => "an application inference profile ARN",
            Undeployable::ProvisionedModel => "a provisioned model ARN",
            Undeployable::Unlisted => "an unlisted model",
            Undeployable::CrossRegionOnly => {
                "reachable only through a cross-region profile (name it as `us.<id>`, `eu.<id>`, ...)"
            }
        }
    }
}

/// Whether `model` can be copied by an application inference profile: `None` for a foundation model that can be
/// invoked on demand and for a cross-region profile (by id or ARN).
pub const fn undeployable(model: &ModelRef) -> Option<Undeployable> {
    match model.target {
        ModelTarget::Base(entry) | ModelTarget::Arn(ArnResource::FoundationModel, entry)
            if !entry.on_demand =>
        {
            Some(Undeployable::CrossRegionOnly)
        }
        ModelTarget::Base(_) | ModelTarget::CrossRegion(..) | ModelTarget::Arn(..) => None,
        ModelTarget::OpaqueArn(ArnResource::ProvisionedModel) => {
            Some(Undeployable::ProvisionedModel)
        }
        ModelTarget::OpaqueArn(_) => Some(Undeployable::ApplicationProfile),
        ModelTarget::Unlisted(_) => Some(Undeployable::Unlisted),
    }
}

/// `tags` with `model`: a profile that declares tags is meant to be deployed, so its model must be one the resource
/// can copy.
pub(crate) const fn check_deployable(model: &ModelRef) -> Option<Violation<'_>> {
    match undeployable(model) {
        Some(reason) => Some(Violation::TagsNeedCopyableModel {
            model: model.id(),
            reason,
        }),
        None => None,
    }
}

/// `description` of a profile: the pattern `([0-9a-zA-Z:.][ _-]?)+` as a whole; the violation names the first
/// character that breaks it (an empty description is the length rule's).
pub(crate) const fn check_description_pattern(description: &str) -> Option<Violation<'_>> {
    let bytes = description.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !(b.is_ascii_alphanumeric() || b == b':' || b == b'.') {
            // Every character before `i` is ASCII, so `i + 1` is the character's position.
            return Some(Violation::DescriptionPattern {
                found: char_at(description, i),
                position: i + 1,
            });
        }
        i += 1;
        if i < bytes.len() && (bytes[i] == b' ' || bytes[i] == b'_' || bytes[i] == b'-') {
            i += 1;
        }
    }
    None
}

/// `tags` count: at most 200 (bedrock `TagList`).
pub(crate) const fn check_tag_count(count: usize) -> Option<Violation<'static>> {
    if count > limits::TAGS_MAX {
        Some(Violation::TooManyTags { found: count })
    } else {
        None
    }
}

/// `tags[index]`: a key of 1..=128 and a value of 0..=256 characters of `[a-zA-Z0-9\s._:/=+@-]`, the key not
/// reserved (`aws:` in any case) and not a repeat of an earlier key.
pub(crate) const fn check_tag(tags: &Tags, index: usize) -> Option<Violation<'_>> {
    let Some((key, value)) = tags.get(index) else {
        return None;
    };
    let length = crate::const_text::char_count(key);
    if length == 0 || length > limits::TAG_KEY_MAX_CHARS {
        return Some(Violation::TagKeyLength {
            index,
            found: length,
        });
    }
    if let Some(found) = first_non_tag_char(key) {
        return Some(Violation::TagKeyChar { index, key, found });
    }
    if starts_with_ignore_case(key, limits::TAG_RESERVED_PREFIX) {
        return Some(Violation::TagKeyReserved { index, key });
    }
    let mut first = 0;
    while first < index {
        if let Some((earlier, _)) = tags.get(first)
            && str_eq(earlier, key)
        {
            return Some(Violation::DuplicateTagKey { index, first, key });
        }
        first += 1;
    }
    let length = crate::const_text::char_count(value);
    if length > limits::TAG_VALUE_MAX_CHARS {
        return Some(Violation::TagValueLength {
            index,
            key,
            found: length,
        });
    }
    if let Some(found) = first_non_tag_char(value) {
        return Some(Violation::TagValueChar { index, key, found });
    }
    None
}

/// The first character of `text` outside `[a-zA-Z0-9\s._:/=+@-]` (`\s` as in Java: space, `\t`, `\n`, `\x0B`,
/// `\f`, `\r`).
const fn first_non_tag_char(text: &str) -> Option<&str> {
    let bytes = text.as_bytes();
    let punctuation = limits::TAG_PUNCTUATION.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let mut ok =
            b.is_ascii_alphanumeric() || matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r');
        let mut p = 0;
        while !ok && p < punctuation.len() {
            ok = punctuation[p] == b;
            p += 1;
        }
        if !ok {
            return Some(char_at(text, i));
        }
        i += 1;
    }
    None
}

/// The character starting at byte `i` of `text` (a character boundary).
const fn char_at(text: &str, i: usize) -> &str {
    let bytes = text.as_bytes();
    let width = match bytes[i] {
        0..0x80 => 1,
        0xC0..0xE0 => 2,
        0xE0..0xF0 => 3,
        _ => 4,
    };
    let end = if i + width > bytes.len() {
        bytes.len()
    } else {
        i + width
    };
    let (_, rest) = bytes.split_at(i);
    let (ch, _) = rest.split_at(end - i);
    match core::str::from_utf8(ch) {
        Ok(ch) => ch,
        Err(_) => "",
    }
}

const fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    let (t, p) = (text.as_bytes(), prefix.as_bytes());
    if t.len() < p.len() {
        return false;
    }
    let mut i = 0;
    while i < p.len() {
        if !t[i].eq_ignore_ascii_case(&p[i]) {
            return false;
        }
        i += 1;
    }
    true
}

/// The messages of this module's violations (the others go on to the reasoning rules').
pub(super) const fn write_message(v: &Violation<'_>, m: &mut Message) {
    match *v {
        Violation::TooManyTags { found } => {
            m.push_str("`tags` has ");
            m.push_usize(found);
            m.push_str(" items, but CreateInferenceProfile takes at most ");
            m.push_usize(limits::TAGS_MAX);
        }
        Violation::TagKeyLength { found, .. } => {
            m.push_str("`tags` key must be 1..=");
            m.push_usize(limits::TAG_KEY_MAX_CHARS);
            m.push_str(" characters, found ");
            m.push_usize(found);
        }
        Violation::TagKeyChar { key, found, .. } => {
            m.push_str("`tags` key ");
            m.push_quoted(key);
            m.push_str(" holds ");
            m.push_quoted(found);
            write_tag_charset(m);
        }
        Violation::TagKeyReserved { key, .. } => {
            m.push_str("`tags` key ");
            m.push_quoted(key);
            m.push_str(" starts with `");
            m.push_str(limits::TAG_RESERVED_PREFIX);
            m.push_str("`, which is reserved for AWS in any case");
        }
        Violation::DuplicateTagKey { key, .. } => {
            m.push_str("`tags` key ");
            m.push_quoted(key);
            m.push_str(" is given twice");
        }
        Violation::TagValueLength { key, found, .. } => {
            m.push_str("`tags` value of ");
            m.push_quoted(key);
            m.push_str(" must be at most ");
            m.push_usize(limits::TAG_VALUE_MAX_CHARS);
            m.push_str(" characters, found ");
            m.push_usize(found);
        }
        Violation::TagValueChar { key, found, .. } => {
            m.push_str("`tags` value of ");
            m.push_quoted(key);
            m.push_str(" holds ");
            m.push_quoted(found);
            write_tag_charset(m);
        }
        Violation::TagsNeedCopyableModel { model, reason } => {
            m.push_str("`tags` make the profile an application inference profile, which copies a foundation model or a cross-region profile, but `model` ");
            m.push_str(model);
            m.push_str(" is ");
            m.push_str(reason.describe());
        }
        _ => super::reasoning::write_message(v, m),
    }
}

/// What a tag may hold, after the character that it may not.
const fn write_tag_charset(m: &mut Message) {
    m.push_str(", which is not allowed; tag keys and values take letters, digits, whitespace and ");
    let punctuation = limits::TAG_PUNCTUATION.as_bytes();
    let mut i = 0;
    while i < punctuation.len() {
        if i > 0 {
            m.push_str(" ");
        }
        let (_, rest) = punctuation.split_at(i);
        let (one, _) = rest.split_at(1);
        if let Ok(one) = core::str::from_utf8(one) {
            m.push_str(one);
        }
        i += 1;
    }
}
