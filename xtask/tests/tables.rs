//! The data file against the committed snapshots of the pinned maintained tables (offline): the LiteLLM key
//! normaliser, the catalog's coverage of LiteLLM's current chat runtime models, and the "no false errors"
//! guarantee (every cross-region pair LiteLLM lists for a catalog model is within the model's `prefixes`).

use std::collections::BTreeSet;
use xtask::compare;
use xtask::data::{self, Data, GEOS};
use xtask::litellm::{self, NotRuntime, Route, RuntimeId};
use xtask::pairs;
use xtask::sources::{self, Cdk, LiteLlm};

/// The date the tests take as today.
const TODAY: &str = "2026-12-03";

fn data() -> Data {
    data::load(&data::data_path()).unwrap_or_else(|e| panic!("{e}"))
}

fn litellm() -> LiteLlm {
    sources::load_litellm(&sources::litellm_path()).unwrap_or_else(|e| panic!("{e}"))
}

fn cdk() -> Cdk {
    sources::load_cdk(&sources::cdk_path()).unwrap_or_else(|e| panic!("{e}"))
}

fn runtime(geo: Option<&str>, id: &str, route: Route) -> Result<RuntimeId, NotRuntime> {
    Ok(RuntimeId {
        geo: geo.map(str::to_owned),
        id: id.to_owned(),
        route,
    })
}

#[test]
fn the_normaliser_reads_every_key_shape() {
    let n = litellm::normalise;
    assert_eq!(
        n("bedrock/us-gov-west-1/anthropic.claude-sonnet-5", "bedrock"),
        runtime(
            None,
            "anthropic.claude-sonnet-5",
            Route::Region("us-gov-west-1".into())
        )
    );
    assert_eq!(
        n(
            "bedrock/us-east-1/1-month-commitment/cohere.command-text-v14",
            "bedrock"
        ),
        runtime(
            None,
            "cohere.command-text-v14",
            Route::Commitment {
                region: "us-east-1".into(),
                term: "1-month-commitment".into()
            }
        )
    );
    assert_eq!(
        n(
            "bedrock/*/6-month-commitment/cohere.command-light-text-v14",
            "bedrock"
        ),
        runtime(
            None,
            "cohere.command-light-text-v14",
            Route::Commitment {
                region: "*".into(),
                term: "6-month-commitment".into()
            }
        )
    );
    assert_eq!(
        n(
            "bedrock/invoke/anthropic.claude-3-5-sonnet-20240620-v1:0",
            "bedrock"
        ),
        runtime(
            None,
            "anthropic.claude-3-5-sonnet-20240620-v1:0",
            Route::Invoke
        )
    );
    assert_eq!(
        n("eu.anthropic.claude-opus-4-8", "bedrock_converse"),
        runtime(Some("eu"), "anthropic.claude-opus-4-8", Route::Direct)
    );
    assert_eq!(
        n("us-gov.xai.grok-4.7", "bedrock_converse"),
        runtime(Some("us-gov"), "xai.grok-4.7", Route::Direct)
    );
    assert_eq!(
        n("in.moonshotai.kimi-k3", "bedrock_converse"),
        runtime(Some("in"), "moonshotai.kimi-k3", Route::Direct)
    );
    assert_eq!(
        n("deepseek.v3.2", "bedrock_converse"),
        runtime(None, "deepseek.v3.2", Route::Direct)
    );
    assert_eq!(
        n("bedrock/moonshotai.kimi-k2.5", "bedrock"),
        runtime(None, "moonshotai.kimi-k2.5", Route::Direct)
    );
    assert_eq!(
        n(
            "bedrock/us.anthropic.claude-3-5-haiku-20241022-v1:0",
            "bedrock"
        ),
        runtime(
            Some("us"),
            "anthropic.claude-3-5-haiku-20241022-v1:0",
            Route::Direct
        )
    );
    // Not runtime ids.
    assert_eq!(
        n("bedrock_mantle/openai.gpt-5.4", "bedrock_mantle"),
        Err(NotRuntime::Mantle)
    );
    assert_eq!(
        n(
            "bedrock_mantle/us-gov-west-1/xai.grok-4.7",
            "bedrock_mantle"
        ),
        Err(NotRuntime::Mantle)
    );
    assert_eq!(
        n("bedrock/claude_platform/claude-opus-4-8", "bedrock"),
        Err(NotRuntime::ClaudePlatform)
    );
    assert_eq!(
        n("claude-sonnet-4-5-20250929-v1:0", "bedrock"),
        Err(NotRuntime::NoVendor)
    );
    assert_eq!(
        n(
            "bedrock/us-gov-east-1/claude-sonnet-4-5-20250929-v1:0",
            "bedrock"
        ),
        Err(NotRuntime::NoVendor)
    );
    assert_eq!(
        n("anthropic.claude-haiku-4-5@20251001", "bedrock_converse"),
        Err(NotRuntime::AtSign)
    );
    assert_eq!(
        n("bedrock/something/else/entirely/x.y", "bedrock"),
        Err(NotRuntime::UnknownShape(
            "bedrock/something/else/entirely/".into()
        ))
    );
}

#[test]
fn a_date_on_one_profile_leaves_the_model_current() {
    let table = litellm();
    let seen = litellm::sightings(&table);
    let haiku = &seen["anthropic.claude-haiku-4-5-20251001-v1:0"];
    assert!(litellm::is_current(haiku, TODAY));
    // Every row of Claude Sonnet 4 is dated 2026-10-14.
    assert!(!litellm::is_current(
        &seen["anthropic.claude-sonnet-4-20250514-v1:0"],
        TODAY
    ));
}

#[test]
fn the_snapshots_are_of_the_pinned_versions() {
    let data = data();
    assert_eq!(litellm().version, data.pins.litellm);
    let cdk = cdk();
    assert_eq!(cdk.aws_cdk_lib, data.pins.aws_cdk_lib);
    assert_eq!(cdk.aws_bedrock_alpha, data.pins.aws_bedrock_alpha);
}

#[test]
fn the_catalog_covers_at_least_90_percent_of_current_chat_runtime_models() {
    let coverage = litellm::coverage(&data(), &litellm(), TODAY);
    assert!(
        coverage.percent() >= 90.0,
        "{}; not covered: {:?}",
        coverage.line(),
        coverage
            .counted
            .difference(&coverage.covered)
            .collect::<Vec<_>>()
    );
}

#[test]
fn every_current_chat_runtime_model_is_in_the_catalog_or_left_out() {
    let data = data();
    let table = litellm();
    let catalog: BTreeSet<&str> = data.models.iter().map(|m| m.id.as_str()).collect();
    let left_out: BTreeSet<&str> = data.left_out.iter().map(|l| l.id.as_str()).collect();
    let missing: Vec<String> = litellm::current_models(&table, TODAY)
        .into_iter()
        .filter(|id| !catalog.contains(id.as_str()) && !left_out.contains(id.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "current chat runtime models of LiteLLM {} that neither the catalog nor left_out lists: {missing:?}",
        table.version
    );
}

#[test]
fn every_pair_litellm_lists_for_a_catalog_model_is_within_its_prefixes() {
    let unlisted = litellm::unlisted_pairs(&data(), &litellm());
    let shown: Vec<String> = unlisted
        .iter()
        .map(|(geo, id)| format!("{geo}.{id}"))
        .collect();
    assert!(
        shown.is_empty(),
        "LiteLLM lists these profiles, but the catalog's prefixes lack the geography: {shown:?}"
    );
}

#[test]
fn every_cdk_geography_is_known() {
    let cdk = cdk();
    let unknown: Vec<&String> = cdk
        .cross_region_inference_profile_regions
        .iter()
        .filter(|g| !GEOS.iter().any(|(known, _)| known == g))
        .collect();
    assert!(
        unknown.is_empty(),
        "CrossRegionInferenceProfileRegion values of @aws-cdk/aws-bedrock-alpha {} outside GEOS: {unknown:?}",
        cdk.aws_bedrock_alpha
    );
}

#[test]
fn every_geography_litellm_uses_is_known() {
    // A key `xx.vendor.model` with an unknown `xx` would be read as a base id with vendor `xx`; no current key
    // has a two-part vendor, so a base id whose vendor is a region-like word signals a new geography.
    let table = litellm();
    let odd: Vec<String> = litellm::sightings(&table)
        .into_keys()
        .filter(|id| {
            let rest = id.split_once('.').map_or("", |(_, rest)| rest);
            rest.split_once('.').is_some_and(|(vendor, _)| {
                ["anthropic", "amazon", "meta", "openai", "mistral"].contains(&vendor)
            })
        })
        .collect();
    assert!(
        odd.is_empty(),
        "ids with an unknown geography prefix: {odd:?}"
    );
}

#[test]
fn the_pairs_fixture_is_up_to_date() {
    let expected = pairs::pairs_file(&data(), &litellm());
    let path = pairs::pairs_path();
    let found =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(
        found == expected,
        "{} is out of date with the data file or the LiteLLM snapshot: run `cargo xtask catalog pairs`",
        path.display()
    );
}

#[test]
fn obviously_not_text_ids_are_recognised() {
    for id in [
        "amazon.titan-embed-text-v2:0",
        "amazon.nova-canvas-v1:0",
        "amazon.nova-reel-v1:1",
        "amazon.nova-sonic-v1:0",
        "cohere.rerank-v3-5:0",
        "stability.sd3-5-large-v1:0",
        "stability.stable-image-ultra-v1:1",
        "stability.stable-diffusion-xl-v1",
        "luma.ray-v2:0",
        "twelvelabs.marengo-embed-3-0-v1:0",
        "anthropic.claude-v2:1:18k",
        "amazon.nova-lite-v1:0:300k",
        "cohere.embed-english-v3:0:512",
    ] {
        assert!(compare::is_obviously_not_text(id), "{id}");
    }
    for id in [
        "anthropic.claude-v2:1",
        "amazon.nova-lite-v1:0",
        "ai21.j2-mid",
        "openai.gpt-oss-120b-1:0",
    ] {
        assert!(!compare::is_obviously_not_text(id), "{id}");
    }
}

#[test]
fn the_snapshot_reducers_read_the_package_files() {
    let js = r#"class FoundationModelIdentifier{static A=new FoundationModelIdentifier("b.y-v1");static B=new FoundationModelIdentifier("a.x-v1:0");static C=new FoundationModelIdentifier("a.x-v1:0");}"#;
    assert_eq!(
        sources::foundation_model_identifiers(js, "f.js").unwrap(),
        ["a.x-v1:0", "b.y-v1"]
    );
    let models = r#"
 * `new BedrockFoundationModel('my-model')` in a comment is no model.
    static B = new BedrockFoundationModel('b.model-v1', {
        supportsAgents: true,
        supportedVectorType: [VectorType.FLOATING_POINT],
        legacy: true,
    });
    static A = new BedrockFoundationModel('a.model-v1');
"#;
    let parsed = sources::bedrock_foundation_models(models, "models.js").unwrap();
    assert_eq!(parsed.len(), 2);
    assert_eq!(parsed[0].id, "a.model-v1");
    assert!(parsed[0].options.is_empty());
    assert_eq!(parsed[1].id, "b.model-v1");
    assert!(parsed[1].flag("legacy") && parsed[1].flag("supportsAgents"));
    assert!(!parsed[1].flag("supportsCrossRegion"));
    let regions = r#"CrossRegionInferenceProfileRegion["GLOBAL"] = "global"; CrossRegionInferenceProfileRegion["US_GOV"] = "us-gov";"#;
    assert_eq!(
        sources::cross_region_regions(regions, "r.js").unwrap(),
        ["global", "us-gov"]
    );
    assert!(sources::cross_region_regions("", "r.js").is_err());

    let table = r#"{
        "sample_spec": {"litellm_provider": "one of ...", "mode": "chat"},
        "eu.a.b": {"litellm_provider": "bedrock_converse", "mode": "chat", "max_output_tokens": 8192,
                   "deprecation_date": "2026-10-15", "input_cost_per_token": 1e-6},
        "a.c": {"litellm_provider": "bedrock", "mode": "embedding"},
        "x": {"litellm_provider": "openai", "mode": "chat"}
    }"#;
    let reduced = sources::reduce_litellm("1.0", table, "t.json").unwrap();
    assert_eq!(reduced.rows.keys().collect::<Vec<_>>(), ["eu.a.b"]);
    assert_eq!(reduced.rows["eu.a.b"].max_output_tokens, Some(8192));
    let bad =
        r#"{"a.b": {"litellm_provider": "bedrock", "mode": "chat", "max_output_tokens": "many"}}"#;
    let e = sources::reduce_litellm("1.0", bad, "t.json").unwrap_err();
    assert!(
        e.contains("t.json") && e.contains("a.b.max_output_tokens"),
        "{e}"
    );
}
