// The file is written into trybuild's project directory by tests/ui.rs (from tests/ui/files/broken-profiles.toml).
bedrock_profiles::include_profiles!("broken-profiles.toml");

fn main() {}
