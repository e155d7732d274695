//! The fields of a model invocation log record that the report reads: ONE list of JSON paths that the local reader
//! walks and that the Logs Insights and Athena emitters turn into query text, so the three cannot drift apart.
//!
//! A record, as Bedrock writes it to S3 or CloudWatch Logs (`schemaType` `ModelInvocationLog`, `schemaVersion`
//! `1.0`), looks like this (bodies shortened):
//!
//! ```json
//! {"schemaType": "ModelInvocationLog", "schemaVersion": "1.0", "timestamp": "2025-04-09T23:00:17Z",
//!  "accountId": "123456789012", "region": "us-east-1", "requestId": "915a6a04-...", "operation": "Converse",
//!  "modelId": "anthropic.claude-3-haiku-20240307-v1:0",
//!  "input": {"inputContentType": "application/json", "inputBodyJson": {"messages": []}, "inputTokenCount": 35},
//!  "output": {"outputContentType": "application/json", "outputBodyJson": {"output": {}, "stopReason": "end_turn",
//!             "metrics": {"latencyMs": 3640}, "usage": {"inputTokens": 35, "outputTokens": 446}},
//!             "outputTokenCount": 446},
//!  "requestMetadata": {"bedrock-profile": "support", "bedrock-profile-version": "4"}}
//! ```
//!
//! A failed call carries `errorCode` (`ThrottlingException`, `ValidationException`, ...) and no output.

use bedrock_profiles::wire::converse::{PROFILE_NAME_KEY, PROFILE_VERSION_KEY};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// What a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A string (numbers are read as their text).
    Text,
    /// A non-negative integer (a fractional number is truncated).
    Count,
}

/// One field the report reads: a name and the JSON paths it may be found at, first present wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// The column name in the emitted queries.
    pub name: &'static str,
    /// The paths, in order of preference.
    pub paths: &'static [&'static [&'static str]],
    /// The value's kind.
    pub kind: Kind,
}

/// Index of `timestamp` in [`FIELDS`].
pub const TIMESTAMP: usize = 0;
/// Index of `operation` in [`FIELDS`].
pub const OPERATION: usize = 1;
/// Index of `modelId` in [`FIELDS`].
pub const MODEL: usize = 2;
/// Index of the profile name in [`FIELDS`].
pub const PROFILE: usize = 3;
/// Index of the profile version in [`FIELDS`].
pub const VERSION: usize = 4;
/// Index of the input token count in [`FIELDS`].
pub const INPUT_TOKENS: usize = 5;
/// Index of the output token count in [`FIELDS`].
pub const OUTPUT_TOKENS: usize = 6;
/// Index of the Converse latency in [`FIELDS`].
pub const LATENCY_MS: usize = 7;
/// Index of the stop reason in [`FIELDS`].
pub const STOP_REASON: usize = 8;
/// Index of the error code in [`FIELDS`].
pub const ERROR_CODE: usize = 9;

/// Every field the report reads, at its index constant.
pub const FIELDS: [Field; 10] = [
    Field {
        name: "timestamp",
        paths: &[&["timestamp"]],
        kind: Kind::Text,
    },
    Field {
        name: "operation",
        paths: &[&["operation"]],
        kind: Kind::Text,
    },
    Field {
        name: "model",
        paths: &[&["modelId"]],
        kind: Kind::Text,
    },
    Field {
        name: "profile",
        paths: &[&["requestMetadata", PROFILE_NAME_KEY]],
        kind: Kind::Text,
    },
    Field {
        name: "version",
        paths: &[&["requestMetadata", PROFILE_VERSION_KEY]],
        kind: Kind::Text,
    },
    Field {
        name: "input_tokens",
        paths: &[
            &["input", "inputTokenCount"],
            &["output", "outputBodyJson", "usage", "inputTokens"],
        ],
        kind: Kind::Count,
    },
    Field {
        name: "output_tokens",
        paths: &[
            &["output", "outputTokenCount"],
            &["output", "outputBodyJson", "usage", "outputTokens"],
        ],
        kind: Kind::Count,
    },
    Field {
        name: "latency_ms",
        paths: &[&["output", "outputBodyJson", "metrics", "latencyMs"]],
        kind: Kind::Count,
    },
    Field {
        name: "stop_reason",
        // Converse (and Nova's native body) say `stopReason`; Anthropic's, Llama's and Mistral's `stop_reason`.
        paths: &[
            &["output", "outputBodyJson", "stopReason"],
            &["output", "outputBodyJson", "stop_reason"],
        ],
        kind: Kind::Text,
    },
    Field {
        name: "error_code",
        paths: &[&["errorCode"]],
        kind: Kind::Text,
    },
];

/// Stop reasons that mean the response was cut off by `max_tokens` (Converse `max_tokens`; native `length`).
pub const TRUNCATED_STOP_REASONS: &[&str] = &["max_tokens", "length"];
/// Stop reasons that mean the model or a guardrail refused.
pub const REFUSED_STOP_REASONS: &[&str] = &["guardrail_intervened", "content_filtered"];
/// The error code of a throttled call.
pub const THROTTLED: &str = "ThrottlingException";

/// The largest number a record may give at a path the report reads (a token count, milliseconds): 2^40, about
/// 1.1e12. A record with a larger one (`1e30`, `18446744073709551616`) is malformed, skipped with a warning that
/// names it, never silently saturated; this also bounds a quantile sketch's buckets.
pub const COUNT_MAX: u64 = 1 << 40;

fn too_large<E: de::Error>(v: impl fmt::Display) -> E {
    E::custom(format_args!(
        "the number {v} is above {COUNT_MAX} (2^40), the most a count or a latency can be"
    ))
}

/// A value read at a field's path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scalar {
    /// A string, or a number of a `Text` field as text.
    Text(String),
    /// A number of a `Count` field.
    Count(u64),
}

/// The values of one record, by field index.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Values {
    values: [Option<Scalar>; FIELDS.len()],
    ranks: [u8; FIELDS.len()],
}

impl Values {
    /// Takes the text of a field out.
    pub fn take_text(&mut self, field: usize) -> Option<String> {
        match self.values[field].take() {
            Some(Scalar::Text(s)) => Some(s),
            Some(Scalar::Count(n)) => Some(n.to_string()),
            None => None,
        }
    }

    /// The number of a field.
    pub fn count(&self, field: usize) -> Option<u64> {
        match &self.values[field] {
            Some(Scalar::Count(n)) => Some(*n),
            Some(Scalar::Text(s)) => s.parse().ok(),
            None => None,
        }
    }

    fn set(&mut self, field: usize, rank: u8, value: Scalar) {
        if self.values[field].is_none() || rank < self.ranks[field] {
            self.values[field] = Some(value);
            self.ranks[field] = rank;
        }
    }
}

/// One path of one field.
#[derive(Debug, Clone, Copy)]
struct Leaf {
    field: usize,
    rank: u8,
    path: &'static [&'static str],
}

/// Reads the [`FIELDS`] of a JSON record in one pass, skipping everything else without building it.
#[derive(Debug, Clone)]
pub struct Extractor {
    leaves: Vec<Leaf>,
}

impl Default for Extractor {
    fn default() -> Self {
        Self::new()
    }
}

impl Extractor {
    /// An extractor for [`FIELDS`].
    pub fn new() -> Self {
        let leaves: Vec<Leaf> = FIELDS
            .iter()
            .enumerate()
            .flat_map(|(field, f)| {
                f.paths.iter().enumerate().map(move |(rank, path)| Leaf {
                    field,
                    rank: rank as u8,
                    path,
                })
            })
            .collect();
        assert!(leaves.len() <= 32, "at most 32 paths fit the path mask");
        Self { leaves }
    }

    /// The values of one line of JSON; an error when it is not one JSON object.
    pub fn extract(&self, line: &str) -> Result<Values, serde_json::Error> {
        let mut values = Values::default();
        let mut de = serde_json::Deserializer::from_str(line);
        let all = if self.leaves.len() == 32 {
            u32::MAX
        } else {
            (1u32 << self.leaves.len()) - 1
        };
        Node {
            ex: self,
            depth: 0,
            mask: all,
            out: &mut values,
        }
        .deserialize(&mut de)?;
        de.end()?;
        Ok(values)
    }

    fn matching(&self, mask: u32, depth: usize, key: &str) -> u32 {
        let mut out = 0;
        let mut m = mask;
        while m != 0 {
            let i = m.trailing_zeros() as usize;
            m &= m - 1;
            if self.leaves[i].path.get(depth) == Some(&key) {
                out |= 1 << i;
            }
        }
        out
    }
}

/// An object (or anything else, ignored) at `depth` below the root, holding the paths in `mask`.
struct Node<'a> {
    ex: &'a Extractor,
    depth: usize,
    mask: u32,
    out: &'a mut Values,
}

impl<'de> DeserializeSeed<'de> for Node<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(mask) = map.next_key_seed(Key {
            ex: self.ex,
            depth: self.depth,
            mask: self.mask,
        })? {
            if mask == 0 {
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            let leaf = mask_iter(mask).find(|&i| self.ex.leaves[i].path.len() == self.depth + 1);
            match leaf {
                Some(_) => {
                    if let Some(value) = map.next_value_seed(ScalarSeed)? {
                        for i in mask_iter(mask) {
                            let l = self.ex.leaves[i];
                            if l.path.len() == self.depth + 1 {
                                let v = match (FIELDS[l.field].kind, &value) {
                                    (Kind::Text, Scalar::Count(n)) => Scalar::Text(n.to_string()),
                                    (Kind::Count, Scalar::Text(s)) => match s.parse::<u64>() {
                                        Ok(n) if n > COUNT_MAX => {
                                            return Err(too_large(n));
                                        }
                                        Ok(n) => Scalar::Count(n),
                                        Err(_) => continue,
                                    },
                                    _ => value.clone(),
                                };
                                self.out.set(l.field, l.rank, v);
                            }
                        }
                    }
                }
                None => map.next_value_seed(Node {
                    ex: self.ex,
                    depth: self.depth + 1,
                    mask,
                    out: &mut *self.out,
                })?,
            }
        }
        Ok(())
    }

    // Below the root, a path that meets something other than an object simply is not there.
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        if self.depth == 0 {
            return Err(de::Error::invalid_type(de::Unexpected::Seq, &self));
        }
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(())
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<(), E> {
        self.scalar(de::Unexpected::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<(), E> {
        self.scalar(de::Unexpected::Signed(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<(), E> {
        self.scalar(de::Unexpected::Unsigned(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<(), E> {
        self.scalar(de::Unexpected::Float(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        self.scalar(de::Unexpected::Str(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.scalar(de::Unexpected::Unit)
    }
}

impl Node<'_> {
    fn scalar<E: de::Error>(&self, found: de::Unexpected) -> Result<(), E> {
        if self.depth == 0 {
            Err(E::invalid_type(found, self))
        } else {
            Ok(())
        }
    }
}

fn mask_iter(mask: u32) -> impl Iterator<Item = usize> {
    let mut m = mask;
    std::iter::from_fn(move || {
        (m != 0).then(|| {
            let i = m.trailing_zeros() as usize;
            m &= m - 1;
            i
        })
    })
}

/// A map key: which of the paths in `mask` continue through it.
struct Key<'a> {
    ex: &'a Extractor,
    depth: usize,
    mask: u32,
}

impl<'de> DeserializeSeed<'de> for Key<'_> {
    type Value = u32;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<u32, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key<'_> {
    type Value = u32;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_str<E: de::Error>(self, key: &str) -> Result<u32, E> {
        Ok(self.ex.matching(self.mask, self.depth, key))
    }
}

/// A leaf value: a string or a number; `None` for anything else (null, objects, arrays).
struct ScalarSeed;

impl<'de> DeserializeSeed<'de> for ScalarSeed {
    type Value = Option<Scalar>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Option<Scalar>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ScalarSeed {
    type Value = Option<Scalar>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string or a number")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(Scalar::Text(v.to_owned())))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        if v > COUNT_MAX {
            return Err(too_large(v));
        }
        Ok(Some(Scalar::Count(v)))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        match u64::try_from(v) {
            Ok(v) => self.visit_u64(v),
            Err(_) => Ok(None),
        }
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        if v.is_finite() && v > COUNT_MAX as f64 {
            return Err(too_large(v));
        }
        Ok((v.is_finite() && v >= 0.0).then_some(Scalar::Count(v as u64)))
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(None)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_first_present_path_and_skips_the_rest() {
        let ex = Extractor::new();
        let mut v = ex
            .extract(
                r#"{"modelId":"m","input":{"inputBodyJson":{"modelId":"x"}},
                   "output":{"outputBodyJson":{"usage":{"inputTokens":7,"outputTokens":9},"stop_reason":"length",
                   "stopReason":"max_tokens"},"outputTokenCount":10},
                   "requestMetadata":{"bedrock-profile":"p","bedrock-profile-version":4}}"#,
            )
            .unwrap();
        assert_eq!(v.take_text(MODEL).as_deref(), Some("m"));
        assert_eq!(v.count(INPUT_TOKENS), Some(7));
        assert_eq!(v.count(OUTPUT_TOKENS), Some(10));
        assert_eq!(v.take_text(STOP_REASON).as_deref(), Some("max_tokens"));
        assert_eq!(v.take_text(VERSION).as_deref(), Some("4"));
        assert_eq!(v.take_text(PROFILE).as_deref(), Some("p"));
        assert_eq!(v.count(LATENCY_MS), None);
    }

    #[test]
    fn only_an_object_is_a_record() {
        let ex = Extractor::new();
        assert!(ex.extract("[1]").is_err());
        assert!(ex.extract("\"x\"").is_err());
        assert!(ex.extract("{\"modelId\": ").is_err());
        assert!(ex.extract("{} {}").is_err());
        assert!(ex.extract(r#"{"output": null, "input": [1]}"#).is_ok());
    }
}
