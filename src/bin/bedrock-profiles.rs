//! `bedrock-profiles`: check declaration files, export the request bodies Bedrock receives, list the model catalog.

use bedrock_profiles::files::{self, Declarations, FileError};
use bedrock_profiles::models::{self, TopK};
use bedrock_profiles::wire::{
    Conversation, agent::CreateAgentRequest, cloudformation::Template, converse::ConverseRequest,
    invoke, prompt::create_prompt_requests,
};
use clap::{Parser, Subcommand, ValueEnum};
use serde_json::{Value, json};
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Amazon Bedrock inference profiles, prompts and agents declared in TOML or JSON files, checked by the same
/// rulebook as the `bedrock-profiles` macros.
///
/// Exit status: 0 when everything is valid, 1 when a declaration breaks a rule (or cannot be sent), 2 for usage
/// and I/O errors.
#[derive(Debug, Parser)]
#[command(name = "bedrock-profiles", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
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
    /// request per variant), `create-agent` the agents, `cloudformation` one template with every prompt and
    /// agent. One body is printed as an object; several as an array.
    ///
    /// An agent step that has a profile is sent as an overridden prompt, which Bedrock applies only with its base
    /// prompt template: give one per such step in the agent's table, e.g.
    /// `base_prompt_templates.orchestration = "..."` (the `profile` key is the orchestration step's).
    Export {
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
    },
    /// List the model catalog with each model's limits.
    Models {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
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
    /// A CloudFormation template with AWS::Bedrock::Prompt and AWS::Bedrock::Agent resources.
    Cloudformation,
}

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
    let result = match cli.command {
        Command::Check { files } => check(&files, &mut out),
        Command::Export {
            file,
            to,
            name,
            message,
        } => export(&file, to, name.as_deref(), message.as_deref(), &mut out),
        Command::Models { json } => list_models(json, &mut out),
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
            eprintln!("error: cannot write the output: {e}");
            ExitCode::from(USAGE)
        }
    }
}

fn load(file: &PathBuf) -> Result<Declarations, ExitCode> {
    files::load(file).map_err(|e| match e {
        FileError::Invalid(errors) => {
            eprintln!("{}", errors.render(std::io::stderr().is_terminal()));
            ExitCode::from(INVALID)
        }
        other => {
            eprintln!("error: {other}");
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

fn export(
    file: &PathBuf,
    to: Target,
    name: Option<&str>,
    message: Option<&str>,
    out: &mut impl Write,
) -> io::Result<ExitCode> {
    let d = match load(file) {
        Ok(d) => d,
        Err(code) => return Ok(code),
    };
    let wanted = |key: &str, declared: &str| name.is_none_or(|n| n == key || n == declared);
    let conversation = message.map_or_else(Conversation::new, Conversation::user_text);
    let mut bodies: Vec<Value> = Vec::new();
    let mut matched = 0;
    let result: Result<(), bedrock_profiles::wire::WireError> = (|| {
        match to {
            Target::Converse | Target::InvokeModel => {
                for p in d
                    .profiles
                    .iter()
                    .filter(|p| wanted(&p.key, p.profile.name()))
                {
                    matched += 1;
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
                    bodies.extend(create_prompt_requests(d.leak_prompt_spec(p))?);
                }
            }
            Target::CreateAgent => {
                for a in d.agents.iter().filter(|a| wanted(&a.key, &a.name)) {
                    matched += 1;
                    bodies.push(agent_request(&d, a).to_json()?);
                }
            }
            Target::Cloudformation => {
                let mut template = Template::new();
                for p in d.prompts.iter().filter(|p| wanted(&p.key, &p.name)) {
                    matched += 1;
                    template = template.prompt(d.leak_prompt_spec(p))?;
                }
                for a in d.agents.iter().filter(|a| wanted(&a.key, &a.name)) {
                    matched += 1;
                    template = template.agent(&agent_request(&d, a))?;
                }
                bodies.push(template.to_json());
            }
        }
        Ok(())
    })();
    if let Err(e) = result {
        eprintln!("error: {e}");
        return Ok(ExitCode::from(INVALID));
    }
    if matched == 0 {
        let what = match to {
            Target::Converse | Target::InvokeModel => "profile",
            Target::CreatePrompt => "prompt",
            Target::CreateAgent => "agent",
            Target::Cloudformation => "prompt or agent",
        };
        match name {
            Some(n) => eprintln!("error: `{}` declares no {what} named `{n}`", file.display()),
            None => eprintln!("error: `{}` declares no {what}", file.display()),
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

fn agent_request<'a>(d: &Declarations, a: &files::LoadedAgent) -> CreateAgentRequest<'a> {
    let mut request = CreateAgentRequest::new(d.leak_agent_spec(a));
    for (step, template) in &a.base_prompt_templates {
        request = request.base_prompt_template(*step, template.clone());
    }
    request
}

fn list_models(as_json: bool, out: &mut impl Write) -> io::Result<ExitCode> {
    let rows: Vec<Value> = models::CATALOG
        .iter()
        .map(|m| {
            let l = m.limits;
            json!({
                "id": m.id,
                "name": m.name,
                "provider": l.provider.name(),
                "max_output_tokens": l.max_output_tokens,
                "min_temperature": bedrock_profiles::__private::f32_as_written(l.min_temperature),
                "top_k": match l.top_k {
                    TopK::Unsupported => Value::Null,
                    TopK::Range { min, max } => json!([min, max]),
                },
                "max_stop_sequences": l.max_stop_sequences,
                "temperature_or_top_p_only": l.exclusive_temperature_top_p,
                "agents": m.agents,
                "on_demand": m.on_demand,
                "legacy": m.legacy,
            })
        })
        .collect();
    if as_json {
        let text = serde_json::to_string_pretty(&rows)?;
        writeln!(out, "{text}")?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(
        out,
        "{:<48} {:<18} {:>11} {:>9} {:>6} {:>6}",
        "MODEL", "PROVIDER", "MAX OUTPUT", "TOP K", "STOPS", "AGENTS"
    )?;
    for m in models::CATALOG {
        let l = m.limits;
        let top_k = match l.top_k {
            TopK::Unsupported => "-".to_owned(),
            TopK::Range { min, max } => format!("{min}..={max}"),
        };
        let stops = l
            .max_stop_sequences
            .map_or("-".to_owned(), |n| n.to_string());
        writeln!(
            out,
            "{:<48} {:<18} {:>11} {:>9} {:>6} {:>6}",
            m.id,
            l.provider.name(),
            l.max_output_tokens,
            top_k,
            stops,
            if m.agents { "yes" } else { "no" }
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
