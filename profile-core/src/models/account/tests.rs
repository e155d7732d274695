use super::*;
use proptest::prelude::*;

const SAMPLE: &str = r#"# bedrock-catalog.toml: what Amazon Bedrock listed for this account, written by `bedrock-profiles catalog sync`.
# Commit it. A model's `max_output_tokens` may be added by hand; later syncs keep it.
format = 1
regions = ["eu-west-1", "us-east-1"]

[models."anthropic.claude-sonnet-4-6"]
provider = "Anthropic"
name = "Claude Sonnet 4.6"
max_output_tokens = 64000

[models."anthropic.claude-sonnet-4-6".regions.us-east-1]
status = "ACTIVE"
inference_types = ["INFERENCE_PROFILE"]
legacy = 2026-01-15
end_of_life = 2026-07-15
extended_access = 2026-04-15

[models."meta.llama3-8b-instruct-v1:0"]
provider = "Meta"
name = "Llama 3 8B Instruct"

[models."meta.llama3-8b-instruct-v1:0".regions.eu-west-1]
status = "LEGACY"
inference_types = ["ON_DEMAND"]

[models."meta.llama3-8b-instruct-v1:0".regions.us-east-1]
status = "ACTIVE"
inference_types = ["ON_DEMAND", "PROVISIONED"]

[profiles."us.anthropic.claude-sonnet-4-6"]
models = ["anthropic.claude-sonnet-4-6"]
listed_in = ["us-east-1"]
routes_to = ["us-east-1", "us-east-2", "us-west-2"]
"#;

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

fn regional(status: Lifecycle, types: &[&str]) -> RegionalModel {
    RegionalModel {
        status,
        inference_types: strings(types),
        legacy: None,
        end_of_life: None,
        extended_access: None,
    }
}

fn sample() -> AccountCatalog {
    let sonnet = AccountModel {
        provider: "Anthropic".into(),
        name: "Claude Sonnet 4.6".into(),
        max_output_tokens: Some(64000),
        regions: BTreeMap::from([(
            "us-east-1".to_owned(),
            RegionalModel {
                legacy: Some("2026-01-15".into()),
                end_of_life: Some("2026-07-15".into()),
                extended_access: Some("2026-04-15".into()),
                ..regional(Lifecycle::Active, &["INFERENCE_PROFILE"])
            },
        )]),
    };
    let llama = AccountModel {
        provider: "Meta".into(),
        name: "Llama 3 8B Instruct".into(),
        max_output_tokens: None,
        regions: BTreeMap::from([
            (
                "eu-west-1".to_owned(),
                regional(Lifecycle::Legacy, &["ON_DEMAND"]),
            ),
            (
                "us-east-1".to_owned(),
                regional(Lifecycle::Active, &["ON_DEMAND", "PROVISIONED"]),
            ),
        ]),
    };
    AccountCatalog {
        regions: strings(&["eu-west-1", "us-east-1"]),
        models: BTreeMap::from([
            ("anthropic.claude-sonnet-4-6".to_owned(), sonnet),
            ("meta.llama3-8b-instruct-v1:0".to_owned(), llama),
        ]),
        profiles: BTreeMap::from([(
            "us.anthropic.claude-sonnet-4-6".to_owned(),
            AccountProfile {
                models: strings(&["anthropic.claude-sonnet-4-6"]),
                listed_in: strings(&["us-east-1"]),
                routes_to: strings(&["us-east-1", "us-east-2", "us-west-2"]),
            },
        )]),
    }
}

#[test]
fn parses_the_sample_and_writes_it_back_byte_for_byte() {
    assert_eq!(AccountCatalog::parse(SAMPLE), Ok(sample()));
    assert_eq!(sample().to_toml(), SAMPLE);
}

#[test]
fn lists_come_back_sorted_and_writing_sorts_them() {
    let text = SAMPLE.replace(
        r#"routes_to = ["us-east-1", "us-east-2", "us-west-2"]"#,
        r#"routes_to = ["us-west-2", "us-east-1", "us-east-2"]"#,
    );
    assert_eq!(AccountCatalog::parse(&text), Ok(sample()));
    let mut unsorted = sample();
    unsorted.regions.reverse();
    assert_eq!(unsorted.to_toml(), SAMPLE);
}

#[test]
fn keys_are_quoted_only_when_toml_needs_it() {
    assert_eq!(write::key("us-east-1"), "us-east-1");
    assert_eq!(write::key("a_B-9"), "a_B-9");
    assert_eq!(write::key("anthropic.claude"), r#""anthropic.claude""#);
    assert_eq!(write::key(""), r#""""#);
    assert_eq!(write::key("a b"), r#""a b""#);
    assert_eq!(
        write::string("q\"b\\n\nt\tc\u{1}d\u{7f}é"),
        r#""q\"b\\n\nt\tc\u0001d\u007Fé""#
    );
}

/// Each input and the error it gives, as `Display` prints it.
#[test]
fn errors_name_the_line_column_and_key() {
    let head = "format = 1\nregions = [\"us-east-1\"]\n";
    let model = "[models.\"m.x\"]\nprovider = \"P\"\nname = \"N\"\n";
    let regional =
        "[models.\"m.x\".regions.us-east-1]\nstatus = \"ACTIVE\"\ninference_types = []\n";
    let cases: Vec<(String, &str)> = vec![
        (
            "format = \n".into(),
            "1:10: string values must be quoted, expected literal string",
        ),
        (
            "regions = []\n".into(),
            "1:1: format: missing key `format`: this version reads and writes `format = 1`",
        ),
        (
            // A later format's own keys are not reported: its number is.
            "format = 2\nchannels = []\n".into(),
            "1:10: format: `format` 2 is not supported: this version reads `format = 1`",
        ),
        (
            "format = \"1\"\n".into(),
            "1:10: format: `format` must be an integer, found a string",
        ),
        (
            "format = 1\nregion = []\n".into(),
            "2:1: region: unknown key `region` in the top level; did you mean `regions`? the keys are `format`, `regions`, `models`, `profiles`",
        ),
        (
            "format = 1\nregions = [\"us-east-1\", \"us-east-1\"]\n".into(),
            "2:25: regions: `regions` lists `us-east-1` twice",
        ),
        (
            "format = 1\nregions = [\"US East\"]\n".into(),
            "2:12: regions: `regions` holds `US East`, which is no region name like `us-east-1`",
        ),
        (
            "format = 1\nregions = [1]\n".into(),
            "2:12: regions: `regions` must hold strings, found an integer",
        ),
        (
            format!("{head}[models.\"m.x\"]\nname = \"N\"\n"),
            "3:9: models.\"m.x\".provider: missing key `provider`",
        ),
        (
            format!("{head}{model}max_output_tokens = 0\n"),
            "6:21: models.\"m.x\".max_output_tokens: `max_output_tokens` must be within 1..=4294967295, found 0",
        ),
        (
            format!("{head}{model}max_output_tokens = 4_294_967_296\n"),
            "6:21: models.\"m.x\".max_output_tokens: `max_output_tokens` must be within 1..=4294967295, found 4_294_967_296",
        ),
        (
            format!("{head}{model}max_output_tokens = 1.5\n"),
            "6:21: models.\"m.x\".max_output_tokens: `max_output_tokens` must be an integer, found a float",
        ),
        (
            format!(
                "{head}{model}[models.\"m.x\".regions.eu-west-1]\nstatus = \"ACTIVE\"\ninference_types = []\n"
            ),
            "6:23: models.\"m.x\".regions.eu-west-1: region `eu-west-1` is not a synced region: `regions` is us-east-1",
        ),
        (
            format!("{head}{model}{}", regional.replace("ACTIVE", "RETIRED")),
            "7:10: models.\"m.x\".regions.us-east-1.status: `status` must be `ACTIVE` or `LEGACY`, found `RETIRED`",
        ),
        (
            format!("{head}{model}{regional}end_of_life = 2026-02-30\n"),
            // toml checks the calendar itself.
            "9:15: invalid date, expected day between 01 and 28",
        ),
        (
            format!("{head}{model}{regional}legacy = \"2026-02-03\"\n"),
            "9:10: models.\"m.x\".regions.us-east-1.legacy: `legacy` must be a date like 2026-07-15 (unquoted), found a string",
        ),
        (
            format!("{head}{model}{regional}legacy = 2026-02-03T10:00:00Z\n"),
            "9:10: models.\"m.x\".regions.us-east-1.legacy: `legacy` must be a date like 2026-07-15 (UTC, no time), found 2026-02-03T10:00:00Z",
        ),
        (
            format!("{head}{model}{regional}eol = 2026-02-03\n"),
            "9:1: models.\"m.x\".regions.us-east-1.eol: unknown key `eol` in a model's region; the keys are `status`, `inference_types`, `legacy`, `end_of_life`, `extended_access`",
        ),
        (
            format!("{head}{model}regions = 3\n"),
            "6:11: models.\"m.x\".regions: `regions` must be a table, found an integer",
        ),
        (
            format!("{head}models = [1]\n"),
            "3:10: models: `models` must be a table, found an array",
        ),
        (
            format!(
                "{head}[profiles.p]\nmodels = [\"m\"]\nlisted_in = [\"eu-west-1\"]\nroutes_to = []\n"
            ),
            "5:14: profiles.p.listed_in: region `eu-west-1` is not a synced region: `regions` is us-east-1",
        ),
        (
            format!("{head}[profiles.p]\nmodels = [\"m\"]\nlisted_in = []\n"),
            "3:11: profiles.p.routes_to: missing key `routes_to`",
        ),
        (
            format!(
                "{head}[profiles.p]\nmodels = [\"m\"]\nlisted_in = []\nroutes_to = []\n[profiles.p]\n"
            ),
            "7:11: duplicate key",
        ),
    ];
    let mut wrong = Vec::new();
    for (input, expected) in cases {
        match AccountCatalog::parse(&input) {
            Err(e) if e.to_string() == expected => {}
            other => wrong.push(format!(
                "{input}\n  expected {expected}\n  found    {other:?}"
            )),
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn mangled_files_give_errors_not_panics() {
    let boundaries: Vec<usize> = SAMPLE.char_indices().map(|(i, _)| i).collect();
    for &i in &boundaries {
        let (head, tail) = SAMPLE.split_at(i);
        let _ = AccountCatalog::parse(head);
        let mut chars = tail.chars();
        chars.next();
        let _ = AccountCatalog::parse(&format!("{head}{}", chars.as_str()));
        for insert in [
            "\"", "[", "]", "=", "\n", ".", "0", "x", "é", "-", "#", "\\",
        ] {
            let _ = AccountCatalog::parse(&format!("{head}{insert}{tail}"));
        }
    }
}

#[test]
fn hand_edits_are_kept_for_models_still_listed() {
    let old = sample();
    let mut new = sample();
    for model in new.models.values_mut() {
        model.max_output_tokens = None;
    }
    new.models.remove("meta.llama3-8b-instruct-v1:0");
    new.keep_hand_edits(&old);
    assert_eq!(
        new.models["anthropic.claude-sonnet-4-6"].max_output_tokens,
        Some(64000)
    );
    assert_eq!(new.models.len(), 1);
}

#[test]
fn changes_say_each_difference_in_one_line() {
    let old = sample();
    let mut new = sample();
    new.regions.push("us-west-2".into());
    let llama = new.models.get_mut("meta.llama3-8b-instruct-v1:0");
    if let Some(llama) = llama {
        llama.regions.remove("eu-west-1");
        llama.name = "Llama 3 8B".into();
        let us = llama.regions.get_mut("us-east-1");
        if let Some(us) = us {
            us.status = Lifecycle::Legacy;
            us.legacy = Some("2026-03-01".into());
            us.end_of_life = Some("2026-09-01".into());
        }
        llama.regions.insert(
            "us-west-2".into(),
            regional(Lifecycle::Active, &["ON_DEMAND"]),
        );
    }
    if let Some(sonnet) = new.models.get_mut("anthropic.claude-sonnet-4-6") {
        sonnet.max_output_tokens = None;
        if let Some(us) = sonnet.regions.get_mut("us-east-1") {
            us.end_of_life = Some("2026-08-15".into());
            us.inference_types.push("ON_DEMAND".into());
        }
    }
    new.profiles.insert(
        "eu.meta.llama3-8b-instruct-v1:0".into(),
        AccountProfile {
            models: strings(&["meta.llama3-8b-instruct-v1:0"]),
            listed_in: strings(&["eu-west-1"]),
            routes_to: strings(&["eu-central-1", "eu-west-1"]),
        },
    );
    if let Some(p) = new.profiles.get_mut("us.anthropic.claude-sonnet-4-6") {
        p.routes_to.push("us-west-1".into());
    }
    let lines: Vec<String> = AccountCatalog::changes(&old, &new)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        lines,
        [
            "synced regions: eu-west-1, us-east-1, us-west-2 (were eu-west-1, us-east-1)",
            r#"models."anthropic.claude-sonnet-4-6".regions.us-east-1.inference_types: ["INFERENCE_PROFILE"] -> ["INFERENCE_PROFILE", "ON_DEMAND"]"#,
            "model anthropic.claude-sonnet-4-6 in us-east-1: end of life moved from 2026-07-15 to 2026-08-15",
            r#"models."meta.llama3-8b-instruct-v1:0".name: "Llama 3 8B Instruct" -> "Llama 3 8B""#,
            "model meta.llama3-8b-instruct-v1:0 removed from eu-west-1",
            "model meta.llama3-8b-instruct-v1:0 went LEGACY in us-east-1 (legacy since 2026-03-01, end of life 2026-09-01)",
            "model meta.llama3-8b-instruct-v1:0 added in us-west-2",
            "profile eu.meta.llama3-8b-instruct-v1:0 added (routes to eu-central-1, eu-west-1)",
            "profile us.anthropic.claude-sonnet-4-6 now routes to us-east-1, us-east-2, us-west-2, us-west-1 (was us-east-1, us-east-2, us-west-2)",
        ]
    );
    let back: Vec<String> = AccountCatalog::changes(&new, &old)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(back.contains(&"profile eu.meta.llama3-8b-instruct-v1:0 removed".to_owned()));
    assert!(
        back.contains(
            &"model meta.llama3-8b-instruct-v1:0 is ACTIVE again in us-east-1".to_owned()
        )
    );
    assert!(AccountCatalog::changes(&old, &old).is_empty());
}

#[test]
fn dates_are_calendar_checked() {
    assert!(is_date("2024-02-29"));
    assert!(!is_date("2023-02-29"));
    assert!(!is_date("1900-02-29"));
    assert!(is_date("2000-02-29"));
    assert!(!is_date("2026-13-01"));
    assert!(!is_date("2026-00-01"));
    assert!(!is_date("2026-1-01"));
    assert!(!is_date("2026-01-01T"));
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            'a', 'z', '.', ':', '-', '_', ' ', '"', '\'', '\\', '\n', '\t', '\u{1}', '\u{7f}', 'é',
            '#', '[', '=',
        ]),
        0..8,
    )
    .prop_map(String::from_iter)
}

fn date() -> impl Strategy<Value = Option<String>> {
    prop::option::of(
        (1970u32..2100, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
    )
}

const REGIONS: &[&str] = &["ap-south-1", "eu-west-1", "us-east-1", "us-west-2"];

fn id() -> impl Strategy<Value = String> {
    text().prop_filter("a key names something", |s| !s.is_empty())
}

fn catalog() -> impl Strategy<Value = AccountCatalog> {
    prop::sample::subsequence(REGIONS.to_vec(), 0..=REGIONS.len()).prop_flat_map(|regions| {
        let regional = (
            prop::bool::ANY,
            prop::sample::subsequence(vec!["INFERENCE_PROFILE", "ON_DEMAND", "PROVISIONED"], 0..=3),
            date(),
            date(),
            date(),
        )
            .prop_map(|(legacy, types, l, e, x)| RegionalModel {
                status: if legacy {
                    Lifecycle::Legacy
                } else {
                    Lifecycle::Active
                },
                inference_types: strings(&types),
                legacy: l,
                end_of_life: e,
                extended_access: x,
            });
        let model = (
            text(),
            text(),
            prop::option::of(1u32..),
            prop::sample::subsequence(regions.clone(), 0..=regions.len()),
            prop::collection::vec(regional, REGIONS.len()),
        )
            .prop_map(|(provider, name, max_output_tokens, listed, regional)| {
                AccountModel {
                    provider,
                    name,
                    max_output_tokens,
                    regions: listed
                        .into_iter()
                        .map(str::to_owned)
                        .zip(regional)
                        .collect(),
                }
            });
        let sorted = |v: Vec<String>| {
            let mut v = v;
            v.sort();
            v.dedup();
            v
        };
        let profile = (
            prop::collection::vec(id(), 1..3),
            prop::sample::subsequence(regions.clone(), 0..=regions.len()),
            prop::sample::subsequence(REGIONS.to_vec(), 0..=REGIONS.len()),
        )
            .prop_map(move |(models, listed, routes)| AccountProfile {
                models: sorted(models),
                listed_in: strings(&listed),
                routes_to: strings(&routes),
            });
        let regions = strings(&regions);
        (
            prop::collection::btree_map(id(), model, 0..4),
            prop::collection::btree_map(id(), profile, 0..3),
        )
            .prop_map(move |(models, profiles)| AccountCatalog {
                regions: regions.clone(),
                models,
                profiles,
            })
    })
}

fn without_hand_edits(mut c: AccountCatalog) -> AccountCatalog {
    for m in c.models.values_mut() {
        m.max_output_tokens = None;
    }
    c
}

proptest! {
    #[test]
    fn round_trips(c in catalog()) {
        let text = c.to_toml();
        prop_assert_eq!(AccountCatalog::parse(&text), Ok(c.clone()), "{}", text);
        prop_assert_eq!(c.to_toml(), text);
    }

    /// `changes` is empty exactly when the catalogs are equal but for hand edits.
    #[test]
    fn changes_see_every_difference(a in catalog(), b in catalog(), mutate in prop::bool::ANY) {
        let b = if mutate { b } else { without_hand_edits(a.clone()) };
        let equal = without_hand_edits(a.clone()) == without_hand_edits(b.clone());
        prop_assert_eq!(AccountCatalog::changes(&a, &b).is_empty(), equal);
    }

    #[test]
    fn any_text_gives_a_catalog_or_an_error(text in "(format = 1\n)?[a-z0-9 =\\[\\]\".\n\\-:#{},é_]{0,120}") {
        if let Err(e) = AccountCatalog::parse(&text) {
            prop_assert!(e.line >= 1 && e.column >= 1);
            prop_assert!(e.line <= text.lines().count().max(1) + 1);
        }
    }
}
