//! Maintainer tasks of bedrock-profiles (see `main.rs` for the commands): the model catalog's data file, the Rust
//! code generated from it, and its comparison with the pinned maintained tables.

pub mod compare;
pub mod data;
pub mod generate;
pub mod sources;

use std::io::Write as _;
use std::path::PathBuf;
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

/// Writes the generated module (whole, through a temporary file and a rename, so that a failure leaves the old one).
pub fn write_generated() -> Result<PathBuf, String> {
    let text = expected_generated()?;
    let path = data::generated_path();
    let tmp = path.with_extension("rs.tmp");
    std::fs::write(&tmp, text).map_err(|e| format!("{}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, &path).map_err(|e| format!("{}: {e}", path.display()))?;
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
