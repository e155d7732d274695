//! From a model id, a cross-region id or a Bedrock ARN to a [`ModelRef`]: the catalog lookup, the geography and
//! account rules of `ConverseRequest.modelId`, and the suggestions for an unknown id.

use super::*;

/// A model the catalog does not know, with an owned id (a file's `{ id, max_output_tokens }`, serde, the DSL's
/// `unlisted { ... }`): the id is 1..=2048 characters and not a catalog id (which should be named as such), and
/// the model can write at least one token.
pub fn unlisted_owned(id: String, max_output_tokens: u32) -> Result<ModelRef, ModelError> {
    let length = id.chars().count();
    if length == 0 || length > crate::limits::MODEL_ID_MAX_CHARS {
        return Err(ModelError::Length { found: length });
    }
    if let Some(model) = get(&id) {
        return Err(ModelError::UnlistedInCatalog {
            id: model.id,
            max_output_tokens: model.max_output_tokens(),
        });
    }
    if max_output_tokens == 0 {
        return Err(ModelError::UnlistedZeroTokens);
    }
    let limits = ModelLimits::unlisted(&id, max_output_tokens);
    Ok(ModelRef {
        id: Cow::Owned(id),
        target: ModelTarget::Unlisted(limits),
    })
}

/// Resolves a model id, cross-region id or Bedrock ARN against the catalog.
pub fn resolve(id: &str) -> Result<ModelRef, ModelError> {
    let length = id.chars().count();
    if length == 0 || length > crate::limits::MODEL_ID_MAX_CHARS {
        return Err(ModelError::Length { found: length });
    }
    let owned = || Cow::Owned(id.to_owned());
    if let Some(model) = get(id) {
        if let Some(account) = super::account::current() {
            not_on_demand_in_account(id, &account)?;
        }
        return Ok(ModelRef {
            id: Cow::Borrowed(model.id),
            target: ModelTarget::Base(model),
        });
    }
    if id.starts_with("arn:") {
        let (resource, model) = parse_arn(id)?;
        return Ok(ModelRef {
            id: owned(),
            target: match model {
                Some(model) => ModelTarget::Arn(resource, model),
                None => ModelTarget::OpaqueArn(resource),
            },
        });
    }
    if let Some(account) = super::account::current()
        && let Some(model) = resolve_in_account(id, &account)?
    {
        return Ok(model);
    }
    let (geo, model) = resolve_cross_region(id)?;
    Ok(ModelRef {
        id: owned(),
        target: ModelTarget::CrossRegion(geo, model),
    })
}

/// A base model id that every synced region of the account lists without `ON_DEMAND` in its
/// `inferenceTypesSupported` (profile-only, or provisioned throughput only): AWS's answer says it cannot be invoked
/// by that id there. Nothing to say for a model the account does not list.
fn not_on_demand_in_account(
    id: &str,
    account: &super::account::AccountCatalog,
) -> Result<(), ModelError> {
    let Some(model) = account.models.get(id) else {
        return Ok(());
    };
    let on_demand = model
        .regions
        .values()
        .any(|r| r.inference_types.iter().any(|t| t == "ON_DEMAND"));
    if model.regions.is_empty() || on_demand {
        return Ok(());
    }
    let mut types: Vec<&str> = model
        .regions
        .values()
        .flat_map(|r| r.inference_types.iter().map(String::as_str))
        .collect();
    types.sort_unstable();
    types.dedup();
    Err(ModelError::NotOnDemandInAccount {
        id: id.to_owned(),
        regions: model.regions.keys().cloned().collect(),
        inference_types: types.into_iter().map(str::to_owned).collect(),
        profiles: account
            .profiles_of(id)
            .into_iter()
            .map(str::to_owned)
            .collect(),
    })
}

/// What the account's catalog (`bedrock-catalog.toml`) says of an id the crate's catalog does not list as is: a
/// model it lists is accepted with the limits the crate knows (its output limit only when the file gives
/// `max_output_tokens`); a cross-region id of a known model is accepted when a synced region lists the profile,
/// even where the crate's sources do not, and is an error when none does (AWS's own answer for the account).
/// `Ok(None)`: the account says nothing, and the crate's catalog decides.
fn resolve_in_account(
    id: &str,
    account: &super::account::AccountCatalog,
) -> Result<Option<ModelRef>, ModelError> {
    let limits = |base: &str| {
        let max = account
            .models
            .get(base)
            .and_then(|m| m.max_output_tokens)
            .unwrap_or(u32::MAX);
        ModelLimits::unlisted(base, max)
    };
    if account.has_model(id) {
        not_on_demand_in_account(id, account)?;
        return Ok(Some(ModelRef {
            id: Cow::Owned(id.to_owned()),
            target: ModelTarget::Unlisted(limits(id)),
        }));
    }
    let Some((prefix, base)) = id.split_once('.') else {
        return Ok(None);
    };
    let Some(geo) = Geo::from_prefix(prefix) else {
        return Ok(None);
    };
    let known = get(base);
    if known.is_none() && !account.has_model(base) {
        return Ok(None);
    }
    if account.has_profile(id) {
        let target = match known {
            Some(model) => ModelTarget::CrossRegion(geo, model),
            None => ModelTarget::Unlisted(limits(base)),
        };
        return Ok(Some(ModelRef {
            id: Cow::Owned(id.to_owned()),
            target,
        }));
    }
    if account.regions.is_empty() {
        return Ok(None);
    }
    Err(ModelError::NotInAccount {
        id: id.to_owned(),
        regions: account.regions.clone(),
        profiles: account
            .profiles_of(base)
            .into_iter()
            .map(str::to_owned)
            .collect(),
    })
}

/// `<geo>.<catalog id>`. Any known geography resolves: one that no source lists for the model is a warning
/// ([`crate::rules::model_warnings`]), since availability grows month by month; only a prefix that is no geography
/// at all is an error.
fn resolve_cross_region(id: &str) -> Result<(Geo, &'static Model), ModelError> {
    if let Some((prefix, rest)) = id.split_once('.')
        && let Some(model) = get(rest)
    {
        return match Geo::from_prefix(prefix) {
            Some(geo) => Ok((geo, model)),
            None => Err(ModelError::UnknownGeo {
                prefix: prefix.to_owned(),
                model: model.id,
            }),
        };
    }
    Err(ModelError::Unknown {
        id: id.to_owned(),
        suggestions: suggest_as_written(id),
    })
}

/// `arn:aws(|-us-gov|-cn|-iso|-iso-b):bedrock:<region>:<account or empty>:<resource>/<id>`
/// (bedrock `CreateInferenceProfile.modelSource.copyFrom` pattern, extended with the opaque resource types).
fn parse_arn(arn: &str) -> Result<(ArnResource, Option<&'static Model>), ModelError> {
    let bad = |reason| ModelError::MalformedArn {
        arn: arn.to_owned(),
        reason,
    };
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    let [_, partition, service, region, account, resource] = parts.as_slice() else {
        return Err(bad(
            "expected arn:<partition>:bedrock:<region>:<account>:<resource>/<id>",
        ));
    };
    if !matches!(
        *partition,
        "aws" | "aws-us-gov" | "aws-cn" | "aws-iso" | "aws-iso-b"
    ) {
        return Err(bad(
            "the partition must be aws, aws-us-gov, aws-cn, aws-iso or aws-iso-b",
        ));
    }
    if *service != "bedrock" {
        return Err(bad("the service must be bedrock"));
    }
    if region.is_empty()
        || !region
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Err(bad("the region must look like us-east-1"));
    }
    let Some((kind, rest)) = resource.split_once('/') else {
        return Err(bad("expected <resource type>/<id> after the account"));
    };
    let Some(kind) = ArnResource::ALL.into_iter().find(|k| k.as_str() == kind) else {
        return Err(bad(
            "the resource type must be foundation-model, inference-profile, application-inference-profile or provisioned-model",
        ));
    };
    // bedrock-runtime `ConverseRequest.modelId`'s pattern: `::foundation-model/` (no account), and a 12-digit
    // account before every other resource.
    let twelve_digits = account.len() == 12 && account.bytes().all(|b| b.is_ascii_digit());
    match kind {
        ArnResource::FoundationModel if !account.is_empty() => {
            return Err(bad(
                "a foundation-model ARN has no account: arn:<partition>:bedrock:<region>::foundation-model/<id>",
            ));
        }
        ArnResource::FoundationModel => {}
        _ if !twelve_digits => {
            return Err(bad(
                "the account must be the 12 digits of the account that owns the resource",
            ));
        }
        _ => {}
    }
    if rest.is_empty() {
        return Err(bad("the resource id is empty"));
    }
    match kind {
        ArnResource::FoundationModel => match get(rest) {
            Some(model) => Ok((kind, Some(model))),
            None => Err(ModelError::Unknown {
                id: rest.to_owned(),
                suggestions: suggest_as_written(rest),
            }),
        },
        ArnResource::InferenceProfile => match get(rest) {
            // A system inference profile's id always has its geography.
            Some(model) => Err(ModelError::MissingGeo {
                arn: arn.to_owned(),
                model: model.id,
            }),
            None => resolve_cross_region(rest).map(|(_, model)| (kind, Some(model))),
        },
        ArnResource::ApplicationInferenceProfile | ArnResource::ProvisionedModel => {
            Ok((kind, None))
        }
    }
}

/// The geography of a cross-region id or of an `inference-profile/<geo>.<id>` ARN (`None` for anything else).
pub fn cross_region_geo(id: &str) -> Option<Geo> {
    let id = match id.strip_prefix("arn:") {
        Some(_) => id.rsplit_once(":inference-profile/")?.1,
        None => id,
    };
    let (prefix, rest) = id.split_once('.')?;
    get(rest)?;
    Geo::from_prefix(prefix)
}

/// The catalog ids closest to `id`, each with the geography `id` was written with (`us.` keeps `us.`).
fn suggest_as_written(id: &str) -> Vec<String> {
    let geo = id
        .split_once('.')
        .and_then(|(prefix, _)| Geo::from_prefix(prefix));
    suggest(id)
        .into_iter()
        .map(|base| match geo {
            Some(geo) => format!("{}.{base}", geo.prefix()),
            None => base.to_owned(),
        })
        .collect()
}

/// The catalog ids closest to `id` (Jaro-Winkler similarity, best first, at most three).
pub fn suggest(id: &str) -> Vec<&'static str> {
    let needle = strip_geo(id);
    let mut scored: Vec<(f64, &'static str)> = CATALOG
        .iter()
        .map(|m| (strsim::jaro_winkler(needle, m.id), m.id))
        .filter(|(score, _)| *score >= 0.8)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored.into_iter().take(3).map(|(_, id)| id).collect()
}
