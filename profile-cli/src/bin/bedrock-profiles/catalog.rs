//! `bedrock-profiles catalog sync`: ask Amazon Bedrock what the account lists in each region, write
//! `bedrock-catalog.toml` (or compare with it, `--check`) and say what changed.

use super::{INVALID, USAGE};
use aws_config::BehaviorVersion;
use aws_sdk_bedrock::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_bedrock::primitives::{DateTime, DateTimeFormat};
use aws_sdk_bedrock::types::{
    FoundationModelSummary, InferenceProfileSummary, InferenceProfileType, ModelModality,
};
use bedrock_profiles::models::account::{
    self, AccountCatalog, AccountModel, FILE_NAME, Lifecycle, RegionalModel,
};
use clap::{Args, Subcommand};
use std::collections::BTreeSet;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Subcommand)]
pub(super) enum CatalogCommand {
    /// Ask Amazon Bedrock which models and cross-region inference profiles the account has in each region, and
    /// write them to `bedrock-catalog.toml`.
    ///
    /// Calls `ListFoundationModels` (the models with text output: provider, name, `modelLifecycle` status and
    /// dates, `inferenceTypesSupported`) and `ListInferenceProfiles` (type `SYSTEM_DEFINED`: each profile's models
    /// and the regions it routes to) in every `--region`, with the AWS SDK's standard configuration: credentials
    /// from the environment, `AWS_PROFILE` and the shared files, SSO or an instance role; endpoints from
    /// `AWS_ENDPOINT_URL` / `AWS_ENDPOINT_URL_BEDROCK`. The file is sorted and written whole (a temporary file
    /// renamed over it), so the same answer writes the same bytes and a failed sync leaves the file as it was.
    /// A model's `max_output_tokens`, added by hand, is kept. Commit the file: builds read it and never call AWS.
    ///
    /// Prints what changed since the file was written, one line each, or `no changes`. Exit status: 0, 1 with
    /// `--check` when the file differs from Bedrock's answer, 2 when AWS or the file cannot be read or written.
    Sync(SyncArgs),
}

#[derive(Debug, Args)]
pub(super) struct SyncArgs {
    /// A region to ask (repeat for several); by default the regions the file lists.
    #[arg(long = "region", value_name = "REGION", value_parser = region)]
    regions: Vec<String>,
    /// The file to write, and to compare with `--check`.
    #[arg(long, value_name = "FILE", default_value = FILE_NAME)]
    out: PathBuf,
    /// Write nothing: exit 1 and print the changes when Bedrock's answer differs from the file (hand edits
    /// aside), 0 when it does not. For a scheduled CI job.
    #[arg(long)]
    check: bool,
}

fn region(text: &str) -> Result<String, String> {
    let ok = text.starts_with(|c: char| c.is_ascii_lowercase())
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if ok {
        Ok(text.to_owned())
    } else {
        Err(format!("`{text}` is no region name like `us-east-1`"))
    }
}

pub(super) fn catalog(command: CatalogCommand, out: &mut impl Write) -> io::Result<ExitCode> {
    match command {
        CatalogCommand::Sync(args) => sync(&args, out),
    }
}

fn sync(args: &SyncArgs, out: &mut impl Write) -> io::Result<ExitCode> {
    let path = &args.out;
    // The file as it is: a malformed one stops the sync before AWS is asked, and nothing is written.
    let missing =
        matches!(fs::symlink_metadata(path), Err(e) if e.kind() == io::ErrorKind::NotFound);
    let (old, old_text) = match account::read_text(path) {
        Err(_) if missing => (None, None),
        Ok(text) => match AccountCatalog::parse(&text) {
            Ok(catalog) => (Some(catalog), Some(text)),
            Err(e) => {
                say!("error: {}:{e}", path.display());
                return Ok(ExitCode::from(USAGE));
            }
        },
        Err(why) => {
            say!("error: cannot read `{}`: {why}", path.display());
            return Ok(ExitCode::from(USAGE));
        }
    };
    if args.check && old.is_none() {
        say!(
            "error: cannot check: `{}` does not exist; write it with `bedrock-profiles catalog sync --region <REGION>` and commit it",
            path.display()
        );
        return Ok(ExitCode::from(USAGE));
    }
    let mut regions = if args.regions.is_empty() {
        old.as_ref().map(|c| c.regions.clone()).unwrap_or_default()
    } else {
        args.regions.clone()
    };
    regions.sort();
    regions.dedup();
    if regions.is_empty() {
        say!(
            "error: no region to ask: pass `--region` (for example `--region us-east-1`), once; later syncs ask the regions `{}` lists",
            path.display()
        );
        return Ok(ExitCode::from(USAGE));
    }

    let answers = match ask(&regions) {
        Ok(answers) => answers,
        Err(message) => {
            say!("error: {message}");
            return Ok(ExitCode::from(USAGE));
        }
    };
    let mut new = build(&regions, &answers);
    let empty = AccountCatalog::default();
    let old = old.unwrap_or(empty);
    new.keep_hand_edits(&old);
    let changes = AccountCatalog::changes(&old, &new);

    if args.check {
        if new == old {
            writeln!(out, "no changes")?;
            return Ok(ExitCode::SUCCESS);
        }
        for change in &changes {
            writeln!(out, "{change}")?;
        }
        say!(
            "`{}` differs from what Amazon Bedrock lists: run `bedrock-profiles catalog sync` and commit the file",
            path.display()
        );
        return Ok(ExitCode::from(INVALID));
    }

    let text = new.to_toml();
    // The same bytes are not written again: the file keeps its time.
    if old_text.as_deref() != Some(text.as_str())
        && let Err(e) = write_whole(path, &text)
    {
        say!("error: cannot write `{}`: {e}", path.display());
        return Ok(ExitCode::from(USAGE));
    }
    if changes.is_empty() {
        writeln!(out, "no changes")?;
    }
    for change in &changes {
        writeln!(out, "{change}")?;
    }
    say!(
        "{}: {} models, {} cross-region profiles ({})",
        path.display(),
        new.models.len(),
        new.profiles.len(),
        regions.join(", ")
    );
    Ok(ExitCode::SUCCESS)
}

/// What one region answered.
struct Answer {
    region: String,
    models: Vec<FoundationModelSummary>,
    profiles: Vec<InferenceProfileSummary>,
}

/// Both operations in every region, one region after the other; the first failure stops the sync.
#[tokio::main(flavor = "current_thread")]
async fn ask(regions: &[String]) -> Result<Vec<Answer>, String> {
    let mut answers = Vec::with_capacity(regions.len());
    for region in regions {
        let config = aws_config::defaults(BehaviorVersion::latest())
            .region(aws_config::Region::new(region.clone()))
            .load()
            .await;
        let client = aws_sdk_bedrock::Client::new(&config);
        let models = client
            .list_foundation_models()
            .send()
            .await
            .map_err(|e| failure("ListFoundationModels", region, &e))?
            .model_summaries
            .unwrap_or_default();
        let mut profiles = Vec::new();
        let mut pages = client
            .list_inference_profiles()
            .type_equals(InferenceProfileType::SystemDefined)
            .into_paginator()
            .send();
        while let Some(page) = pages.next().await {
            let page = page.map_err(|e| failure("ListInferenceProfiles", region, &e))?;
            profiles.extend(page.inference_profile_summaries.unwrap_or_default());
        }
        answers.push(Answer {
            region: region.clone(),
            models,
            profiles,
        });
    }
    Ok(answers)
}

/// One line: the operation, the region, and AWS's error code and message (or the chain of causes of an error
/// that never reached AWS: no credentials, no connection).
fn failure<E, R>(operation: &str, region: &str, error: &SdkError<E, R>) -> String
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
    R: std::fmt::Debug,
{
    let what = match (error.code(), error.message()) {
        (Some(code), Some(message)) => format!("{code}: {message}"),
        (Some(code), None) => code.to_owned(),
        _ => {
            let mut chain = error.to_string();
            let mut source = std::error::Error::source(error);
            while let Some(cause) = source {
                chain.push_str(": ");
                chain.push_str(&cause.to_string());
                source = cause.source();
            }
            chain
        }
    };
    let line = format!("{operation} in {region} failed: {what}");
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The catalog of the answers: the models with text output, and the profiles that route to one of them (or to a
/// model no synced region listed).
fn build(regions: &[String], answers: &[Answer]) -> AccountCatalog {
    let mut catalog = AccountCatalog {
        regions: regions.to_vec(),
        ..AccountCatalog::default()
    };
    let mut without_text = BTreeSet::new();
    for answer in answers {
        for m in &answer.models {
            if !m.output_modalities().contains(&ModelModality::Text) {
                without_text.insert(m.model_id().to_owned());
                continue;
            }
            let lifecycle = m.model_lifecycle();
            let status = match lifecycle.map(|l| l.status().as_str()) {
                None => Lifecycle::Active,
                Some(status) => Lifecycle::from_aws(status).unwrap_or_else(|| {
                    say!(
                        "warning: {} in {}: status `{status}` is new to this version, written as LEGACY",
                        m.model_id(),
                        answer.region
                    );
                    Lifecycle::Legacy
                }),
            };
            let mut inference_types: Vec<String> = m
                .inference_types_supported()
                .iter()
                .map(|t| t.as_str().to_owned())
                .collect();
            inference_types.sort();
            inference_types.dedup();
            let model = catalog
                .models
                .entry(m.model_id().to_owned())
                .or_insert_with(|| AccountModel {
                    provider: m.provider_name().unwrap_or_default().to_owned(),
                    name: m.model_name().unwrap_or_default().to_owned(),
                    ..AccountModel::default()
                });
            model.regions.insert(
                answer.region.clone(),
                RegionalModel {
                    status,
                    inference_types,
                    legacy: lifecycle.and_then(|l| date(l.legacy_time())),
                    end_of_life: lifecycle.and_then(|l| date(l.end_of_life_time())),
                    extended_access: lifecycle.and_then(|l| date(l.public_extended_access_time())),
                },
            );
        }
    }
    for answer in answers {
        for p in &answer.profiles {
            let targets: Vec<(&str, Option<&str>)> = p
                .models()
                .iter()
                .filter_map(|m| m.model_arn())
                .filter_map(model_arn)
                .collect();
            let text = |id: &str| catalog.models.contains_key(id) || !without_text.contains(id);
            if !targets.is_empty() && !targets.iter().any(|(id, _)| text(id)) {
                continue;
            }
            let profile = catalog
                .profiles
                .entry(p.inference_profile_id().to_owned())
                .or_default();
            for (id, region) in targets {
                profile.models.push(id.to_owned());
                profile.routes_to.extend(region.map(str::to_owned));
            }
            profile.listed_in.push(answer.region.clone());
            for list in [
                &mut profile.models,
                &mut profile.routes_to,
                &mut profile.listed_in,
            ] {
                list.sort();
                list.dedup();
            }
        }
    }
    catalog
}

/// The model id and the region of a foundation-model ARN
/// (`arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0`, the region its 4th
/// field); the id may hold `:`. An ARN without a region names the model only.
fn model_arn(arn: &str) -> Option<(&str, Option<&str>)> {
    let mut fields = arn.splitn(6, ':');
    let region = fields.nth(3)?;
    let id = fields.nth(1)?.strip_prefix("foundation-model/")?;
    (!id.is_empty()).then_some((id, Some(region).filter(|r| !r.is_empty())))
}

/// The UTC date of a time AWS gave.
fn date(time: Option<&DateTime>) -> Option<String> {
    let text = time?.fmt(DateTimeFormat::DateTime).ok()?;
    text.get(..10).map(str::to_owned)
}

/// Writes `text` to a temporary file beside `path`, then renames it over `path`: readers see the old file or the
/// new one, never a part.
fn write_whole(path: &Path, text: &str) -> io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file name"))?;
    let temporary = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let written = fs::File::create_new(&temporary).and_then(|mut file| {
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        fs::rename(&temporary, path)
    });
    if written.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    written
}
