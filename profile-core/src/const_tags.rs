//! Tags layered in `const` code: what a derived profile's generated `const` writes for `tags` (`..BASE` with tags
//! of its own). The run-time layering is `Tags::over`; a property test in `tags.rs` holds the two to one answer.

use crate::const_text::str_eq;
use crate::tags::{StaticTag, Tags};

/// `profile`'s tags as a `'static` slice, for a derived `const`'s [`merge`]: a `const` profile's tags are always
/// [`Tags::Static`](crate::Tags::Static) (an owned list in a `const` can only be empty).
pub const fn static_tags(profile: &crate::InferenceProfile) -> &'static [StaticTag] {
    match &profile.tags {
        Tags::Static(tags) => tags,
        Tags::Owned(_) => &[],
    }
}

/// The index of the first tag of `tags` with `key` before `end`.
const fn position(tags: &[StaticTag], key: &str, end: usize) -> Option<usize> {
    let mut i = 0;
    while i < end {
        if str_eq(tags[i].0, key) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Whether `own[index]` overrides a tag of `base` in place (it is the first own entry of a base key).
const fn overrides(own: &[StaticTag], base: &[StaticTag], index: usize) -> bool {
    let key = own[index].0;
    position(base, key, base.len()).is_some() && position(own, key, index).is_none()
}

/// How many tags [`merge`]`(own, base)` gives.
pub const fn merged_len(own: &[StaticTag], base: &[StaticTag]) -> usize {
    let mut n = base.len();
    let mut i = 0;
    while i < own.len() {
        if !overrides(own, base, i) {
            n += 1;
        }
        i += 1;
    }
    n
}

/// `own` layered over `base` in `const` code, as [`Tags::over`](crate::Tags::over) does at run time; `N` is [`merged_len`]`(own,
/// base)` (the macros write both calls).
pub const fn merge<const N: usize>(own: &[StaticTag], base: &[StaticTag]) -> [StaticTag; N] {
    let mut out: [StaticTag; N] = [("", ""); N];
    let mut i = 0;
    while i < base.len() {
        out[i] = match position(own, base[i].0, own.len()) {
            Some(j) => (base[i].0, own[j].1),
            None => base[i],
        };
        i += 1;
    }
    let mut n = base.len();
    let mut j = 0;
    while j < own.len() {
        if !overrides(own, base, j) {
            out[n] = own[j];
            n += 1;
        }
        j += 1;
    }
    out
}
