//! `bedrock-profiles catalog sync` against a local HTTP server.
