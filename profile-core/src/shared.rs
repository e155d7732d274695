//! [`Shared`]: a text or a list that a derived profile shares with its base instead of copying it.

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// A value that derived profiles share with their base: `'static` data (what the macros write) or a
/// reference-counted value (what files and serde read), which `clone` shares rather than copies.
///
/// A file's 1,000 profiles that `extends` one base with 500 KB of stop sequences hold one copy of them, not 1,000.
/// It dereferences to the value (`&[Cow<str>]` for [`InferenceProfile::stop_sequences`](crate::InferenceProfile),
/// `&str` for [`JsonSchema::schema`](crate::JsonSchema)); build one with `From`:
///
/// ```
/// use bedrock_profiles_core::{InferenceProfile, Shared};
/// use std::borrow::Cow;
///
/// let stops: Shared<[Cow<'static, str>]> = vec![Cow::Borrowed("END")].into();
/// let profile = InferenceProfile { stop_sequences: stops, ..InferenceProfile::EMPTY };
/// assert_eq!(profile.stop_sequences().collect::<Vec<_>>(), ["END"]);
/// let derived = profile.clone(); // shares the list
/// assert_eq!(derived.stop_sequences, profile.stop_sequences);
/// ```
pub enum Shared<T: ?Sized + 'static> {
    /// Known at compile time.
    Static(&'static T),
    /// Read at run time, shared by every clone.
    Counted(Arc<T>),
}

impl<T: ?Sized> Shared<T> {
    /// The value in `const` code, where `Deref` cannot be called: only [`Shared::Static`] exists there (an `Arc`
    /// cannot be made in a `const`), so the rules' `const` evaluation reads this and their run-time callers deref.
    pub(crate) const fn as_static(&self) -> Option<&'static T> {
        match self {
            Shared::Static(value) => Some(value),
            Shared::Counted(_) => None,
        }
    }
}

impl<T: ?Sized> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        match self {
            Shared::Static(value) => value,
            Shared::Counted(value) => value,
        }
    }
}

impl<T: ?Sized> Clone for Shared<T> {
    fn clone(&self) -> Self {
        match self {
            Shared::Static(value) => Shared::Static(value),
            Shared::Counted(value) => Shared::Counted(Arc::clone(value)),
        }
    }
}

impl<T: ?Sized + PartialEq> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl<T: ?Sized + Eq> Eq for Shared<T> {}

impl<T: ?Sized + fmt::Debug> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).fmt(f)
    }
}

impl<T: ?Sized + fmt::Display> fmt::Display for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).fmt(f)
    }
}

impl<T> Default for Shared<[T]> {
    fn default() -> Self {
        Shared::Static(&[])
    }
}

impl Default for Shared<str> {
    fn default() -> Self {
        Shared::Static("")
    }
}

impl<T: ?Sized> From<&'static T> for Shared<T> {
    fn from(value: &'static T) -> Self {
        Shared::Static(value)
    }
}

impl<T> From<Vec<T>> for Shared<[T]> {
    fn from(value: Vec<T>) -> Self {
        Shared::Counted(value.into())
    }
}

impl From<String> for Shared<str> {
    fn from(value: String) -> Self {
        Shared::Counted(value.into())
    }
}

#[cfg(feature = "serde")]
impl<T: ?Sized + serde::Serialize> serde::Serialize for Shared<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(serializer)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Shared<str> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Shared::from)
    }
}

#[cfg(feature = "serde")]
impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Shared<[T]> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::<T>::deserialize(deserializer).map(Shared::from)
    }
}

#[cfg(all(test, feature = "files"))]
mod tests {
    use super::Shared;
    use crate::files::{self, Format};

    #[test]
    fn profiles_that_extend_a_base_share_its_stop_sequences_and_schema() {
        let source = "[profiles.base]\nstop_sequences = [\"END\", \"STOP\"]\n\
                      response_format = { json_schema = { name = \"s\", schema = '{\"type\": \"object\"}' } }\n\
                      [profiles.a]\nextends = \"base\"\ntemperature = 0.5\n\
                      [profiles.b]\nextends = \"a\"\n\
                      [profiles.own]\nextends = \"base\"\nstop_sequences = [\"END\", \"STOP\"]\n";
        let d = files::parse("f.toml", source, Format::Toml).unwrap();
        let stops = |key: &str| d.profile(key).unwrap().stop_sequences.clone();
        let schema = |key: &str| match &d.profile(key).unwrap().response_format {
            Some(crate::ResponseFormat::JsonSchema(s)) => s.schema.clone(),
            None => panic!("{key}: no schema"),
        };
        let same = |x: &Shared<[std::borrow::Cow<'static, str>]>,
                    y: &Shared<[std::borrow::Cow<'static, str>]>| {
            matches!((x, y), (Shared::Counted(x), Shared::Counted(y)) if std::sync::Arc::ptr_eq(x, y))
        };
        // One list, however deep the chain; a profile that writes its own list has its own (equal) one.
        assert!(same(&stops("base"), &stops("a")) && same(&stops("a"), &stops("b")));
        assert!(!same(&stops("base"), &stops("own")) && stops("base") == stops("own"));
        match (schema("base"), schema("b")) {
            (Shared::Counted(x), Shared::Counted(y)) => assert!(std::sync::Arc::ptr_eq(&x, &y)),
            other => panic!("{other:?}"),
        }
    }
}
