//! `bedrock-profiles export`: the request bodies of a file's declarations, and what `check` warns about them.

use super::{INVALID, USAGE, load};
use bedrock_profiles::files::{self, Declarations};
use bedrock_profiles::models::Geo;
use bedrock_profiles::wire::{
    Conversation, WireError,
    agent::CreateAgentRequest,
    cloudformation::{self, Template},
    converse::ConverseRequest,
    inference_profile::{self, CreateInferenceProfileRequest},
    invoke,
    prompt::create_prompt_requests,
};
use clap::ValueEnum;
use serde_json::Value;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// The arguments of `export`.
#[derive(Debug, clap::Args)]
pub(super) struct ExportArgs {
    /// The declaration file.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Which request body.
    #[arg(long, value_enum)]
    to: Target,
    /// Only the declaration with this table name (or `name`).
    #[arg(long, value_name = "NAME")]
    name: Option<String>,
    /// A user message to put in `converse` and `invoke-model` bodies.
    #[arg(long, value_name = "TEXT")]
    message: Option<String>,
    /// The region of `create-inference-profile` (it picks the partition of the ARNs).
    #[arg(long, value_name = "REGION")]
    region: Option<String>,
    /// The AWS account id of `create-inference-profile` (a cross-region source's ARN holds it).
    #[arg(long, value_name = "ACCOUNT")]
    account: Option<String>,
    /// Deploy every profile (`create-inference-profile`, `cloudformation`), not only those that declare `tags`.
    #[arg(long)]
    all_profiles: bool,
    /// `cloudformation`: deploy only the profiles of this geography (`us`, `eu`, `apac`, `jp`, `au`, `in`,
    /// `us-gov`), with the in-region and `global.` ones. A stack lives in one region, and a cross-region profile
    /// can be copied only in its geography's regions: a file whose deployed profiles span geographies gives one
    /// template per geography.
    #[arg(long, value_name = "PREFIX")]
    geography: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Target {
    /// bedrock-runtime Converse request, per profile.
    Converse,
    /// InvokeModel native body (the model provider's format), per profile.
    InvokeModel,
    /// bedrock-agent CreatePrompt requests, per prompt variant.
    CreatePrompt,
    /// bedrock-agent CreateAgent request, per agent.
    CreateAgent,
    /// bedrock CreateInferenceProfile request (an application inference profile), per profile.
    CreateInferenceProfile,
    /// A CloudFormation template with AWS::Bedrock::ApplicationInferenceProfile, AWS::Bedrock::Prompt and
    /// AWS::Bedrock::Agent resources.
    Cloudformation,
}

/// What `export` would say about a valid file beyond its rules: deployed profiles of two geographies (one
/// CloudFormation template cannot hold them), and profiles that `--all-profiles` could not deploy as they are.
pub(super) fn export_notes(d: &Declarations) -> Vec<(String, String)> {
    let mut notes = Vec::new();
    let mut geography = cloudformation::OneGeography::default();
    for p in d.profiles.iter().filter(|p| !p.profile.tags.is_empty()) {
        if let Err(e) = geography.admit(&p.profile) {
            notes.push((format!("profiles.{}", p.key), format!("{e}{}", hint(&e))));
        }
    }
    for p in d.profiles.iter().filter(|p| p.profile.tags.is_empty()) {
        // The file passed `check`, so what deploying adds is the description's pattern.
        if let Some(v) = bedrock_profiles::rules::check_deployed(&p.profile).first() {
            notes.push((
                format!("profiles.{}.description", p.key),
                format!("{v} (`export --all-profiles` deploys this profile and would refuse it)"),
            ));
        }
    }
    notes
}

/// What the command's user can do about `e`: `--geography` for a template of two geographies.
fn hint(e: &WireError) -> String {
    match e {
        WireError::Geographies {
            first: (_, a),
            second: (_, b),
        } => format!(
            "; `export --to cloudformation` takes one geography at a time: `--geography {a}`, then `--geography {b}`"
        ),
        _ => String::new(),
    }
}

/// `--region` and `--account` of `create-inference-profile`: both given and well-formed.
fn deployment(options: &ExportArgs) -> Result<(&str, &str), String> {
    let (Some(region), Some(account)) = (options.region.as_deref(), options.account.as_deref())
    else {
        return Err("`--to create-inference-profile` needs `--region` and `--account`".to_owned());
    };
    inference_profile::check_region(region)
        .and_then(|()| inference_profile::check_account(account))
        .map_err(|e| e.to_string())?;
    Ok((region, account))
}

pub(super) fn export(options: &ExportArgs, out: &mut impl Write) -> io::Result<ExitCode> {
    let (file, to) = (&options.file, options.to);
    let (name, message) = (options.name.as_deref(), options.message.as_deref());
    let target = match to {
        Target::CreateInferenceProfile => match deployment(options) {
            Ok(target) => Some(target),
            Err(message) => {
                say!("error: {message}");
                return Ok(ExitCode::from(USAGE));
            }
        },
        _ => None,
    };
    let geography = match options.geography.as_deref() {
        None => None,
        Some(_) if to != Target::Cloudformation => {
            say!("error: `--geography` applies to `--to cloudformation` only");
            return Ok(ExitCode::from(USAGE));
        }
        Some(prefix) => match Geo::from_prefix(prefix) {
            Some(geo) => Some(geo),
            None => {
                let known: Vec<&str> = Geo::ALL.iter().map(|g| g.prefix()).collect();
                say!(
                    "error: `--geography {prefix}` is no geography; one of: {}",
                    known.join(", ")
                );
                return Ok(ExitCode::from(USAGE));
            }
        },
    };
    let d = match load(file) {
        Ok(d) => d,
        Err(code) => return Ok(code),
    };
    let wanted = |key: &str, declared: &str| name.is_none_or(|n| n == key || n == declared);
    // The profiles to deploy: the named one, else those that declare tags (every one with `--all-profiles`).
    let deployed = |p: &&files::LoadedProfile| {
        if name.is_some() {
            wanted(&p.key, p.profile.name())
        } else {
            options.all_profiles || !p.profile.tags.is_empty()
        }
    };
    let in_geography = |p: &&files::LoadedProfile| {
        geography.is_none_or(|geo| cloudformation::geography(&p.profile).is_none_or(|g| g == geo))
    };
    let conversation = message.map_or_else(Conversation::new, Conversation::user_text);
    let mut bodies: Vec<Value> = Vec::new();
    let mut matched = 0;
    // The declaration being written, for the error's place.
    let mut place = String::new();
    let result: Result<(), bedrock_profiles::wire::WireError> = (|| {
        match to {
            Target::Converse | Target::InvokeModel => {
                for p in d
                    .profiles
                    .iter()
                    .filter(|p| wanted(&p.key, p.profile.name()))
                {
                    // A profile without a model holds settings for prompts and agents, which name the model: a
                    // request needs one, so it is left out unless asked for by name.
                    if p.profile.model.is_none() && name.is_none() {
                        say!(
                            "note: {}: profiles.{}: names no model, so it has no request of its own (left out)",
                            file.display(),
                            p.key
                        );
                        continue;
                    }
                    matched += 1;
                    place = format!("profiles.{}", p.key);
                    bodies.push(if to == Target::Converse {
                        ConverseRequest::for_profile(&p.profile)?
                            .with_conversation(&conversation)
                            .to_json()
                    } else {
                        invoke::body(&p.profile, None, &conversation)?
                    });
                }
            }
            Target::CreatePrompt => {
                for p in d.prompts.iter().filter(|p| wanted(&p.key, &p.name)) {
                    matched += 1;
                    place = format!("prompts.{}", p.key);
                    bodies.extend(d.with_prompt_spec(p, create_prompt_requests)?);
                }
            }
            Target::CreateAgent => {
                for a in d.agents.iter().filter(|a| wanted(&a.key, &a.name)) {
                    matched += 1;
                    place = format!("agents.{}", a.key);
                    bodies.push(
                        d.with_agent_spec(a, |spec| CreateAgentRequest::new(spec).to_json())?,
                    );
                }
            }
            Target::CreateInferenceProfile => {
                let (region, account) = target.unwrap_or_default();
                for p in d.profiles.iter().filter(deployed) {
                    matched += 1;
                    place = format!("profiles.{}", p.key);
                    bodies.push(
                        CreateInferenceProfileRequest::new(&p.profile, region, account)?.to_json(),
                    );
                }
            }
            Target::Cloudformation => {
                let mut template = Template::new();
                for p in d.profiles.iter().filter(deployed).filter(in_geography) {
                    matched += 1;
                    place = format!("profiles.{}", p.key);
                    template = template.inference_profile(&p.profile)?;
                }
                for p in d.prompts.iter().filter(|p| wanted(&p.key, &p.name)) {
                    matched += 1;
                    place = format!("prompts.{}", p.key);
                    template = d.with_prompt_spec(p, |spec| template.prompt(spec))?;
                }
                for a in d.agents.iter().filter(|a| wanted(&a.key, &a.name)) {
                    matched += 1;
                    place = format!("agents.{}", a.key);
                    template = d.with_agent_spec(a, |spec| {
                        template.agent(&CreateAgentRequest::new(spec))
                    })?;
                }
                bodies.push(template.to_json());
            }
        }
        Ok(())
    })();
    if let Err(e) = result {
        say!("error: {}: {place}: {e}{}", file.display(), hint(&e));
        return Ok(ExitCode::from(INVALID));
    }
    if matched == 0 {
        let what = match to {
            Target::Converse | Target::InvokeModel if name.is_none() => "profile with a model",
            Target::Converse | Target::InvokeModel => "profile",
            Target::CreatePrompt => "prompt",
            Target::CreateAgent => "agent",
            Target::CreateInferenceProfile if name.is_none() => "profile with `tags`",
            Target::CreateInferenceProfile => "profile",
            Target::Cloudformation => "profile with `tags`, prompt or agent",
        };
        match name {
            Some(n) => say!("error: `{}` declares no {what} named `{n}`", file.display()),
            None => say!("error: `{}` declares no {what}", file.display()),
        }
        return Ok(ExitCode::from(USAGE));
    }
    let value = if bodies.len() == 1 {
        bodies.remove(0)
    } else {
        Value::Array(bodies)
    };
    // One write of the whole text: stdout is line-buffered, and a body can be long.
    let text = serde_json::to_string_pretty(&value)?;
    writeln!(out, "{text}")?;
    Ok(ExitCode::SUCCESS)
}
