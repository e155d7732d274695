//! Golden files: `tests/golden/<name>.json` holds the expected body; `UPDATE_GOLDEN=1 cargo test` rewrites them
//! (review the diff like code).

use serde_json::Value;
use std::path::PathBuf;

#[track_caller]
pub fn assert_golden(name: &str, actual: &Value) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(format!("{name}.json"));
    let pretty = serde_json::to_string_pretty(actual).unwrap() + "\n";
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &pretty).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run with UPDATE_GOLDEN=1 to create it)",
            path.display()
        )
    });
    // Compared as text: the golden file also pins how numbers are written (0.7, never 0.699999988079071).
    assert_eq!(
        pretty,
        expected,
        "{} differs (UPDATE_GOLDEN=1 rewrites it)",
        path.display()
    );
}
