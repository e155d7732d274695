// The file is written into trybuild's project directory by tests/ui.rs (from tests/ui/files/clashing-names.toml).
bedrock_profiles::include_profiles!("clashing-names.toml");

fn main() {}
