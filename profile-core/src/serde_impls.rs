//! serde for [`ModelRef`]: a string id (catalog id, cross-region id or ARN), or `{ id, max_output_tokens }` for a
//! model the catalog does not know yet.

use crate::models::{self, ModelRef, ModelTarget};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use std::borrow::Cow;

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

impl<'de> serde::Deserialize<'de> for ModelRef {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ModelRefVisitor)
    }
}

struct ModelRefVisitor;

impl<'de> Visitor<'de> for ModelRefVisitor {
    type Value = ModelRef;

    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("a model id, cross-region id or ARN, or { id, max_output_tokens } for an unlisted model")
    }

    fn visit_str<E: de::Error>(self, id: &str) -> Result<ModelRef, E> {
        models::resolve(id).map_err(E::custom)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ModelRef, A::Error> {
        let mut id: Option<String> = None;
        let mut max: Option<u32> = None;
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            match &*key {
                "id" if id.is_none() => id = Some(map.next_value()?),
                "max_output_tokens" if max.is_none() => max = Some(map.next_value()?),
                "id" | "max_output_tokens" => {
                    return Err(de::Error::custom(format_args!("duplicate key `{key}`")));
                }
                other => {
                    return Err(de::Error::unknown_field(
                        other,
                        &["id", "max_output_tokens"],
                    ));
                }
            }
        }
        let id = id.ok_or_else(|| de::Error::missing_field("id"))?;
        let max = max.ok_or_else(|| de::Error::missing_field("max_output_tokens"))?;
        models::unlisted_owned(id, max).map_err(de::Error::custom)
    }
}
