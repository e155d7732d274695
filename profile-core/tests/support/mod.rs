//! What the loader's integration tests share: a load's errors as (key path, message) pairs.

use bedrock_profiles_core::files::{Declarations, LoadError};

/// (key path, message) of each error of a load; none when the file loads.
pub fn pairs(loaded: Result<Declarations, LoadError>) -> Vec<(String, String)> {
    match loaded {
        Ok(_) => Vec::new(),
        Err(e) => e
            .errors
            .into_iter()
            .map(|e| (e.key_path, e.message))
            .collect(),
    }
}

/// (key path, message) of every error of a load that must fail.
pub fn errors(loaded: Result<Declarations, LoadError>) -> Vec<(String, String)> {
    match loaded {
        Ok(d) => panic!("expected errors, loaded {d:?}"),
        Err(_) => pairs(loaded),
    }
}
