//! `bedrock-profiles`: check declaration files, export the request bodies Bedrock receives, list the model catalog,
//! sync your account's catalog (`bedrock-catalog.toml`), report on model invocation logs.

use bedrock_profiles::files::{self, Declarations, FileError};
use bedrock_profiles::models::account::{AccountCatalog, FILE_NAME, with_account};
use bedrock_profiles_cli::report::emit;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Amazon Bedrock inference profiles, prompts and agents declared in TOML or JSON files, checked by the same
/// rulebook as the `bedrock-profiles` macros.
///
/// Exit status: 0 when everything is valid, 1 when a declaration breaks a rule (or cannot be sent, or
/// `catalog sync --check` finds the account's answer changed), 2 for usage, I/O and AWS errors.
#[derive(Debug, Parser)]
#[command(name = "bedrock-profiles", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Your account's catalog, as `catalog sync` writes it: `check`, `export` and `models` take its models,
    /// cross-region profiles and lifecycle dates into account. Default: `$BEDROCK_PROFILES_CATALOG`, else
    /// `bedrock-catalog.toml` in the current directory when it exists.
    #[arg(long, global = true, value_name = "FILE")]
    account_catalog: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check declaration files against every rule.
    ///
    /// Prints every error of every file, with file:line:col, the key path and the rule, like rustc. Files ending in
    /// `.json` are read as JSON, any other as TOML.
    Check {
        /// The files to check.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Print the request bodies of a file's declarations as JSON.
    ///
    /// `converse` and `invoke-model` take the profiles (`profiles.<name>`), `create-prompt` the prompts (one
    /// request per variant), `create-agent` the agents, `create-inference-profile` the profiles that declare
    /// `tags` (or the one named by `--name`, or every one with `--all-profiles`) deployed in `--region` of
    /// `--account`, `cloudformation` one template with the profiles that declare `tags` (every one with
    /// `--all-profiles`), every prompt and every agent. One body is printed as an object; several as an array.
    ///
    /// A file that `check` accepts exports: every rule a request body needs is a rule `check` applies (an agent
    /// step with a profile needs its base prompt template, `base_prompt_templates.orchestration = "..."`, for one).
    Export(ExportArgs),
    /// List the model catalog with each model's limits.
    Models {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Your account's catalog: what Amazon Bedrock lists for the account, region by region, in
    /// `bedrock-catalog.toml`.
    ///
    /// The crate's model catalog comes from public sources and is the same for everyone; which models and
    /// cross-region profiles an account has, in which region, and when they go LEGACY or reach end of life, only
    /// Bedrock says. `catalog sync` asks it once and writes the answer to a file to commit; builds read the file
    /// and stay offline.
    #[cfg(feature = "sync")]
    Catalog {
        #[command(subcommand)]
        command: CatalogCommand,
    },
    /// Report on Bedrock model invocation logs, per profile and version.
    ///
    /// Reads the logs as delivered to S3 or exported from CloudWatch Logs: JSON records one per line, plain or
    /// `.gz`, a file or a directory of them. Groups calls by the profile name and version in `requestMetadata`
    /// (calls without a profile by model) and prints calls, error rate, input and output tokens (total, p50, p95),
    /// latency p50 / p95 / p99 and the share of responses stopped by `max_tokens` or refused. A malformed line is
    /// reported with its file and line and skipped.
    Report {
        /// A log file or a directory of them (not needed with `--emit`).
        #[arg(value_name = "PATH", required_unless_present = "emit")]
        path: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
        format: ReportFormat,
        /// Only calls at or after this time (RFC 3339, or a date: midnight UTC).
        #[arg(long, value_name = "TIME")]
        since: Option<String>,
        /// Only calls before this time (RFC 3339, or a date: midnight UTC).
        #[arg(long, value_name = "TIME")]
        until: Option<String>,
        /// Only calls of this profile.
        #[arg(long, value_name = "NAME")]
        profile: Option<String>,
        /// Put the last two versions of this profile side by side instead.
        #[arg(long, value_name = "NAME", conflicts_with = "emit")]
        compare: Option<String>,
        /// Also draw latency and output tokens per profile and version into this SVG file.
        #[arg(long, value_name = "FILE", conflicts_with = "emit")]
        svg: Option<PathBuf>,
        /// Print the same grouping as a query to run where the logs are, instead of reading them.
        #[arg(long, value_enum)]
        emit: Option<Emit>,
        /// The Athena table over the S3 log objects (`--emit athena`).
        #[arg(long, value_name = "NAME", default_value = "bedrock_invocation_logs")]
        table: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ReportFormat {
    /// Aligned columns.
    Table,
    /// A JSON array of objects, one per group.
    Json,
    /// CSV with a header line.
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Emit {
    /// A CloudWatch Logs Insights query for the invocation log group.
    LogsInsights,
    /// Athena SQL over a table of the S3 log objects.
    Athena,
}

/// `eprintln!` that never panics: with stderr closed (`2>&1 | head -1`) the message is lost, the command goes on
/// (every file is still checked) and its exit status still says what happened.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}

#[cfg(feature = "sync")]
#[path = "bedrock-profiles/catalog.rs"]
mod catalog_command;
#[path = "bedrock-profiles/export.rs"]
mod export_command;
#[path = "bedrock-profiles/models.rs"]
mod models_command;
#[path = "bedrock-profiles/report.rs"]
mod report_command;
#[cfg(feature = "sync")]
use catalog_command::{CatalogCommand, catalog};
use export_command::{ExportArgs, export, export_notes};
use models_command::list_models;
use report_command::{filter, report_logs};

/// Exit codes.
const INVALID: u8 = 1;
const USAGE: u8 = 2;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { USAGE } else { 0 });
        }
    };
    let mut out = io::stdout().lock();
    let account = match &cli.command {
        Command::Check { .. } | Command::Export(_) | Command::Models { .. } => {
            match account_catalog(cli.account_catalog.as_deref()) {
                Ok(account) => account,
                Err(message) => {
                    say!("error: {message}");
                    return ExitCode::from(USAGE);
                }
            }
        }
        _ => None,
    };
    let result = match cli.command {
        Command::Check { files } => with_account(account, || check(&files, &mut out)),
        Command::Export(args) => with_account(account, || export(&args, &mut out)),
        Command::Models { json } => with_account(account, || list_models(json, &mut out)),
        #[cfg(feature = "sync")]
        Command::Catalog { command } => catalog(command, &mut out),
        Command::Report {
            path,
            format,
            since,
            until,
            profile,
            compare,
            svg,
            emit,
            table,
        } => {
            let filter = match filter(since.as_deref(), until.as_deref(), profile) {
                Ok(f) => f,
                Err(message) => {
                    say!("error: {message}");
                    return ExitCode::from(USAGE);
                }
            };
            match (emit, path) {
                (Some(Emit::LogsInsights), _) => {
                    write!(out, "{}", emit::logs_insights(&filter)).map(|()| ExitCode::SUCCESS)
                }
                (Some(Emit::Athena), _) => {
                    if let Err(message) = emit::check_table_name(&table) {
                        say!("error: {message}");
                        return ExitCode::from(USAGE);
                    }
                    write!(out, "{}", emit::athena(&filter, &table)).map(|()| ExitCode::SUCCESS)
                }
                (None, Some(path)) => report_logs(
                    &path,
                    &filter,
                    format,
                    compare.as_deref(),
                    svg.as_deref(),
                    &mut out,
                ),
                // clap requires PATH without --emit.
                (None, None) => Ok(ExitCode::from(USAGE)),
            }
        }
    };
    let result = result.and_then(|code| match out.flush() {
        // `check` has already said what it had to in its status.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(code),
        flushed => flushed.map(|()| code),
    });
    match result {
        Ok(code) => code,
        // The reader went away (`| head -1`, `| grep -q`, a pager that quit): not an error, nothing to say.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            say!("error: cannot write the output: {e}");
            ExitCode::from(USAGE)
        }
    }
}

fn load(file: &PathBuf) -> Result<Declarations, ExitCode> {
    files::load(file).map_err(|e| match e {
        FileError::Invalid(errors) => {
            say!("{}", errors.render(std::io::stderr().is_terminal()));
            ExitCode::from(INVALID)
        }
        other => {
            say!("error: {other}");
            ExitCode::from(USAGE)
        }
    })
}

/// Every file is checked even when stdout is closed early: the exit status still says whether they are valid.
fn check(paths: &[PathBuf], out: &mut impl Write) -> io::Result<ExitCode> {
    let mut worst = 0;
    let mut printing = true;
    for path in paths {
        match load(path) {
            Ok(d) => {
                if d.profiles.is_empty() && d.prompts.is_empty() && d.agents.is_empty() {
                    say!(
                        "warning: `{}` declares nothing: no `profiles`, `prompts` or `agents` table",
                        path.display()
                    );
                }
                for warning in d.warnings() {
                    say!("warning: {}:{warning}", path.display());
                }
                for (key_path, note) in export_notes(&d) {
                    match d.place(&key_path) {
                        Some((line, column)) => say!(
                            "warning: {}:{line}:{column}: {key_path}: {note}",
                            path.display()
                        ),
                        None => say!("warning: {}: {key_path}: {note}", path.display()),
                    }
                }
                if printing {
                    let line = writeln!(
                        out,
                        "{}: ok ({} profiles, {} prompts, {} agents)",
                        path.display(),
                        d.profiles.len(),
                        d.prompts.len(),
                        d.agents.len()
                    )
                    .and_then(|()| out.flush());
                    match line {
                        Ok(()) => {}
                        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => printing = false,
                        Err(e) => return Err(e),
                    }
                }
            }
            Err(code) => {
                worst = worst.max(if code == ExitCode::from(USAGE) {
                    USAGE
                } else {
                    INVALID
                })
            }
        }
    }
    Ok(ExitCode::from(worst))
}

/// The account's catalog in force: `--account-catalog`, else `$BEDROCK_PROFILES_CATALOG`, else
/// `bedrock-catalog.toml` in the current directory when it exists. `Err` names the file and, for a malformed one,
/// the line, column and key.
fn account_catalog(
    flag: Option<&std::path::Path>,
) -> Result<Option<std::sync::Arc<AccountCatalog>>, String> {
    let named = flag.map(PathBuf::from).or_else(|| {
        std::env::var_os(bedrock_profiles::models::account::ENV_VAR)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    });
    let path = match named {
        Some(path) => path,
        None => {
            let default = PathBuf::from(FILE_NAME);
            if !default.exists() {
                return Ok(None);
            }
            default
        }
    };
    AccountCatalog::read(&path).map(|catalog| Some(std::sync::Arc::new(catalog)))
}
