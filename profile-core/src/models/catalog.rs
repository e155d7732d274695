//! Lookups over the catalog. The models themselves are generated (`generated.rs`) from the data file
//! `profile-core/catalog/models.toml`, where every figure has its source (AWS service models, AWS model cards and
//! user-guide pages, the provider's docs, maintained tables such as LiteLLM's and the AWS CDK's), and figures the
//! sources disagree on are marked unverified. Invite-only models (Claude Mythos) are not listed: name them with
//! `unlisted { ... }`.

use super::{CATALOG, Model};
use crate::const_text::str_eq;

/// The catalog entry with exactly this base id.
pub const fn get(id: &str) -> Option<&'static Model> {
    let mut i = 0;
    while i < CATALOG.len() {
        if str_eq(CATALOG[i].id, id) {
            return Some(CATALOG[i]);
        }
        i += 1;
    }
    None
}

/// The position of `model` in [`CATALOG`].
pub(crate) fn catalog_index(model: &Model) -> Option<usize> {
    CATALOG.iter().position(|m| m.id == model.id)
}
