//! The kind of a declaration's problem: public as `files::ErrorKind` (a file's errors), used by the declaration layer
//! for every front end (a macro's compile errors too), so it lives outside the hidden `decl`.

/// What kind of problem a declaration has: the `kind` of a file's `files::Error` (`files::ErrorKind`).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum IssueKind {
    /// The file is not valid TOML / JSON.
    Syntax,
    /// A key the declaration does not take.
    UnknownKey {
        /// The key as written.
        key: String,
        /// The closest known key, if one is close.
        suggestion: Option<String>,
    },
    /// A key given twice.
    DuplicateKey {
        /// The key.
        key: String,
    },
    /// A required key is missing.
    MissingKey {
        /// The key.
        key: &'static str,
    },
    /// A value of the wrong type.
    Type,
    /// The model id is unknown or malformed.
    Model,
    /// `extends` names no profile of the file.
    ExtendsMissing {
        /// The name given.
        profile: String,
    },
    /// `extends` makes a cycle.
    ExtendsCycle,
    /// `profile` / a step names no profile of the file.
    ProfileMissing {
        /// The name given.
        profile: String,
    },
    /// A rule of the rulebook.
    Rule,
}
