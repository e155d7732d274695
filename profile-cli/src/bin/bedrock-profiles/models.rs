//! `bedrock-profiles models`: the crate's catalog, merged with the account's catalog when one is in force
//! (`bedrock-catalog.toml`): each model the account lists gets `account:` lines (table) or an `account` object
//! (JSON) with AWS's answer per region, and the account's models the crate does not know follow, marked as such.

use bedrock_profiles::models::account::{self, AccountCatalog};
use bedrock_profiles::models::{self, TopK};
use serde_json::{Value, json};
use std::io::{self, Write};
use std::process::ExitCode;

pub(super) fn list_models(as_json: bool, out: &mut impl Write) -> io::Result<ExitCode> {
    let account = account::current();
    let rows: Vec<Value> = models::CATALOG
        .iter()
        .map(|m| {
            let l = m.limits;
            json!({
                "id": m.id,
                "name": m.name,
                "provider": l.provider.name(),
                "max_output_tokens": l.max_output_tokens,
                "min_temperature": bedrock_profiles::wire::f32_as_written(l.min_temperature),
                "top_k": match l.top_k {
                    TopK::Unsupported => Value::Null,
                    TopK::Range { min, max } => json!([min, max]),
                },
                "max_stop_sequences": l.max_stop_sequences,
                "temperature_or_top_p_only": l.exclusive_temperature_top_p,
                "agents": m.agents,
                "on_demand": m.on_demand,
                "legacy": m.legacy,
                "prefixes": m.facts.prefixes.list().iter().map(|g| g.prefix()).collect::<Vec<_>>(),
                "sampling": match m.facts.sampling {
                    models::Sampling::Free => "free",
                    models::Sampling::DefaultsOnly { .. } => "defaults only",
                },
                "reasoning": m.facts.reasoning.describe(),
                "end_of_life": m.facts.end_of_life.map(|e| json!({
                    "date": e.date,
                    "only": e.only.map(|g| g.prefix()),
                    "note": e.note,
                    "source": e.source,
                })),
                "legacy_since": m.facts.legacy.map(|l| json!({"date": l.since, "source": l.source})),
                "successor": m.facts.successor.map(|s| json!({"id": s.id, "source": s.source})),
                "unverified": m.facts.unverified,
                "account_setting": m.facts.account_setting,
                "sources": {
                    "max_output_tokens": m.source,
                    "limits": m.facts.sources.limits,
                    "prefixes": m.facts.sources.prefixes,
                    "sampling": m.facts.sources.sampling,
                    "reasoning": m.facts.sources.reasoning,
                    "on_demand": m.facts.sources.on_demand,
                },
                "from": "catalog",
                "account": account.as_deref().and_then(|a| account_json(a, m.id)),
            })
        })
        .chain(account_only(account.as_deref()).map(|(id, m)| {
            json!({
                "id": id,
                "name": m.name,
                "provider": m.provider,
                "max_output_tokens": m.max_output_tokens,
                "from": "account",
                "account": account.as_deref().and_then(|a| account_json(a, id)),
            })
        }))
        .collect();
    if as_json {
        let text = serde_json::to_string_pretty(&rows)?;
        writeln!(out, "{text}")?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(
        out,
        "{:<48} {:<18} {:>11} {:>9} {:>6} {:>6}  PREFIXES",
        "MODEL", "PROVIDER", "MAX OUTPUT", "TOP K", "STOPS", "AGENTS"
    )?;
    if let Some(a) = &account {
        writeln!(
            out,
            "(with your account's catalog, {}: synced {}; `account:` lines are AWS's answer)",
            account::FILE_NAME,
            a.regions.join(", ")
        )?;
    }
    for m in models::CATALOG {
        let l = m.limits;
        let top_k = match l.top_k {
            TopK::Unsupported => "-".to_owned(),
            TopK::Range { min, max } => format!("{min}..={max}"),
        };
        let stops = l
            .max_stop_sequences
            .map_or("-".to_owned(), |n| n.to_string());
        let prefixes: Vec<&str> = m.facts.prefixes.list().iter().map(|g| g.prefix()).collect();
        writeln!(
            out,
            "{:<48} {:<18} {:>11} {:>9} {:>6} {:>6}  {}",
            m.id,
            l.provider.name(),
            l.max_output_tokens,
            top_k,
            stops,
            if m.agents { "yes" } else { "no" },
            if prefixes.is_empty() {
                "-".to_owned()
            } else {
                prefixes.join(", ")
            }
        )?;
        if let Some(eol) = m.facts.end_of_life {
            let note = eol.note.map(|n| format!(", {n}")).unwrap_or_default();
            let successor = m
                .facts
                .successor
                .map(|s| format!("; successor {} ({})", s.id, s.source))
                .unwrap_or_default();
            writeln!(
                out,
                "    note: end of life on {}{note} ({}){successor}",
                eol.date, eol.source
            )?;
        } else if let Some(legacy) = m.facts.legacy {
            let since = legacy
                .since
                .map(|d| format!(" since {d}"))
                .unwrap_or_default();
            writeln!(out, "    note: legacy{since} ({})", legacy.source)?;
        }
        if let Some(unverified) = m.facts.unverified {
            writeln!(out, "    unverified: {unverified}")?;
        }
        if let Some(a) = &account {
            account_lines(out, a, m.id)?;
        }
    }
    for (id, m) in account_only(account.as_deref()) {
        let max = m
            .max_output_tokens
            .map_or("-".to_owned(), |n| n.to_string());
        // Top-k, stop-sequence limit and agent use are unknown for a model only the account lists.
        let unknown = "?";
        writeln!(
            out,
            "{:<48} {:<18} {:>11} {:>9} {:>6} {:>6}  (account only)",
            id, m.provider, max, unknown, unknown, unknown
        )?;
        if let Some(a) = &account {
            account_lines(out, a, id)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The account's models that the crate's catalog does not know, by id.
fn account_only(
    account: Option<&AccountCatalog>,
) -> impl Iterator<Item = (&str, &bedrock_profiles::models::account::AccountModel)> {
    account
        .into_iter()
        .flat_map(|a| a.models.iter())
        .filter(|(id, m)| models::get(id).is_none() && !m.regions.is_empty())
        .map(|(id, m)| (id.as_str(), m))
}

/// What the account lists for model `id`: per region its status, inference types and dates, and its profiles.
fn account_json(account: &AccountCatalog, id: &str) -> Option<Value> {
    let m = account.models.get(id)?;
    let regions: serde_json::Map<String, Value> = m
        .regions
        .iter()
        .map(|(region, r)| {
            (
                region.clone(),
                json!({
                    "status": r.status.as_str(),
                    "inference_types": r.inference_types,
                    "legacy": r.legacy,
                    "end_of_life": r.end_of_life,
                    "extended_access": r.extended_access,
                }),
            )
        })
        .collect();
    Some(json!({
        "regions": regions,
        "profiles": account.profiles_of(id),
        "max_output_tokens": m.max_output_tokens,
    }))
}

/// The `account:` lines of a model the account lists: each region's answer, then its cross-region profiles.
fn account_lines(out: &mut impl Write, account: &AccountCatalog, id: &str) -> io::Result<()> {
    let Some(m) = account.models.get(id) else {
        return Ok(());
    };
    for (region, r) in &m.regions {
        let mut line = format!(
            "    account: {region} {} ({})",
            r.status,
            r.inference_types.join(", ")
        );
        for (what, date) in [
            ("legacy", &r.legacy),
            ("extended access", &r.extended_access),
            ("end of life", &r.end_of_life),
        ] {
            if let Some(date) = date {
                line.push_str(&format!(", {what} {date}"));
            }
        }
        writeln!(out, "{line}")?;
    }
    let profiles = account.profiles_of(id);
    if !profiles.is_empty() {
        writeln!(out, "    account: profiles {}", profiles.join(", "))?;
    }
    Ok(())
}
