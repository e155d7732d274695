//! Maintainer tasks of bedrock-profiles (see `main.rs` for the commands): the model catalog's data file, the Rust
//! code generated from it, and its comparison with the pinned maintained tables.

pub mod compare;
pub mod data;
pub mod generate;
pub mod litellm;
pub mod pairs;
pub mod sources;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Formats Rust source with the toolchain's rustfmt (edition 2024), as `cargo fmt` would.
pub fn rustfmt(source: &str) -> Result<String, String> {
    let mut child = Command::new("rustfmt")
        .args(["--edition", "2024", "--emit", "stdout"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("rustfmt: {e}"))?;
    child
        .stdin
        .take()
        .expect("piped")
        .write_all(source.as_bytes())
        .map_err(|e| format!("rustfmt: {e}"))?;
    let out = child
        .wait_with_output()
        .map_err(|e| format!("rustfmt: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "rustfmt failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    String::from_utf8(out.stdout).map_err(|e| format!("rustfmt: {e}"))
}

/// The generated module as it should be: the data file read, checked and written out, then formatted.
pub fn expected_generated() -> Result<String, String> {
    let data = data::load(&data::data_path())?;
    rustfmt(&generate::generate(&data))
}

/// Writes `text` to `path` whole: through a temporary file beside it and a rename, so that a failed write leaves
/// the old file as it was.
pub fn write_whole(path: &Path, text: &str) -> Result<(), String> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    std::fs::write(&tmp, text).map_err(|e| format!("{}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        format!("{}: {e}", path.display())
    })
}

/// Writes the generated module (whole: see [`write_whole`]).
pub fn write_generated() -> Result<PathBuf, String> {
    let text = expected_generated()?;
    let path = data::generated_path();
    write_whole(&path, &text)?;
    Ok(path)
}

/// Fails when the checked-in generated module differs from what the data file gives.
pub fn check_generated() -> Result<(), String> {
    let expected = expected_generated()?;
    let path = data::generated_path();
    let found = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    if found == expected {
        Ok(())
    } else {
        Err(format!(
            "{} is out of date with profile-core/catalog/models.toml: run `cargo xtask catalog generate`",
            path.display()
        ))
    }
}

/// At most `n` items joined with ", ", and how many more.
pub(crate) fn brief<S: AsRef<str>>(items: &[S], n: usize) -> String {
    let mut out = items
        .iter()
        .take(n)
        .map(AsRef::as_ref)
        .collect::<Vec<_>>()
        .join(", ");
    if items.len() > n {
        out.push_str(&format!(" (+{} more)", items.len() - n));
    }
    out
}
