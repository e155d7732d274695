// Template variables that no struct field can hold (tests/ui/files/variables-not-fields.toml): `self`, which
// Rust refuses even as `r#self`, `first-name` and `2nd`.
bedrock_profiles::include_profiles!("variables-not-fields.toml");

fn main() {}
