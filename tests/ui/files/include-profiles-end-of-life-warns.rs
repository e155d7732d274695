// `include_profiles!` warns as `bedrock-profiles check` does: a model past its end of life compiles with a
// warning naming the file, the key and the date (denied here to pin its text). The file is written into trybuild's
// project directory by tests/ui.rs (from tests/ui/files/end-of-life.toml).
#![deny(deprecated)]

bedrock_profiles::include_profiles!("end-of-life.toml");

fn main() {
    let _ = LEGACY;
}
