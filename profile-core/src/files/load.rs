//! Reading a declaration file: the size limit, UTF-8, a byte-order mark, then the declaration layer
//! (`read::decode`). `bedrock-profiles check` and `include_profiles!` both come through here.

use super::{Declarations, ErrorKind, Format, LineIndex, LoadError, read};
use std::path::{Path, PathBuf};

/// Why a file could not be loaded.
#[derive(Debug)]
#[non_exhaustive]
pub enum FileError {
    /// The file could not be read.
    Io {
        /// The file.
        file: PathBuf,
        /// The error.
        error: std::io::Error,
    },
    /// The file is larger than [`crate::limits::DECLARATION_FILE_MAX_BYTES`]; it was not read to its end.
    TooLarge {
        /// The file.
        file: PathBuf,
        /// The limit in bytes.
        limit: u64,
    },
    /// The file breaks rules.
    Invalid(LoadError),
}

impl core::fmt::Display for FileError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            FileError::Io { file, error } => write!(f, "cannot read `{}`: {error}", file.display()),
            FileError::TooLarge { file, limit } => write!(
                f,
                "`{}` is larger than {} MiB, more than any declaration file needs; it was not read",
                file.display(),
                limit / (1024 * 1024)
            ),
            FileError::Invalid(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for FileError {}

/// Reads and checks a file (JSON for `.json`, TOML otherwise).
pub fn load(path: impl AsRef<Path>) -> Result<Declarations, FileError> {
    load_inner(path.as_ref(), None)
}

/// [`load`] with [`parse_with_variable_rule`]'s rule: how `include_profiles!` reads a file, with the same size
/// limit, UTF-8 check and rules as `bedrock-profiles check`. Not public API.
#[doc(hidden)]
pub fn load_with_variable_rule(
    path: impl AsRef<Path>,
    variable: &dyn Fn(&str, &str) -> Option<String>,
) -> Result<Declarations, FileError> {
    load_inner(path.as_ref(), Some(variable))
}

fn load_inner(
    path: &Path,
    variables: Option<read::VariableRule<'_>>,
) -> Result<Declarations, FileError> {
    let io = |error| FileError::Io {
        file: path.to_owned(),
        error,
    };
    // Pipes are read too (`check <(generate)`); an endless one is refused at the limit.
    let limit = crate::limits::DECLARATION_FILE_MAX_BYTES;
    let Some(bytes) = std::fs::File::open(path)
        .and_then(|file| crate::decl::source::read_at_most(file, limit))
        .map_err(io)?
    else {
        return Err(FileError::TooLarge {
            file: path.to_owned(),
            limit,
        });
    };
    parse_bytes_inner(path, &bytes, Format::of(path), variables).map_err(FileError::Invalid)
}

/// Checks the bytes of a file: UTF-8 (an invalid byte is an error at its offset), one leading byte-order mark
/// ignored in both formats; `path` is only used in messages.
pub fn parse_bytes(
    path: impl AsRef<Path>,
    bytes: &[u8],
    format: Format,
) -> Result<Declarations, LoadError> {
    parse_bytes_inner(path.as_ref(), bytes, format, None)
}

fn parse_bytes_inner(
    path: &Path,
    bytes: &[u8],
    format: Format,
    variables: Option<read::VariableRule<'_>>,
) -> Result<Declarations, LoadError> {
    match std::str::from_utf8(bytes) {
        Ok(source) => parse_inner(path, source, format, variables),
        Err(e) => {
            // The valid prefix is the source shown; the error points just past it.
            let valid = e.valid_up_to();
            let source = String::from_utf8_lossy(&bytes[..valid]).into_owned();
            let index = LineIndex::new(&source);
            let message = format!(
                "the file is not UTF-8 text: invalid byte 0x{:02x} at byte offset {valid}",
                bytes[valid]
            );
            let error = index.error(ErrorKind::Syntax, String::new(), valid..valid, message);
            Err(LoadError {
                file: path.to_owned(),
                source,
                errors: vec![error],
            })
        }
    }
}

/// Checks the text of a file; `path` is only used in messages.
pub fn parse(
    path: impl AsRef<Path>,
    source: &str,
    format: Format,
) -> Result<Declarations, LoadError> {
    parse_inner(path.as_ref(), source, format, None)
}

/// [`parse`] with one more rule on each prompt's variables, for `include_profiles!` (each variable becomes a
/// field of a generated struct): `variable(table, name)` says why `name` cannot be a variable of prompt
/// `table`, as the end of a sentence starting with the variable; the error is at the template, like the
/// template's own errors. Not public API.
#[doc(hidden)]
pub fn parse_with_variable_rule(
    path: impl AsRef<Path>,
    source: &str,
    format: Format,
    variable: &dyn Fn(&str, &str) -> Option<String>,
) -> Result<Declarations, LoadError> {
    parse_inner(path.as_ref(), source, format, Some(variable))
}

fn parse_inner(
    path: &Path,
    source: &str,
    format: Format,
    variables: Option<read::VariableRule<'_>>,
) -> Result<Declarations, LoadError> {
    // A byte-order mark (which some editors write) is not part of the text, in TOML as in JSON. It is blanked
    // rather than cut so that every byte offset stays the file's own.
    let unmarked;
    let source = match source.strip_prefix('\u{feff}') {
        Some(rest) => {
            unmarked = format!("{}{rest}", " ".repeat('\u{feff}'.len_utf8()));
            unmarked.as_str()
        }
        None => source,
    };
    read::decode(path, source, format, variables).map_err(|errors| LoadError {
        file: path.to_owned(),
        source: source.to_owned(),
        errors,
    })
}
