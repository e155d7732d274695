//! A profile deployed as an application inference profile: the bedrock 2023-04-20 `CreateInferenceProfile` request,
//! and the ARN the deployed resource is called through.
//!
//! The resource copies one model (`modelSource.copyFrom`): a foundation model,
//! `arn:<partition>:bedrock:<region>::foundation-model/<id>`, or a cross-region (system) inference profile,
//! `arn:<partition>:bedrock:<region>:<account>:inference-profile/<geo>.<id>`. It carries the profile's name,
//! description and cost-allocation tags. Callers then pass the resource's ARN,
//! `arn:<partition>:bedrock:<region>:<account>:application-inference-profile/<id>`, as `modelId`
//! ([`super::converse::ConverseRequest::via`]).

use super::WireError;
use crate::InferenceProfile;
use crate::models::{ArnResource, ModelTarget};
use crate::rules;
use serde::Serialize;
use serde_json::Value;

/// A `CreateInferenceProfile` request body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CreateInferenceProfileRequest {
    /// `inferenceProfileName`: the profile's name.
    pub inference_profile_name: String,
    /// `description`: the profile's description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `modelSource`: what the resource copies.
    pub model_source: ModelSource,
    /// `tags`: the profile's cost-allocation tags; never sent empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Tag>,
}

/// `modelSource`: the union `InferenceProfileModelSource`, whose one member is `copyFrom`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ModelSource {
    /// `copyFrom`: a foundation-model or cross-region inference-profile ARN.
    pub copy_from: String,
}

/// One `Tag`: `{"key": "team", "value": "search"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tag {
    /// `key`.
    pub key: String,
    /// `value`.
    pub value: String,
}

/// What an application inference profile copies: a foundation model or a cross-region profile, by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CopySource<'a> {
    /// [`ArnResource::FoundationModel`] or [`ArnResource::InferenceProfile`].
    pub resource: ArnResource,
    /// The model id (`anthropic.claude-3-haiku-20240307-v1:0`) or cross-region id (`us.anthropic...`).
    pub id: &'a str,
}

impl CopySource<'_> {
    /// The source's ARN in `region` of `account` (a foundation-model ARN has no account).
    pub fn arn(&self, region: &str, account: &str) -> String {
        let account = self.account(account);
        format!(
            "arn:{}:bedrock:{region}:{account}:{}/{}",
            partition(region),
            self.resource.as_str(),
            self.id
        )
    }

    /// The source's ARN as a CloudFormation `Fn::Sub` text: `${AWS::Partition}`, `${AWS::Region}` and (for a
    /// cross-region profile) `${AWS::AccountId}` of the stack.
    pub fn sub(&self) -> String {
        let account = self.account("${AWS::AccountId}");
        format!(
            "arn:${{AWS::Partition}}:bedrock:${{AWS::Region}}:{account}:{}/{}",
            self.resource.as_str(),
            self.id
        )
    }

    fn account<'b>(&self, account: &'b str) -> &'b str {
        match self.resource {
            ArnResource::FoundationModel => "",
            _ => account,
        }
    }
}

/// What `profile`'s application inference profile copies: its model, when it is a foundation model that can be
/// invoked on demand or a cross-region profile (by id or by ARN).
pub fn copy_source(profile: &InferenceProfile) -> Result<CopySource<'_>, WireError> {
    let not = |reason: String| WireError::NotDeployable {
        profile: profile.name().to_owned(),
        reason,
    };
    let Some(model) = &profile.model else {
        return Err(not(
            "it names no model; set `model` to a foundation model or a cross-region profile"
                .to_owned(),
        ));
    };
    if let Some(why) = rules::undeployable(model) {
        return Err(not(format!(
            "`model` {} is {}; the resource copies a foundation model or a cross-region profile",
            model.id(),
            why.describe()
        )));
    }
    let (resource, id) = match model.target {
        ModelTarget::Base(entry) => (ArnResource::FoundationModel, entry.id),
        ModelTarget::CrossRegion(..) => (ArnResource::InferenceProfile, model.id()),
        // A foundation-model or inference-profile ARN: the id after `<resource>/`, in the caller's region.
        ModelTarget::Arn(resource, _) => {
            let id = model.id();
            (resource, id.split_once('/').map_or(id, |(_, rest)| rest))
        }
        ModelTarget::OpaqueArn(_) | ModelTarget::Unlisted(_) => {
            return Err(not(format!("`model` {} cannot be copied", model.id())));
        }
    };
    Ok(CopySource { resource, id })
}

/// The partition of a region: `aws-cn` for `cn-*`, `aws-us-gov` for `us-gov-*`, `aws-iso` for `us-iso-*`,
/// `aws-iso-b` for `us-isob-*`, else `aws`.
pub fn partition(region: &str) -> &'static str {
    if region.starts_with("cn-") {
        "aws-cn"
    } else if region.starts_with("us-gov-") {
        "aws-us-gov"
    } else if region.starts_with("us-isob-") {
        "aws-iso-b"
    } else if region.starts_with("us-iso-") {
        "aws-iso"
    } else {
        "aws"
    }
}

/// A region name like `us-east-1` (the ARN patterns' `[0-9a-z-]{0,20}`, which must not be empty here).
pub fn check_region(region: &str) -> Result<(), WireError> {
    let shaped = (1..=20).contains(&region.len())
        && region
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && region.starts_with(|c: char| c.is_ascii_lowercase())
        && region.ends_with(|c: char| c.is_ascii_digit())
        && region.contains('-');
    if shaped {
        Ok(())
    } else {
        Err(WireError::Target {
            what: "region",
            value: region.to_owned(),
            expected: "a region name like us-east-1",
        })
    }
}

/// An AWS account id: 12 digits.
pub fn check_account(account: &str) -> Result<(), WireError> {
    if account.len() == 12 && account.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(WireError::Target {
            what: "account",
            value: account.to_owned(),
            expected: "a 12-digit AWS account id",
        })
    }
}

/// The ARN of a deployed application inference profile:
/// `arn:<partition>:bedrock:<region>:<account>:application-inference-profile/<id>`, the id of
/// `[a-zA-Z0-9-:.]` (CloudFormation `InferenceProfileArn`).
pub fn check_application_profile_arn(arn: &str) -> Result<(), WireError> {
    let bad = |reason: &str| {
        Err(WireError::Arn {
            arn: arn.to_owned(),
            reason: reason.to_owned(),
        })
    };
    if !arn.starts_with("arn:") {
        return bad(
            "expected arn:<partition>:bedrock:<region>:<account>:application-inference-profile/<id>",
        );
    }
    let resolved = match crate::models::resolve(arn) {
        Ok(model) => model,
        Err(crate::models::ModelError::MalformedArn { reason, .. }) => return bad(reason),
        Err(_) => {
            return bad(
                "expected arn:<partition>:bedrock:<region>:<account>:application-inference-profile/<id>",
            );
        }
    };
    if resolved.target != ModelTarget::OpaqueArn(ArnResource::ApplicationInferenceProfile) {
        return bad(
            "the resource type must be application-inference-profile (the ARN of the deployed profile)",
        );
    }
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    if parts.get(4).is_none_or(|account| account.is_empty()) {
        return bad("the account must be 12 digits");
    }
    let id = arn.split_once('/').map_or("", |(_, id)| id);
    if !id
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b':' | b'.'))
    {
        return bad("the profile id may only hold letters, digits, `-`, `:` and `.`");
    }
    Ok(())
}

impl CreateInferenceProfileRequest {
    /// The request that deploys `profile` in `region` of `account`. The profile must pass the rulebook and name a
    /// model the resource can copy.
    pub fn new(profile: &InferenceProfile, region: &str, account: &str) -> Result<Self, WireError> {
        check_region(region)?;
        check_account(account)?;
        let source = copy_source(profile)?;
        Self::with_copy_from(profile, source.arn(region, account))
    }

    /// The request with `copy_from` as given (a CloudFormation template puts an `Fn::Sub` text there).
    pub(crate) fn with_copy_from(
        profile: &InferenceProfile,
        copy_from: String,
    ) -> Result<Self, WireError> {
        // A profile deployed without tags (`--all-profiles`) meets the description's pattern here too.
        if let Some(violation) = rules::check_deployed(profile).first() {
            return Err(WireError::Rule {
                message: format!("profile `{}`: {violation}", profile.name()),
            });
        }
        Ok(CreateInferenceProfileRequest {
            inference_profile_name: profile.name().to_owned(),
            description: profile.description().map(str::to_owned),
            model_source: ModelSource { copy_from },
            tags: profile
                .tags()
                .map(|(key, value)| Tag {
                    key: key.to_owned(),
                    value: value.to_owned(),
                })
                .collect(),
        })
    }

    /// The body as JSON.
    pub fn to_json(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}
