//! The account's catalog in force while declarations are checked: the macros set it for one expansion and the
//! loader for one file ([`with_account`]); every model lookup ([`crate::models::resolve`]) and model warning
//! ([`crate::rules::model_warnings`]) on the thread then reads it.

use super::{AccountCatalog, Lifecycle};
use std::cell::RefCell;
use std::sync::Arc;

thread_local! {
    static ACCOUNT: RefCell<Option<Arc<AccountCatalog>>> = const { RefCell::new(None) };
}

/// Runs `f` with `catalog` as the account's catalog of this thread (`None`: the crate's catalog alone), then puts
/// back the one in force before, also when `f` panics.
pub fn with_account<R>(catalog: Option<Arc<AccountCatalog>>, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<Arc<AccountCatalog>>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let previous = self.0.take();
            ACCOUNT.with(|a| *a.borrow_mut() = previous);
        }
    }
    let previous = ACCOUNT.with(|a| a.replace(catalog));
    let _restore = Restore(previous);
    f()
}

/// The account's catalog in force on this thread, if any.
pub fn current() -> Option<Arc<AccountCatalog>> {
    ACCOUNT.with(|a| a.borrow().clone())
}

/// What AWS says of a model's lifecycle in the synced regions that list it as legacy or with an end of life.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountLifecycle {
    /// The regions with this answer, comma-separated (`us-east-1, us-west-2`).
    pub regions: String,
    /// `LEGACY` (or `ACTIVE` with an end of life already set).
    pub status: Lifecycle,
    /// `legacyTime` as `YYYY-MM-DD`.
    pub legacy: Option<String>,
    /// `publicExtendedAccessTime` as `YYYY-MM-DD`.
    pub extended_access: Option<String>,
    /// `endOfLifeTime` as `YYYY-MM-DD`.
    pub end_of_life: Option<String>,
}

impl AccountCatalog {
    /// Whether a synced region lists model `id` (a base model id).
    pub fn has_model(&self, id: &str) -> bool {
        self.models.get(id).is_some_and(|m| !m.regions.is_empty())
    }

    /// Whether a synced region lists the cross-region inference profile `id`.
    pub fn has_profile(&self, id: &str) -> bool {
        self.profiles
            .get(id)
            .is_some_and(|p| !p.listed_in.is_empty())
    }

    /// The cross-region inference profiles listed for model `id`, sorted.
    pub fn profiles_of(&self, id: &str) -> Vec<&str> {
        self.profiles
            .iter()
            .filter(|(_, p)| p.models.iter().any(|m| m == id))
            .map(|(profile, _)| profile.as_str())
            .collect()
    }

    /// The model's lifecycle when a synced region lists it as legacy or with an end of life: the answer of the
    /// earliest end of life (then the first region), with every region that gives that same answer. `None` when
    /// every region that lists the model lists it as active with no dates.
    pub fn lifecycle(&self, id: &str) -> Option<AccountLifecycle> {
        let model = self.models.get(id)?;
        let mut answers: Vec<(&String, &super::RegionalModel)> = model
            .regions
            .iter()
            .filter(|(_, r)| r.status == Lifecycle::Legacy || r.end_of_life.is_some())
            .collect();
        // The soonest end of life first; a region without a date after every dated one.
        answers.sort_by(|a, b| match (&a.1.end_of_life, &b.1.end_of_life) {
            (Some(x), Some(y)) => x.cmp(y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        });
        let (_, first) = *answers.first()?;
        let same = |r: &super::RegionalModel| {
            r.status == first.status
                && r.legacy == first.legacy
                && r.end_of_life == first.end_of_life
                && r.extended_access == first.extended_access
        };
        let regions: Vec<&str> = answers
            .iter()
            .filter(|(_, r)| same(r))
            .map(|(region, _)| region.as_str())
            .collect();
        Some(AccountLifecycle {
            regions: regions.join(", "),
            status: first.status,
            legacy: first.legacy.clone(),
            extended_access: first.extended_access.clone(),
            end_of_life: first.end_of_life.clone(),
        })
    }
}

/// What an unknown model's error adds: where the account's catalog would help, and whether one is in force.
pub fn sync_hint() -> String {
    match current() {
        Some(account) => format!(
            "`{}` (synced: {}) does not list it either; if your account has it since, sync again: \
             `bedrock-profiles catalog sync`",
            super::FILE_NAME,
            account.regions.join(", ")
        ),
        None if cfg!(feature = "account") => format!(
            "if your account lists it, `bedrock-profiles catalog sync --region <region>` writes `{}`, which the \
             checks then read",
            super::FILE_NAME
        ),
        None => format!(
            "if your account lists it, `bedrock-profiles catalog sync --region <region>` writes `{}`, which the \
             checks read with the `account-catalog` feature of bedrock-profiles",
            super::FILE_NAME
        ),
    }
}

/// The text of a catalog file, read as every file a declaration names is: a regular file of at most
/// [`REFERENCED_FILE_MAX_BYTES`](crate::limits::REFERENCED_FILE_MAX_BYTES), never read past that (`/dev/zero` or a
/// FIFO is an error, not an endless read). `Err` ends a sentence: "no such file", "it is not a regular file (..)".
pub fn read_text(path: &std::path::Path) -> Result<String, String> {
    crate::decl::source::read_text_file(path, crate::limits::REFERENCED_FILE_MAX_BYTES)
}

#[cfg(feature = "account")]
impl AccountCatalog {
    /// Reads and parses the catalog file at `path`: a regular file of at most
    /// [`REFERENCED_FILE_MAX_BYTES`](crate::limits::REFERENCED_FILE_MAX_BYTES), never read past that. `Err` is the
    /// message to show: the path, and for a malformed file its line, column and key.
    pub fn read(path: &std::path::Path) -> Result<AccountCatalog, String> {
        AccountCatalog::read_as(path, &path.display().to_string())
    }

    /// [`read`](AccountCatalog::read), the messages naming the file as `shown` (the macros name it as the user
    /// did, relative to the crate root).
    pub fn read_as(path: &std::path::Path, shown: &str) -> Result<AccountCatalog, String> {
        let text = read_text(path)
            .map_err(|why| format!("cannot read the account's catalog `{shown}`: {why}"))?;
        AccountCatalog::parse(&text).map_err(|e| {
            format!(
                "{shown}:{e} (the account's catalog, as `bedrock-profiles catalog sync` writes it)"
            )
        })
    }
}
