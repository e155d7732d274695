//! Templates and instructions read from files, for every front end: one reader, one line-break policy.

use super::read::Reader;
use super::{IssueKind, Node, Raw, Setting};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

/// Where a front end reads the files a declaration names (`text_file`, `system_file`, `instruction_file`): the
/// macros relative to the crate's `Cargo.toml` (and they track each file so that editing it rebuilds), the file
/// loader relative to the declaration file.
pub trait Sources {
    /// The text of the file at `path` (as written in the declaration), its final line break dropped
    /// ([`drop_final_line_break`]), or why it cannot be read. Shared: a file that many declarations name is read
    /// and held once.
    fn read(&mut self, path: &str) -> Result<Arc<str>, String>;

    /// What paths are relative to, for messages: "the crate's Cargo.toml".
    fn base(&self) -> String;

    /// The rules of a template as `part`, for `text` read by [`Sources::read`] from `path`: applied once however
    /// many declarations name the file (1,000 prompts naming one 1 MB file checked it 1,000 times).
    fn checked(
        &mut self,
        _path: &str,
        text: &str,
        part: crate::prompt::Part,
    ) -> Arc<TemplateCheck> {
        Arc::new(TemplateCheck::of(text, part))
    }
}

/// What a template's own rules say of it: its errors (each a message without the file's name), and its distinct
/// variables in order of first use when it has none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateCheck {
    /// The messages of the template's violations; empty when it is valid.
    pub errors: Vec<String>,
    /// The distinct variables, in order of first use (empty when it has errors).
    pub variables: Vec<String>,
}

impl TemplateCheck {
    /// Applies the template rules of `part` to `text`.
    pub fn of(text: &str, part: crate::prompt::Part) -> TemplateCheck {
        match crate::prompt::check_template(part, text) {
            Ok(template) => TemplateCheck {
                errors: Vec::new(),
                variables: template
                    .variables()
                    .into_iter()
                    .map(str::to_owned)
                    .collect(),
            },
            Err(found) => TemplateCheck {
                errors: found.iter().map(ToString::to_string).collect(),
                variables: Vec::new(),
            },
        }
    }
}

/// Reads no file: for declarations that cannot name one.
pub struct NoSources;

impl Sources for NoSources {
    fn read(&mut self, _path: &str) -> Result<Arc<str>, String> {
        Err("files cannot be read here".to_owned())
    }

    fn base(&self) -> String {
        "nothing".to_owned()
    }
}

/// Files relative to a directory: the macros' crate directory (its `Cargo.toml`'s), the file loader's declaration
/// file's.
pub struct Relative {
    /// The directory, or why there is none.
    dir: Result<std::path::PathBuf, &'static str>,
    /// What paths are relative to, for messages: "the crate's Cargo.toml".
    base: &'static str,
    /// Every file read so far, by its path under `dir`: a `text_file` that 1,000 prompts name is read and held
    /// once, its text shared by every prompt.
    read: HashMap<PathBuf, Arc<str>>,
    /// The template checks of the files in `read`, by path and part.
    checked: HashMap<(PathBuf, crate::prompt::Part), Arc<TemplateCheck>>,
}

impl Relative {
    /// Files under `dir` (or `Err` with why there is no directory), which messages call `base`.
    pub fn new(dir: Result<std::path::PathBuf, &'static str>, base: &'static str) -> Self {
        Relative {
            dir,
            base,
            read: HashMap::new(),
            checked: HashMap::new(),
        }
    }

    /// The absolute path of `relative`.
    pub fn absolute(&self, relative: &str) -> std::path::PathBuf {
        match &self.dir {
            Ok(dir) => dir.join(relative),
            Err(_) => std::path::PathBuf::from(relative),
        }
    }
}

impl Sources for Relative {
    fn read(&mut self, path: &str) -> Result<Arc<str>, String> {
        let dir = self.dir.as_ref().map_err(|why| (*why).to_owned())?;
        let full = dir.join(path);
        if let Some(text) = self.read.get(&full) {
            return Ok(Arc::clone(text));
        }
        let text = read_text_file(&full, crate::limits::REFERENCED_FILE_MAX_BYTES)?;
        let text: Arc<str> = drop_final_line_break(text).into();
        self.read.insert(full, Arc::clone(&text));
        Ok(text)
    }

    fn base(&self) -> String {
        self.base.to_owned()
    }

    fn checked(&mut self, path: &str, text: &str, part: crate::prompt::Part) -> Arc<TemplateCheck> {
        let Ok(dir) = &self.dir else {
            return Arc::new(TemplateCheck::of(text, part));
        };
        let key = (dir.join(path), part);
        Arc::clone(
            self.checked
                .entry(key)
                .or_insert_with(|| Arc::new(TemplateCheck::of(text, part))),
        )
    }
}

/// Reads a file a declaration names: a regular file (checked before opening, so that a FIFO does not block and a
/// device such as `/dev/zero` is not read) of at most `limit` bytes (never reading past `limit + 1`, even if the
/// file grows), in UTF-8. `Err` is the end of a sentence: "no such file", "it is not a regular file (...)".
pub fn read_text_file(path: &std::path::Path, limit: u64) -> Result<String, String> {
    let describe = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::InvalidData => "it is not UTF-8 text".to_owned(),
        _ => e.to_string(),
    };
    let too_large = || {
        format!(
            "it is larger than {}, the limit for a file a declaration names; it was not read",
            mebibytes(limit)
        )
    };
    let regular = |metadata: &std::fs::Metadata| {
        if metadata.is_file() {
            Ok(())
        } else if metadata.is_dir() {
            Err("it is a directory".to_owned())
        } else {
            Err("it is not a regular file (a device, FIFO or socket is never read)".to_owned())
        }
    };
    // Follows symbolic links: a link to a regular file is read, a link to a device is refused.
    let metadata = std::fs::metadata(path).map_err(describe)?;
    regular(&metadata)?;
    if metadata.len() > limit {
        return Err(too_large());
    }
    let file = std::fs::File::open(path).map_err(describe)?;
    // The file could have been replaced since: check what was opened, and read at most one byte past the limit.
    regular(&file.metadata().map_err(describe)?)?;
    let bytes = read_at_most(file, limit)
        .map_err(describe)?
        .ok_or_else(too_large)?;
    String::from_utf8(bytes).map_err(|_| "it is not UTF-8 text".to_owned())
}

/// Everything `reader` holds, or `None` when it holds more than `limit` bytes: it reads at most one byte past the
/// limit, so an endless source (`/dev/zero`, a pipe that never closes its data) is refused, not read. The one
/// bounded read of the declaration files and the files they name.
pub(crate) fn read_at_most(
    reader: impl std::io::Read,
    limit: u64,
) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    reader.take(limit + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

/// `limit` bytes for a message: "64 MiB", "10 bytes".
fn mebibytes(limit: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if limit >= MIB && limit.is_multiple_of(MIB) {
        format!("{} MiB", limit / MIB)
    } else {
        format!("{limit} bytes")
    }
}

/// The one line-break policy: a file's final line break (`\n` or `\r\n`), which editors add, is not part of the
/// text (like Jinja's default `keep_trailing_newline = false`).
pub fn drop_final_line_break(mut text: String) -> String {
    if text.ends_with('\n') {
        text.pop();
        if text.ends_with('\r') {
            text.pop();
        }
    }
    text
}

/// A text given inline (`text = "..."`) or as a file (`text_file = "prompts/a.txt"`, when `file`): the text, the
/// path as written for a file, and where the literal is. `None` after an issue.
pub(crate) fn template<L: Clone>(
    r: &mut Reader<'_, L>,
    key: &str,
    node: &Node<L>,
    file: bool,
    sources: &mut dyn Sources,
) -> Option<(Arc<str>, Option<String>, L)> {
    let note = if file {
        ": a path relative to the crate's Cargo.toml"
    } else {
        ": the text is read at compile time, so it cannot be a constant"
    };
    let Setting::Set(text, loc) = r.literal(key, node, note) else {
        return None;
    };
    if !file {
        return Some((text.into(), None, loc));
    }
    match sources.read(&text) {
        Ok(content) => Some((content, Some(text), loc)),
        Err(reason) => {
            // An absolute path is not relative to anything: say so only for a relative one.
            let message = if std::path::Path::new(&text).is_absolute() {
                format!("cannot read `{key}` `{text}`: {reason}")
            } else {
                format!(
                    "cannot read `{key}` `{text}` (relative to {}): {reason}",
                    sources.base()
                )
            };
            r.issues.push(IssueKind::Type, key, &loc, message);
            None
        }
    }
}

impl<L: Clone> Reader<'_, L> {
    /// A value the declaration layer must read: a string literal, never `None` or a constant expression. `note`
    /// says why in Rust (`: the text is read at compile time, ...`), where a constant could be given.
    pub fn literal(&mut self, key: &str, node: &Node<L>, note: &'static str) -> Setting<String, L> {
        match &node.value {
            Raw::Str(s) => Setting::Set(s.clone(), node.loc.clone()),
            Raw::Null => {
                let message = format!(
                    "`{key}` cannot be {}; leave the key out instead",
                    self.syntax.cleared()
                );
                self.issues.push(IssueKind::Type, key, &node.loc, message);
                Setting::Invalid
            }
            other => {
                let what = format!(
                    "a {}{}",
                    self.syntax.string(),
                    self.syntax.constant_note(note)
                );
                let found = match other {
                    Raw::Expr(_) => String::new(),
                    other => format!(", found {}", other.describe(self.syntax)),
                };
                let message = format!("`{key}` expects {what}{found}");
                self.issues.push(IssueKind::Type, key, &node.loc, message);
                Setting::Invalid
            }
        }
    }
}

impl<L: Clone> Reader<'_, L> {
    /// A model named in an attribute or a file: a string (or, where `unlisted` is allowed, an unlisted model);
    /// never a constant expression, since the declaration layer must check it.
    pub fn literal_model(
        &mut self,
        key: &str,
        node: &Node<L>,
        unlisted: bool,
    ) -> Setting<crate::models::ModelRef, L> {
        match self.model(key, node, unlisted) {
            Setting::Expr(_, loc) | Setting::Cleared(loc) => {
                let message = format!(
                    "`{key}` expects a model id string, like \"anthropic.claude-3-5-sonnet-20241022-v2:0\""
                );
                self.issues.push(IssueKind::Type, key, &loc, message);
                Setting::Invalid
            }
            other => other,
        }
    }

    /// `profile = HIGH_QUALITY` (Rust: the path of a const, kept as an expression) or `profile = "fast"` (files:
    /// a profile of the same file).
    pub fn profile_ref(&mut self, key: &str, node: &Node<L>) -> Setting<super::ProfileRef, L> {
        // Not a spelling: Rust names a profile by a const's path, a file by its table.
        match (&node.value, self.syntax.is_file()) {
            (Raw::Expr(handle), false) => {
                Setting::Set(super::ProfileRef::Path(*handle), node.loc.clone())
            }
            (Raw::Str(name), true) => {
                Setting::Set(super::ProfileRef::Name(name.clone()), node.loc.clone())
            }
            (_, false) => {
                let message = format!(
                    "`{key}` expects the path of an `InferenceProfile` constant, like `HIGH_QUALITY` (declare it with `inference_profile!`)"
                );
                self.issues.push(IssueKind::Type, key, &node.loc, message);
                Setting::Invalid
            }
            (other, true) => {
                let message = format!(
                    "`{key}` expects the name of a profile of this file, found {}",
                    other.describe(self.syntax)
                );
                self.issues.push(IssueKind::Type, key, &node.loc, message);
                Setting::Invalid
            }
        }
    }
}

/// The profiles of a declaration file by table name, for the prompts and agents that name them: `None` for a
/// profile that is declared but broken (its issues are reported on it). It borrows the loaded profiles rather than
/// holding a copy of each (a million tables held two copies of every profile).
pub type ProfileTable<'p> = std::collections::HashMap<&'p str, Option<&'p crate::InferenceProfile>>;

/// `profile = "name"` naming no profile of `table`: an issue with the closest name.
pub(crate) fn missing_profile<L: Clone>(
    issues: &mut super::Issues<L>,
    table: &ProfileTable<'_>,
    key: &str,
    name: &str,
    loc: &L,
) {
    let mut message = format!("`{key}` names no profile: `{name}` is not declared in `profiles`");
    let names = || {
        let mut names: Vec<&str> = table.keys().copied().collect();
        names.sort_unstable();
        names
    };
    if let Some(s) = issues.suggest(name, names) {
        message.push_str(&format!("; did you mean `{s}`?"));
    }
    let kind = IssueKind::ProfileMissing {
        profile: name.to_owned(),
    };
    issues.push(kind, key, loc, message);
}

#[cfg(test)]
mod tests {
    use super::{Relative, Sources, read_text_file};
    use crate::prompt::Part;
    use std::sync::Arc;

    #[test]
    fn a_file_is_read_and_checked_once_per_part() {
        let dir = scratch("checked");
        std::fs::write(dir.join("a.txt"), "Hello {{name}} and {{name}} {{topic}}\n").unwrap();
        std::fs::write(dir.join("bad.txt"), "{{}}").unwrap();
        let mut sources = Relative::new(Ok(dir.clone()), "the test");
        let text = sources.read("a.txt").unwrap();
        assert!(Arc::ptr_eq(&text, &sources.read("a.txt").unwrap()));
        let first = sources.checked("a.txt", &text, Part::Text);
        assert!(Arc::ptr_eq(
            &first,
            &sources.checked("a.txt", &text, Part::Text)
        ));
        assert_eq!(first.variables, ["name", "topic"]);
        assert!(first.errors.is_empty());
        // Another part is another check; another file its own.
        assert!(!Arc::ptr_eq(
            &first,
            &sources.checked("a.txt", &text, Part::System)
        ));
        let bad = sources.read("bad.txt").unwrap();
        let check = sources.checked("bad.txt", &bad, Part::Text);
        assert_eq!(check.errors.len(), 1, "{check:?}");
        assert!(check.variables.is_empty());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// A fresh directory for one test.
    fn scratch(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("bp-source-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_file_is_read_up_to_the_limit_and_refused_past_it() {
        let dir = scratch("limit");
        let file = dir.join("a.txt");
        std::fs::write(&file, "0123456789").unwrap();
        assert_eq!(read_text_file(&file, 10).unwrap(), "0123456789");
        let e = read_text_file(&file, 9).unwrap_err();
        assert!(e.starts_with("it is larger than 9 bytes"), "{e}");
        std::fs::write(&file, [0xff, 0xfe]).unwrap();
        assert_eq!(
            read_text_file(&file, 10).unwrap_err(),
            "it is not UTF-8 text"
        );
        assert_eq!(
            read_text_file(&dir.join("none.txt"), 10).unwrap_err(),
            "no such file"
        );
        assert_eq!(read_text_file(&dir, 10).unwrap_err(), "it is a directory");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_fifos_are_refused_without_being_read() {
        let not_regular = "it is not a regular file (a device, FIFO or socket is never read)";
        for device in ["/dev/zero", "/dev/urandom"] {
            let path = std::path::Path::new(device);
            if path.exists() {
                // Reading would never end (`/dev/zero` has no end); the limit is large on purpose.
                assert_eq!(read_text_file(path, u64::MAX - 1).unwrap_err(), not_regular);
            }
        }
        let dir = scratch("fifo");
        let fifo = dir.join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            // Opening a FIFO with no writer blocks forever: it must be refused before it is opened.
            assert_eq!(read_text_file(&fifo, 10).unwrap_err(), not_regular);
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
