//! A profile's cost-allocation tags, and how a derived profile's tags layer over its base's.
//!
//! A derived profile (`..BASE` in the DSL, `extends` in files) that sets `tags` adds to and overrides its base's:
//! the result is the base's tags in their order, each with the derived profile's value where it writes the same
//! key, then the derived profile's new keys in its order. `tags: None` (files: `unset = ["tags"]`) drops them all.
//! The DSL merges in `const` code (generated code calls a hidden `const fn`), the file loader at run time
//! ([`Tags::over`]); both follow the one order above, and a test holds them to it.

use std::collections::HashMap;
use std::fmt;

/// One tag known at compile time: `(key, value)`.
pub type StaticTag = (&'static str, &'static str);

/// The cost-allocation tags of a profile, `(key, value)` in order (see the [module docs](self) for a derived
/// profile's).
///
/// The tags the macros write are [`Tags::Static`], so that a profile with tags can still be the base of another
/// `const` (rustc evaluates `..BASE` only for a base whose value it knows needs no destructor); the file loader and
/// serde give [`Tags::Owned`]. The two compare equal when they hold the same tags in the same order.
#[derive(Clone)]
pub enum Tags {
    /// Tags known at compile time.
    Static(&'static [StaticTag]),
    /// Tags read at run time.
    Owned(Vec<(String, String)>),
}

impl Tags {
    /// No tags.
    pub const NONE: Tags = Tags::Static(&[]);

    /// The number of tags.
    pub const fn len(&self) -> usize {
        match self {
            Tags::Static(tags) => tags.len(),
            Tags::Owned(tags) => tags.len(),
        }
    }

    /// Whether there are no tags.
    pub const fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The tag at `index`, if there is one.
    pub const fn get(&self, index: usize) -> Option<(&str, &str)> {
        if index >= self.len() {
            return None;
        }
        Some(match self {
            Tags::Static(tags) => tags[index],
            Tags::Owned(tags) => {
                let (key, value) = &tags.as_slice()[index];
                (key.as_str(), value.as_str())
            }
        })
    }

    /// The value of `key`, if a tag has it.
    pub fn value(&self, key: &str) -> Option<&str> {
        self.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    /// The tags as `(key, value)` string slices, in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &str)> + '_ {
        (0..self.len()).map(|i| match self.get(i) {
            Some(tag) => tag,
            None => unreachable!("index below len"),
        })
    }

    /// These tags, layered over `base`'s as a derived profile's are (see the [module docs](self)).
    ///
    /// Runs in time linear in both; a key this list repeats stays repeated, so that the rulebook reports it.
    pub fn over(&self, base: &Tags) -> Tags {
        let own: Vec<(&str, &str)> = self.iter().collect();
        let base: Vec<(&str, &str)> = base.iter().collect();
        let tags = layering(own.iter().map(|t| t.0), base.iter().map(|t| t.0))
            .into_iter()
            .map(|source| {
                let (key, value) = match source {
                    Layer::Base(b) => base[b],
                    Layer::Overridden { base: b, own: o } => (base[b].0, own[o].1),
                    Layer::Own(o) => own[o],
                };
                (key.to_owned(), value.to_owned())
            })
            .collect();
        Tags::Owned(tags)
    }
}

/// Where one tag of a derived profile's layered list comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Layer {
    /// The base's tag at this index, as it is.
    Base(usize),
    /// The base's tag at `base`, with the value of the derived profile's tag at `own`.
    Overridden {
        /// Index in the base's tags.
        base: usize,
        /// Index in the derived profile's own tags.
        own: usize,
    },
    /// The derived profile's own tag at this index, a new key (or a repeated one, kept for the rulebook).
    Own(usize),
}

/// The layered list of a derived profile with tags keyed `own` over a base's keyed `base`, by where each tag comes
/// from: the base's keys in order (the first own entry of a key overrides it in place), then every other own entry
/// in order. The one statement of the rule at run time: [`Tags::over`] builds the list from it, and the
/// declaration layer uses it to find which entry a violation of a layered tag is about. [`merge`] follows it in
/// `const` code (a proptest holds them together).
pub(crate) fn layering<'a>(
    own: impl Iterator<Item = &'a str>,
    base: impl Iterator<Item = &'a str>,
) -> Vec<Layer> {
    let own: Vec<&str> = own.collect();
    let mut first_own: HashMap<&str, usize> = HashMap::with_capacity(own.len());
    for (i, key) in own.iter().enumerate() {
        first_own.entry(key).or_insert(i);
    }
    let mut out = Vec::with_capacity(own.len());
    let mut overriding = vec![false; own.len()];
    for (b, key) in base.enumerate() {
        out.push(match first_own.get(key) {
            Some(&o) => {
                overriding[o] = true;
                Layer::Overridden { base: b, own: o }
            }
            None => Layer::Base(b),
        });
    }
    out.extend((0..own.len()).filter(|&o| !overriding[o]).map(Layer::Own));
    out
}

impl Default for Tags {
    fn default() -> Self {
        Tags::NONE
    }
}

impl PartialEq for Tags {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Eq for Tags {}

impl fmt::Debug for Tags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl From<Vec<(String, String)>> for Tags {
    fn from(tags: Vec<(String, String)>) -> Self {
        Tags::Owned(tags)
    }
}

impl From<&'static [StaticTag]> for Tags {
    fn from(tags: &'static [StaticTag]) -> Self {
        Tags::Static(tags)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::const_tags::{merge, merged_len};
    use proptest::prelude::*;

    fn leak(tags: &[(String, String)]) -> &'static [StaticTag] {
        let tags: Vec<StaticTag> = tags
            .iter()
            .map(|(k, v)| (&*k.clone().leak(), &*v.clone().leak()))
            .collect();
        tags.leak()
    }

    /// `merge` with a length known only at run time: the const fn's loops, run on a large enough array.
    fn merge_dyn(own: &'static [StaticTag], base: &'static [StaticTag]) -> Vec<StaticTag> {
        let full: [StaticTag; 16] = merge(own, base);
        full[..merged_len(own, base)].to_vec()
    }

    #[test]
    fn a_derived_profile_overrides_in_place_and_appends_new_keys() {
        let base = Tags::Static(&[("team", "search"), ("cost-center", "4711")]);
        let own = Tags::Static(&[("env", "prod"), ("cost-center", "4712")]);
        let merged = own.over(&base);
        assert_eq!(
            merged.iter().collect::<Vec<_>>(),
            [("team", "search"), ("cost-center", "4712"), ("env", "prod")]
        );
        const MERGED: [StaticTag; 3] = merge(
            &[("env", "prod"), ("cost-center", "4712")],
            &[("team", "search"), ("cost-center", "4711")],
        );
        assert_eq!(Tags::Static(&MERGED), merged);
    }

    #[test]
    fn a_repeated_own_key_stays_repeated_for_the_rulebook() {
        let base = Tags::Static(&[("team", "search")]);
        let own = Tags::Static(&[("team", "ads"), ("team", "web"), ("x", "1"), ("x", "2")]);
        assert_eq!(
            own.over(&base).iter().collect::<Vec<_>>(),
            [("team", "ads"), ("team", "web"), ("x", "1"), ("x", "2")]
        );
    }

    #[test]
    fn static_and_owned_tags_compare_by_content() {
        let owned = Tags::Owned(vec![("team".into(), "search".into())]);
        assert_eq!(owned, Tags::Static(&[("team", "search")]));
        assert_ne!(owned, Tags::NONE);
        assert_eq!(format!("{owned:?}"), r#"{"team": "search"}"#);
        assert_eq!(owned.value("team"), Some("search"));
        assert_eq!(owned.get(1), None);
    }

    proptest! {
        /// The const merge (the DSL's) and the run-time one (the file loader's) agree, keys drawn from a small set
        /// so that overrides and repeats happen.
        #[test]
        fn const_and_runtime_merges_agree(
            own in prop::collection::vec(("[a-d]", "[0-9]"), 0..6),
            base in prop::collection::vec(("[a-d]", "[0-9]"), 0..6),
        ) {
            let (own_s, base_s) = (leak(&own), leak(&base));
            let runtime = Tags::Owned(own).over(&Tags::Owned(base));
            prop_assert_eq!(Tags::Owned(
                merge_dyn(own_s, base_s).into_iter().map(|(k, v)| (k.to_owned(), v.to_owned())).collect()
            ), runtime);
        }
    }
}
