//! The library behind the `bedrock-profiles` command (`cargo install bedrock-profiles-cli`): [`report`], reports
//! from Amazon Bedrock model invocation logs per profile and version.
//!
//! The command's other subcommands (`check`, `export`, `models`) are thin layers over the `bedrock-profiles`
//! library (`files`, `wire`, `models`); see its README.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod report;
