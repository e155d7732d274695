bedrock_profiles::include_profiles!("no-such-file.toml");

fn main() {}
