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
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

/// The environment variable that names another catalog file than the crate root's `bedrock-catalog.toml`.
pub const ENV: &str = "BEDROCK_PROFILES_CATALOG";

/// The file last parsed in this process: its path, modification time and length, and what it holds.
type Cached = (PathBuf, Option<SystemTime>, u64, Arc<AccountCatalog>);

static CACHE: Mutex<Option<Cached>> = Mutex::new(None);

/// The catalog file in force and what it holds.
struct Account {
    path: PathBuf,
    catalog: Arc<AccountCatalog>,
}

/// The catalog file, if one is in force: `Err` is the message of the compile error.
fn load() -> Result<Option<Account>, String> {
    let root = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from);
    let named = std::env::var_os(ENV).filter(|v| !v.is_empty());
    let path = match (&named, &root) {
        (Some(named), Some(root)) => root.join(named),
        (Some(named), None) => PathBuf::from(named),
        (None, Some(root)) => root.join(account::FILE_NAME),
        (None, None) => return Ok(None),
    };
    // Messages name the file as the user did: the variable's value, or the default name at the crate root.
    let shown = match &named {
        Some(named) => named.to_string_lossy().into_owned(),
        None => account::FILE_NAME.to_owned(),
    };
    let meta = match std::fs::metadata(&path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && named.is_none() => return Ok(None),
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
        return Ok(Some(Account {
            path,
            catalog: Arc::clone(catalog),
        }));
    }
    let catalog = AccountCatalog::read_as(&path, &shown)?;
    let catalog = Arc::new(catalog);
    *cache = Some((path.clone(), modified, meta.len(), Arc::clone(&catalog)));
    Ok(Some(Account { path, catalog }))
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
        Ok(None) => account::with_account(None, || expand(&TokenStream::new())),
        Ok(Some(Account { path, catalog })) => {
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
