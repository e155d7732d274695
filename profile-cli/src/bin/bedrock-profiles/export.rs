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
    // What a request body adds to the rules: a native body's own needs (Anthropic's `max_tokens`), a top-k the
    // builder cannot route (an `unlisted` model of an unknown provider). Valid for Converse or Prompt management,
    // so a note, with the profile's place, rather than an error only `export` finds.
    let conversation = Conversation::new();
    for p in d.profiles.iter().filter(|p| p.profile.model.is_some()) {
        let refused = match ConverseRequest::for_profile(&p.profile) {
            Err(e) => Some((e, "converse")),
            Ok(_) => invoke::body(&p.profile, None, &conversation)
                .err()
                .map(|e| (e, "invoke-model")),
        };
        if let Some((e, target)) = refused {
            notes.push((
                format!("profiles.{}", p.key),
                format!("{e} (`export --to {target}` would refuse this profile)"),
            ));
        }
    }
    let deployed = d.profiles.iter().filter(|p| !p.profile.tags.is_empty());
    let tables = [
        (
            "profiles",
            "profile",
            deployed.map(|p| (&p.key, p.profile.name())).collect(),
        ),
        (
            "prompts",
            "prompt",
            d.prompts
                .iter()
                .map(|p| (&p.key, p.name.as_str()))
                .collect(),
        ),
        (
            "agents",
            "agent",
            d.agents.iter().map(|a| (&a.key, a.name.as_str())).collect(),
        ),
    ];
    for (section, what, named) in tables {
        shared_names(section, what, named, &mut notes);
    }
    notes
}

/// Two declarations of one kind that reach Bedrock under one `name` (a prompt, an agent, or a deployed profile:
/// one with `tags`), such as tables `a_b` and `a-b` with default names. No source this crate follows says whether
/// Bedrock refuses the second of a name, so it is a note, not an error: one CloudFormation template would create
/// both under one name, and each deploy would find the other's.
fn shared_names(
    section: &str,
    what: &str,
    named: Vec<(&String, &str)>,
    notes: &mut Vec<(String, String)>,
) {
    let mut first: std::collections::HashMap<&str, &String> = std::collections::HashMap::new();
    for (key, name) in named {
        match first.get(name) {
            Some(earlier) => notes.push((
                format!("{section}.{key}.name"),
                format!(
                    "{what} name `{name}` is also `{section}.{earlier}`'s: deployed together, two {what}s would \
                     have one name; give each its own `name`"
                ),
            )),
            None => {
                first.insert(name, key);
            }
        }
    }
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

/// `--geography`: `None` without it; an error for a prefix that names no geography or a target that is not
/// CloudFormation.
fn geography(options: &ExportArgs) -> Result<Option<Geo>, String> {
    let Some(prefix) = options.geography.as_deref() else {
        return Ok(None);
    };
    if options.to != Target::Cloudformation {
        return Err("`--geography` applies to `--to cloudformation` only".to_owned());
    }
    Geo::from_prefix(prefix).map(Some).ok_or_else(|| {
        let known: Vec<&str> = Geo::ALL.iter().map(|g| g.prefix()).collect();
        format!(
            "`--geography {prefix}` is no geography; one of: {}",
            known.join(", ")
        )
    })
}

pub(super) fn export(options: &ExportArgs, out: &mut impl Write) -> io::Result<ExitCode> {
    let target = match options.to {
        Target::CreateInferenceProfile => deployment(options).map(Some),
        _ => Ok(None),
    };
    let (target, geography) = match target.and_then(|t| Ok((t, geography(options)?))) {
        Ok(parsed) => parsed,
        Err(message) => {
            say!("error: {message}");
            return Ok(ExitCode::from(USAGE));
        }
    };
    let d = match load(&options.file) {
        Ok(d) => d,
        Err(code) => return Ok(code),
    };
    let mut export = Export {
        d: &d,
        select: Select { options, geography },
        conversation: options
            .message
            .as_deref()
            .map_or_else(Conversation::new, Conversation::user_text),
        out: Bodies::default(),
    };
    if let Err(e) = export.collect(target) {
        say!(
            "error: {}: {}: {e}{}",
            options.file.display(),
            export.out.place,
            hint(&e)
        );
        return Ok(ExitCode::from(INVALID));
    }
    if export.out.matched == 0 {
        let what = nothing_matched(options.to, options.name.is_some());
        match options.name.as_deref() {
            Some(n) => say!(
                "error: `{}` declares no {what} named `{n}`",
                options.file.display()
            ),
            None => say!("error: `{}` declares no {what}", options.file.display()),
        }
        return Ok(ExitCode::from(USAGE));
    }
    let mut bodies = export.out.bodies;
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

/// What `export` looked for and found none of, for its error.
fn nothing_matched(to: Target, named: bool) -> &'static str {
    match to {
        Target::Converse | Target::InvokeModel if !named => "profile with a model",
        Target::Converse | Target::InvokeModel => "profile",
        Target::CreatePrompt => "prompt",
        Target::CreateAgent => "agent",
        Target::CreateInferenceProfile if !named => "profile with `tags`",
        Target::CreateInferenceProfile => "profile",
        Target::Cloudformation => "profile with `tags`, prompt or agent",
    }
}

/// One export of a file's declarations: what it selects, and the bodies it writes.
struct Export<'a> {
    d: &'a Declarations,
    select: Select<'a>,
    conversation: Conversation,
    out: Bodies,
}

/// Which declarations the options ask for.
struct Select<'a> {
    options: &'a ExportArgs,
    geography: Option<Geo>,
}

/// The bodies written so far, how many declarations matched, and the one being written (the place of an error).
#[derive(Default)]
struct Bodies {
    bodies: Vec<Value>,
    matched: usize,
    place: String,
}

impl Select<'_> {
    /// Whether the declaration with table `key` and name `declared` is asked for (`--name`, else every one).
    fn wanted(&self, key: &str, declared: &str) -> bool {
        let name = self.options.name.as_deref();
        name.is_none_or(|n| n == key || n == declared)
    }

    /// The profiles to deploy: the named one, else those that declare tags (every one with `--all-profiles`).
    fn deployed(&self, p: &files::LoadedProfile) -> bool {
        if self.options.name.is_some() {
            self.wanted(&p.key, p.profile.name())
        } else {
            self.options.all_profiles || !p.profile.tags.is_empty()
        }
    }

    /// Whether a deployed profile goes to the template of `--geography` (every one without it).
    fn in_geography(&self, p: &files::LoadedProfile) -> bool {
        self.geography
            .is_none_or(|geo| cloudformation::geography(&p.profile).is_none_or(|g| g == geo))
    }
}

impl Bodies {
    /// Counts a declaration being written, and remembers its place for an error.
    fn start(&mut self, table: &str, key: &str) {
        self.matched += 1;
        self.place = format!("{table}.{key}");
    }
}

impl Export<'_> {
    /// Every body `--to` asks for. `target` is `create-inference-profile`'s region and account.
    fn collect(&mut self, target: Option<(&str, &str)>) -> Result<(), WireError> {
        match self.select.options.to {
            Target::Converse | Target::InvokeModel => self.requests(),
            Target::CreatePrompt => self.prompts(),
            Target::CreateAgent => self.agents(),
            Target::CreateInferenceProfile => {
                let (region, account) = target.unwrap_or_default();
                self.inference_profiles(region, account)
            }
            Target::Cloudformation => self.template(),
        }
    }

    /// `converse` and `invoke-model`: one request per profile with a model.
    fn requests(&mut self) -> Result<(), WireError> {
        let Export {
            d,
            select,
            conversation,
            out,
        } = self;
        let options = select.options;
        for p in d
            .profiles
            .iter()
            .filter(|p| select.wanted(&p.key, p.profile.name()))
        {
            // A profile without a model holds settings for prompts and agents, which name the model: a request
            // needs one, so it is left out unless asked for by name.
            if p.profile.model.is_none() && options.name.is_none() {
                say!(
                    "note: {}: profiles.{}: names no model, so it has no request of its own (left out)",
                    options.file.display(),
                    p.key
                );
                continue;
            }
            out.start("profiles", &p.key);
            let body = if options.to == Target::Converse {
                ConverseRequest::for_profile(&p.profile)?
                    .with_conversation(conversation)
                    .to_json()
            } else {
                invoke::body(&p.profile, None, conversation)?
            };
            out.bodies.push(body);
        }
        Ok(())
    }

    /// `create-prompt`: the requests of each prompt's variants.
    fn prompts(&mut self) -> Result<(), WireError> {
        let Export { d, select, out, .. } = self;
        for p in d.prompts.iter().filter(|p| select.wanted(&p.key, &p.name)) {
            out.start("prompts", &p.key);
            out.bodies
                .extend(d.with_prompt_spec(p, create_prompt_requests)?);
        }
        Ok(())
    }

    /// `create-agent`: one request per agent.
    fn agents(&mut self) -> Result<(), WireError> {
        let Export { d, select, out, .. } = self;
        for a in d.agents.iter().filter(|a| select.wanted(&a.key, &a.name)) {
            out.start("agents", &a.key);
            let body = d.with_agent_spec(a, |spec| CreateAgentRequest::new(spec).to_json())?;
            out.bodies.push(body);
        }
        Ok(())
    }

    /// `create-inference-profile`: one request per deployed profile.
    fn inference_profiles(&mut self, region: &str, account: &str) -> Result<(), WireError> {
        let Export { d, select, out, .. } = self;
        for p in d.profiles.iter().filter(|p| select.deployed(p)) {
            out.start("profiles", &p.key);
            let body = CreateInferenceProfileRequest::new(&p.profile, region, account)?.to_json();
            out.bodies.push(body);
        }
        Ok(())
    }

    /// `cloudformation`: one template with the deployed profiles (of `--geography`), the prompts and the agents.
    fn template(&mut self) -> Result<(), WireError> {
        let Export { d, select, out, .. } = self;
        let mut template = Template::new();
        for p in d
            .profiles
            .iter()
            .filter(|p| select.deployed(p) && select.in_geography(p))
        {
            out.start("profiles", &p.key);
            template = template.inference_profile(&p.profile)?;
        }
        for p in d.prompts.iter().filter(|p| select.wanted(&p.key, &p.name)) {
            out.start("prompts", &p.key);
            template = d.with_prompt_spec(p, |spec| template.prompt(spec))?;
        }
        for a in d.agents.iter().filter(|a| select.wanted(&a.key, &a.name)) {
            out.start("agents", &a.key);
            template =
                d.with_agent_spec(a, |spec| template.agent(&CreateAgentRequest::new(spec)))?;
        }
        out.bodies.push(template.to_json());
        Ok(())
    }
}
