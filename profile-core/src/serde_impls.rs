//! serde for the runtime types. Serialization writes the DSL's key names; deserialization of an
//! [`InferenceProfile`] and a [`ModelRef`] goes through the declaration layer, so a value read by serde passes the
//! same key lookup, type reading and rules as one read by the macros or the file loader, with the same messages.

use crate::decl::{self, Entry, Issues, Name, Node, ProfileDecl, Raw, Setting, Syntax};
use crate::models::{ModelRef, ModelTarget};
use crate::profile::InferenceProfile;
use crate::rules::Surface;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};

impl serde::Serialize for ModelRef {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.target {
            ModelTarget::Unlisted(limits) => {
                let mut map = serializer.serialize_map(Some(2))?;
                map.serialize_entry("id", self.id())?;
                map.serialize_entry("max_output_tokens", &limits.max_output_tokens)?;
                map.end()
            }
            _ => serializer.serialize_str(self.id()),
        }
    }
}

/// Any self-describing serde value as a declaration node (no locations: serde reports its own).
struct RawNode(Node<()>);

fn node(value: Raw<()>) -> RawNode {
    RawNode(Node { value, loc: () })
}

impl<'de> serde::Deserialize<'de> for RawNode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = RawNode;

    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("a value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<RawNode, E> {
        Ok(node(Raw::Bool(v)))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawNode, E> {
        Ok(node(Raw::Int(Some(i128::from(v)), v.to_string())))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawNode, E> {
        Ok(node(Raw::Int(Some(i128::from(v)), v.to_string())))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<RawNode, E> {
        Ok(node(Raw::Int(Some(v), v.to_string())))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawNode, E> {
        Ok(node(Raw::Float(v, v.to_string())))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<RawNode, E> {
        Ok(node(Raw::Str(v.to_owned())))
    }

    fn visit_none<E: de::Error>(self) -> Result<RawNode, E> {
        Ok(node(Raw::Null))
    }

    fn visit_unit<E: de::Error>(self) -> Result<RawNode, E> {
        Ok(node(Raw::Null))
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<RawNode, D::Error> {
        deserializer.deserialize_any(RawVisitor)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawNode, A::Error> {
        let mut items = Vec::new();
        while let Some(RawNode(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(node(Raw::List(items)))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawNode, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let RawNode(value) = map.next_value()?;
            entries.push(Entry {
                key: Name::new(key, ()),
                value,
            });
        }
        Ok(node(Raw::Table(entries)))
    }
}

/// The issues as one serde error: `path: message` each, joined by `; `.
fn error<E: de::Error>(issues: Issues<()>) -> E {
    let text: Vec<String> = issues
        .list
        .into_iter()
        .map(|i| {
            if i.path.is_empty() {
                i.message
            } else {
                format!("`{}`: {}", i.path, i.message)
            }
        })
        .collect();
    E::custom(text.join("; "))
}

impl<'de> serde::Deserialize<'de> for ModelRef {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let RawNode(node) = RawNode::deserialize(deserializer)?;
        let mut issues = Issues::new();
        match decl::read_model(&node, Syntax::Serde, &mut issues) {
            Setting::Set(model, ()) if issues.is_empty() => Ok(model),
            _ => Err(error(issues)),
        }
    }
}

impl<'de> serde::Deserialize<'de> for InferenceProfile {
    /// Reads a profile like the file loader reads a `profiles.<name>` table (without `extends`, which needs the
    /// other profiles): unknown keys, wrong types and every rule for Converse are errors. `name` is required.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let RawNode(node) = RawNode::deserialize(deserializer)?;
        let Raw::Table(entries) = &node.value else {
            return Err(de::Error::custom(format_args!(
                "an inference profile is a map of settings, found {}",
                node.value.describe(Syntax::Serde)
            )));
        };
        let mut issues = Issues::new();
        let d = ProfileDecl::read(Name::new("", ()), entries, None, Syntax::Serde, &mut issues);
        if d.name.is_unset() {
            return Err(de::Error::missing_field("name"));
        }
        if !issues.is_empty() {
            return Err(error(issues));
        }
        let profile = d.check(None, Surface::Converse, Syntax::Serde, &mut issues);
        if issues.is_empty() {
            Ok(profile)
        } else {
            Err(error(issues))
        }
    }
}
