//! The rules of the application inference profile a profile is deployed as: tags, the description's pattern and
//! the model it copies, through the rulebook, the file loader (TOML, JSON, `extends`, `unset`) and serde.

use bedrock_profiles_core::files::{self, Declarations, Format};
use bedrock_profiles_core::rules::{self, Surface, Undeployable};
use bedrock_profiles_core::{InferenceProfile, Tags, models};

mod support;

fn load(source: &str) -> Result<Declarations, files::LoadError> {
    files::parse("tags.toml", source, Format::Toml)
}

/// (key path, message) of every error.
fn errors(source: &str, format: Format) -> Vec<(String, String)> {
    support::errors(files::parse("tags", source, format))
}

fn pair(path: &str, message: &str) -> (String, String) {
    (path.to_owned(), message.to_owned())
}

fn tagged(tags: &[(&str, &str)]) -> InferenceProfile {
    let mut p = InferenceProfile::new("p");
    p.tags = Tags::Owned(
        tags.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
    );
    p
}

fn messages(profile: &InferenceProfile) -> Vec<String> {
    rules::check(profile, Surface::Converse)
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// The message of a deployed profile (tagged) with `description`, if the description breaks the pattern.
fn message(description: &str) -> Option<String> {
    let mut deployed = tagged(&[("team", "a")]);
    deployed.description = Some(description.to_owned().into());
    messages(&deployed).into_iter().next()
}

#[test]
fn description_pattern() {
    for ok in [
        "Search answers for the web app",
        "v2.1: fast answers",
        "a_b-c d",
        "x",
    ] {
        assert_eq!(message(ok), None, "{ok}");
    }
    assert_eq!(
        message("Fast, cheap").as_deref(),
        Some(
            "`description` of a deployed profile (an application inference profile: one with `tags`) must match \
             ([0-9a-zA-Z:.][ _-]?)+ (letters, digits, `:` and `.`, single spaces, `_` or `-` between them), found \
             \",\" at character 5; write prose in the doc comment"
        )
    );
    assert!(message("two  spaces").unwrap().contains(
        "found \" \" at character 5, which must follow a letter, digit, `:` or `.`; write prose"
    ));
    assert!(message(" leading").unwrap().contains("at character 1,"));
    assert!(
        message("trailing ").is_none(),
        "one final separator matches"
    );
    assert!(
        message("café")
            .unwrap()
            .contains("found \"é\" at character 4")
    );
    // The pattern is a deployed profile's: a profile without tags keeps prose in its description.
    let mut converse_only = InferenceProfile::new("p");
    converse_only.description = Some("Fast, cheap".into());
    assert!(messages(&converse_only).is_empty());
    let mut deployed = tagged(&[("team", "a")]);
    deployed.description = Some("Fast, cheap".into());
    assert_eq!(messages(&deployed), [message("Fast, cheap").unwrap()]);
    // Profiles that are not deployed keep prose: only the length rule applies.
    converse_only.description = Some("Fast, cheap!".into());
    assert!(messages(&converse_only).is_empty());
}

#[test]
fn tag_rules() {
    assert!(messages(&tagged(&[("team", "search"), ("cost-center", "4711")])).is_empty());
    assert!(messages(&tagged(&[("k", ""), ("a b._:/=+@-", "tab\there")])).is_empty());
    let long_key = "k".repeat(129);
    let long_value = "v".repeat(257);
    assert_eq!(
        messages(&tagged(&[
            ("", "x"),
            (&long_key, "x"),
            ("a&b", "x"),
            ("AWS:team", "x"),
            ("team", "x"),
            ("team", "y"),
            ("v", &long_value),
            ("w", "naïve"),
        ])),
        [
            "`tags` key must be 1..=128 characters, found 0",
            "`tags` key must be 1..=128 characters, found 129",
            "`tags` key \"a&b\" holds \"&\", which is not allowed; tag keys and values take letters, digits, \
             whitespace and . _ : / = + @ -",
            "`tags` key \"AWS:team\" starts with `aws:`, which is reserved for AWS in any case",
            "`tags` key \"team\" is given twice",
            "`tags` value of \"v\" must be at most 256 characters, found 257",
            "`tags` value of \"w\" holds \"ï\", which is not allowed; tag keys and values take letters, digits, \
             whitespace and . _ : / = + @ -",
        ]
    );
    let many: Vec<(String, String)> = (0..201).map(|i| (format!("k{i}"), String::new())).collect();
    let many: Vec<(&str, &str)> = many.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    assert_eq!(
        messages(&tagged(&many)),
        ["`tags` has 201 items, but CreateInferenceProfile takes at most 200"]
    );
    assert!(messages(&tagged(&many[..200])).is_empty());
}

#[test]
fn tags_need_a_model_the_resource_can_copy() {
    let with = |model: &str| {
        let mut p = tagged(&[("team", "search")]);
        p.model = Some(models::resolve(model).unwrap());
        messages(&p)
    };
    for ok in [
        "anthropic.claude-3-haiku-20240307-v1:0",
        "us.anthropic.claude-sonnet-4-20250514-v1:0",
        "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0",
        "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.deepseek.r1-v1:0",
    ] {
        assert_eq!(with(ok), Vec::<String>::new(), "{ok}");
    }
    let app = "arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123";
    assert_eq!(
        with(app),
        [format!(
            "`tags` make the profile an application inference profile, which copies a foundation model or a \
             cross-region profile, but `model` {app} is an application inference profile ARN"
        )]
    );
    let provisioned = "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abc123";
    assert!(with(provisioned)[0].ends_with("is a provisioned model ARN"));
    let cross_region_only = "arn:aws:bedrock:us-east-1::foundation-model/deepseek.r1-v1:0";
    assert!(with(cross_region_only)[0].contains("reachable only through a cross-region profile"));
    let unlisted = models::unlisted_owned("acme.next-v1:0".into(), 1000).unwrap();
    assert_eq!(rules::undeployable(&unlisted), Some(Undeployable::Unlisted));
    // Without tags, any model may be called (an application profile ARN is a valid `modelId`).
    let mut plain = InferenceProfile::new("p");
    plain.model = Some(models::resolve(app).unwrap());
    assert!(messages(&plain).is_empty());
}

#[test]
fn files_read_tags_and_extends_layers_them() {
    let d = load(
        r#"
[profiles.base]
model = "us.anthropic.claude-sonnet-4-20250514-v1:0"
description = "Search answers for the web app"
tags = { team = "search", "cost-center" = "4711" }

[profiles.same]
extends = "base"

[profiles.other]
extends = "base"
tags = { env = "prod", "cost-center" = "4712" }

[profiles.third]
extends = "other"
tags = { team = "ads" }

[profiles.none]
extends = "base"
unset = ["tags"]
"#,
    )
    .unwrap();
    let tags = |key: &str| -> Vec<(String, String)> {
        d.profile(key)
            .unwrap()
            .tags()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect()
    };
    let pairs = |items: &[(&str, &str)]| -> Vec<(String, String)> {
        items
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    };
    assert_eq!(
        tags("base"),
        pairs(&[("team", "search"), ("cost-center", "4711")])
    );
    assert_eq!(tags("same"), tags("base"));
    // The base's keys in order, with the values the derived profile overrides, then its new keys.
    assert_eq!(
        tags("other"),
        pairs(&[("team", "search"), ("cost-center", "4712"), ("env", "prod")])
    );
    assert_eq!(
        tags("third"),
        pairs(&[("team", "ads"), ("cost-center", "4712"), ("env", "prod")])
    );
    assert!(tags("none").is_empty());
    // Written back and read again, the same declarations.
    let written = d.to_toml();
    assert_eq!(load(&written).unwrap(), d, "{written}");
}

#[test]
fn files_report_tags_where_they_are() {
    let toml = r#"
[profiles.p]
description = "Fast, cheap"
tags = { team = "a&b", "aws:x" = "y", n = 1 }
"#;
    // The tags are invalid, so the profile is not (yet) deployed: the description's pattern waits for them.
    let found = errors(toml, Format::Toml);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0],
        pair(
            "profiles.p.tags.n",
            "`tags` values must be strings, found 1"
        )
    );
    let toml = toml.replace(", n = 1", "");
    let charset = ", which is not allowed; tag keys and values take letters, digits, whitespace and . _ : / = + @ -";
    assert_eq!(
        errors(&toml, Format::Toml),
        [
            pair(
                "profiles.p.description",
                "`description` of a deployed profile (an application inference profile: one with `tags`) must \
                 match ([0-9a-zA-Z:.][ _-]?)+ (letters, digits, `:` and `.`, single spaces, `_` or `-` between \
                 them), found \",\" at character 5; write prose in the doc comment"
            ),
            pair(
                "profiles.p.tags.team",
                &format!("`tags` value of \"team\" holds \"&\"{charset}")
            ),
            pair(
                "profiles.p.tags.aws:x",
                "`tags` key \"aws:x\" starts with `aws:`, which is reserved for AWS in any case"
            ),
        ]
    );
    let json = r#"{"profiles": {"p": {"model": "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abc",
        "tags": {"team": "search"}}}}"#;
    let found = errors(json, Format::Json);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "profiles.p.tags");
    assert!(found[0].1.ends_with("is a provisioned model ARN"));
    assert_eq!(
        errors(r#"{"profiles": {"p": {"tags": ["team"]}}}"#, Format::Json),
        [pair(
            "profiles.p.tags",
            "`tags` expects a table of strings, like { \"team\": \"search\" }, found a list"
        )]
    );
}

#[test]
fn a_derived_profiles_tag_errors_point_at_its_own_entries() {
    let toml = r#"
[profiles.base]
model = "us.anthropic.claude-sonnet-4-20250514-v1:0"
tags = { team = "search", "cost-center" = "4711" }

[profiles.derived]
extends = "base"
tags = { env = "a&b", team = "x!" }
"#;
    let charset = ", which is not allowed; tag keys and values take letters, digits, whitespace and . _ : / = + @ -";
    let found = errors(toml, Format::Toml);
    // `team` overrides the base's first tag in place, `env` is the derived profile's first new key: each error is
    // on its own entry, in the file's order.
    assert_eq!(
        found,
        [
            pair(
                "profiles.derived.tags.env",
                &format!("`tags` value of \"env\" holds \"&\"{charset}")
            ),
            pair(
                "profiles.derived.tags.team",
                &format!("`tags` value of \"team\" holds \"!\"{charset}")
            ),
        ]
    );
    let e = files::parse("tags.toml", toml, Format::Toml).unwrap_err();
    let lines: Vec<usize> = e.errors.iter().map(|e| e.line).collect();
    assert_eq!(lines, [8, 8]);
    let columns: Vec<usize> = e.errors.iter().map(|e| e.column).collect();
    assert_eq!(columns, [16, 30]);
}

#[test]
fn more_than_200_tags_counts_the_inherited_ones() {
    let base: Vec<String> = (0..150).map(|i| format!("b{i} = \"x\"")).collect();
    let own: Vec<String> = (0..60).map(|i| format!("o{i} = \"y\"")).collect();
    let toml = format!(
        "[profiles.base]\ntags = {{ {} }}\n\n[profiles.derived]\nextends = \"base\"\ntags = {{ {} }}\n",
        base.join(", "),
        own.join(", ")
    );
    assert_eq!(
        errors(&toml, Format::Toml),
        [pair(
            "profiles.derived.tags",
            &rules::Violation::TooManyTags { found: 210 }.to_string()
        )]
    );
}

/// Over 200 tags, the count is the error and only the first 200 are checked one by one (the repeated-key check
/// would otherwise be quadratic in a hostile file's tags).
#[test]
fn thousands_of_tags_are_checked_up_to_the_limit() {
    let items: Vec<String> = (0..5000).map(|i| format!("t{i} = \"a&b\"")).collect();
    let toml = format!("[profiles.p]\ntags = {{ {} }}\n", items.join(", "));
    let found = errors(&toml, Format::Toml);
    assert_eq!(found.len(), 1 + 200);
    assert_eq!(
        found[0],
        pair(
            "profiles.p.tags",
            &rules::Violation::TooManyTags { found: 5000 }.to_string()
        )
    );
    assert_eq!(found[200].0, "profiles.p.tags.t199");
}

/// AWS's general tagging rules allow 50 tags per resource, Bedrock's service model 200 per request: unverified,
/// so 51..=200 is a warning (inherited tags counted), never an error.
#[test]
fn more_than_50_tags_is_a_warning() {
    let table = |n: usize, prefix: &str| -> String {
        let items: Vec<String> = (0..n).map(|i| format!("{prefix}{i} = \"x\"")).collect();
        items.join(", ")
    };
    let toml = format!(
        "[profiles.base]\nmodel = \"us.anthropic.claude-sonnet-4-6\"\ntags = {{ {} }}\n\n\
         [profiles.derived]\nextends = \"base\"\ntags = {{ {} }}\n",
        table(50, "b"),
        table(1, "o")
    );
    let d = load(&toml).unwrap();
    let warnings: Vec<(String, String)> = d
        .warnings()
        .into_iter()
        .map(|w| (w.key_path, w.warning.to_string()))
        .collect();
    assert_eq!(
        warnings,
        [pair(
            "profiles.derived.tags",
            "`tags` has 51 items: CreateInferenceProfile takes up to 200, but AWS's general tagging rules allow 50 \
             per resource and no Bedrock page says which applies; tagging may fail beyond 50"
        )]
    );
    assert!(messages(&tagged(&[("a", "b"); 1])).is_empty());
}

#[cfg(feature = "serde")]
#[test]
fn serde_reads_and_writes_tags_as_a_map() {
    let p: InferenceProfile = serde_json::from_str(
        r#"{"name": "search", "model": "anthropic.claude-3-haiku-20240307-v1:0", "tags": {"team": "search"}}"#,
    )
    .unwrap();
    assert_eq!(p.tags().collect::<Vec<_>>(), [("team", "search")]);
    let json = serde_json::to_value(&p).unwrap();
    assert_eq!(json["tags"], serde_json::json!({"team": "search"}));
    let back: InferenceProfile = serde_json::from_value(json).unwrap();
    assert_eq!(back, p);
    let error =
        serde_json::from_str::<InferenceProfile>(r#"{"name": "p", "tags": {"aws:x": "y"}}"#)
            .unwrap_err()
            .to_string();
    assert!(
        error.starts_with("`tags.aws:x`: `tags` key \"aws:x\" starts with `aws:`"),
        "{error}"
    );
}
