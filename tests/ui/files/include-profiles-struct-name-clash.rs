// `support-reply`, `support_reply` and `supportReply` all name the struct `SupportReply`
// (tests/ui/files/clashing-structs.toml); the first two also name the const `SUPPORT_REPLY`.
bedrock_profiles::include_profiles!("clashing-structs.toml");

fn main() {}
