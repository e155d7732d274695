//! The account's catalog for the macros: `bedrock-catalog.toml` at the crate root (the directory of its
//! `Cargo.toml`), or the file that `BEDROCK_PROFILES_CATALOG` names (relative to the crate root). Every macro runs
//! its checks with it in force ([`bedrock_profiles_core::models::account::with_account`]); without the file
//! nothing changes.
//!
//! The file is parsed once per version of it and process (rustc runs every expansion of a crate in one process),
//! and the output of each expansion includes it with `include_bytes!`, so that cargo rebuilds the crate when the
//! file changes. A malformed file is one compile error at the macro call, naming the file, line, column and key.

use bedrock_profiles_core::models::account::{self, AccountCatalog};
use proc_macro2::{Literal, Span, TokenStream};
use quote::quote_spanned;
use std::path::PathBuf;
use std::sync::Arc;

/// The environment variable that names another catalog file than the crate root's `bedrock-catalog.toml`.
const ENV: &str = account::ENV_VAR;

/// The file last parsed in this process: its path, modification time and length, and what it holds.
#[cfg(feature = "account")]
type Cached = (
    PathBuf,
    Option<std::time::SystemTime>,
    u64,
    Arc<AccountCatalog>,
);

#[cfg(feature = "account")]
static CACHE: std::sync::Mutex<Option<Cached>> = std::sync::Mutex::new(None);

/// The catalog file in force and what it holds.
struct Account {
    path: PathBuf,
    catalog: Arc<AccountCatalog>,
}

/// What the macros find.
enum Found {
    /// No catalog file.
    Nothing,
    /// A catalog, read.
    #[cfg_attr(not(feature = "account"), allow(dead_code))]
    Catalog(Account),
    /// A catalog file, not read: the `account` feature is off (it is named as the user did).
    #[cfg_attr(feature = "account", allow(dead_code))]
    Unread(String),
}

/// The catalog file, if one is in force: `Err` is the message of the compile error.
fn load() -> Result<Found, String> {
    let root = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from);
    let named = std::env::var_os(ENV).filter(|v| !v.is_empty());
    let path = match (&named, &root) {
        (Some(named), Some(root)) => root.join(named),
        (Some(named), None) => PathBuf::from(named),
        (None, Some(root)) => root.join(account::FILE_NAME),
        (None, None) => return Ok(Found::Nothing),
    };
    // Messages name the file as the user did: the variable's value, or the default name at the crate root.
    let shown = match &named {
        Some(named) => named.to_string_lossy().into_owned(),
        None => account::FILE_NAME.to_owned(),
    };
    let meta = match std::fs::metadata(&path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && named.is_none() => {
            return Ok(Found::Nothing);
        }
        Err(e) => {
            return Err(format!(
                "cannot read the account's catalog `{shown}` ({ENV}, relative to the crate's Cargo.toml): {e}"
            ));
        }
    };
    if !meta.is_file() {
        return Err(format!(
            "the account's catalog `{shown}` is not a regular file"
        ));
    }
    #[cfg(not(feature = "account"))]
    return Ok(Found::Unread(shown));
    #[cfg(feature = "account")]
    read(path, shown, &meta)
}

/// The catalog at `path`, from the cache when the file is unchanged.
#[cfg(feature = "account")]
fn read(path: PathBuf, shown: String, meta: &std::fs::Metadata) -> Result<Found, String> {
    let modified = meta.modified().ok();
    let mut cache = CACHE
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some((cached, time, len, catalog)) = cache.as_ref()
        && *cached == path
        && *time == modified
        && *len == meta.len()
        && modified.is_some()
    {
        return Ok(Found::Catalog(Account {
            path,
            catalog: Arc::clone(catalog),
        }));
    }
    let catalog = AccountCatalog::read_as(&path, &shown)?;
    let catalog = Arc::new(catalog);
    *cache = Some((path.clone(), modified, meta.len(), Arc::clone(&catalog)));
    Ok(Found::Catalog(Account { path, catalog }))
}

/// Runs `expand` with the account's catalog in force. `expand` gets the tokens that make cargo rebuild when the
/// catalog changes (an item, `const _: .. = include_bytes!(..);`, which is also a statement of a block: empty
/// without a catalog) and places them where an item can stand. A catalog that cannot be read or parsed is an
/// error at `span`, and the expansion then runs without it, so that its items exist and add no errors of their
/// own beyond what the crate's catalog refuses.
pub fn expand(span: Span, expand: impl FnOnce(&TokenStream) -> TokenStream) -> TokenStream {
    match load() {
        Err(message) => {
            let message = Literal::string(&message);
            let out = account::with_account(None, || expand(&TokenStream::new()));
            quote_spanned!(span=> ::core::compile_error!(#message); #out)
        }
        Ok(Found::Nothing) => account::with_account(None, || expand(&TokenStream::new())),
        Ok(Found::Unread(shown)) => {
            let warning = crate::emit::warning(
                span,
                &format!(
                    "`{shown}` (your account's catalog) is not read: turn on the `account-catalog` feature of \
                     bedrock-profiles (or `files`) to check models against it"
                ),
            );
            let item = quote_spanned!(span=> const _: () = { #warning };);
            account::with_account(None, || expand(&item))
        }
        Ok(Found::Catalog(Account { path, catalog })) => {
            let file = Literal::string(&path.to_string_lossy());
            let env = Literal::string(ENV);
            let track = quote_spanned! {span=>
                const _: (&[u8], ::core::option::Option<&str>) =
                    (::core::include_bytes!(#file), ::core::option_env!(#env));
            };
            account::with_account(Some(catalog), || expand(&track))
        }
    }
}

/// [`expand`] for a macro whose output stands where items do (an attribute's item and impls, `include_profiles!`):
/// the tokens that track the catalog follow the output.
pub fn items(expand_items: impl FnOnce() -> TokenStream) -> TokenStream {
    expand(Span::call_site(), |track| {
        let mut out = expand_items();
        out.extend(track.clone());
        out
    })
}
