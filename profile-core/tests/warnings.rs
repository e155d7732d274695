//! Warnings of a loaded file carry the place of the key they are about.

use bedrock_profiles_core::files::{self, Format};

/// A model past its end of life in the catalog (the warning's wording is the rules' own, not pinned here).
const ENDED: &str = "anthropic.claude-sonnet-4-20250514-v1:0";

fn places(source: &str, format: Format) -> Vec<(String, Option<(usize, usize)>)> {
    let d = files::parse("f", source, format).unwrap_or_else(|e| panic!("{}", e.render(false)));
    let mut out: Vec<_> = d
        .warnings()
        .into_iter()
        .map(|w| {
            assert!(w.to_string().contains("end of life"), "{w}");
            (w.key_path, w.place)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn every_warning_has_the_line_and_column_of_its_key() {
    let toml = format!(
        "[profiles.base]\n\
         model = \"{ENDED}\"\n\
         \n\
         [profiles.child]\n\
         extends = \"base\"\n\
         \n\
         [prompts.p]\n\
         text = \"hi\"\n\
         [prompts.p.variants.v]\n\
         text = \"ho\"\n\
         \x20 model = \"{ENDED}\"\n\
         \n\
         [agents.a]\n\
         instruction = \"{}\"\n\
         model = \"{ENDED}\"\n",
        "x".repeat(40)
    );
    assert_eq!(
        places(&toml, Format::Toml),
        [
            ("agents.a.model".into(), Some((15, 1))),
            // Inherited through `extends`: the child's own table.
            ("profiles.base.model".into(), Some((2, 1))),
            ("profiles.child.model".into(), Some((4, 11))),
            ("prompts.p.variants.v.model".into(), Some((11, 3))),
        ]
    );

    // JSON on one line: the column of each key, counted in characters.
    let json = format!(r#"{{"profiles": {{"p": {{"description": "é…", "model": "{ENDED}"}}}}}}"#);
    assert_eq!(
        places(&json, Format::Json),
        [(
            "profiles.p.model".into(),
            Some((1, 1 + json[..json.find("\"model").unwrap()].chars().count()))
        )]
    );
}

#[test]
fn declarations_built_in_code_have_warnings_without_a_place() {
    let mut d = files::parse(
        "f",
        &format!("[profiles.p]\nmodel = \"{ENDED}\"\n"),
        Format::Toml,
    )
    .unwrap();
    let mut copy = d.profiles[0].clone();
    copy.key = "q".into();
    d.profiles.push(copy);
    let places: Vec<_> = d
        .warnings()
        .into_iter()
        .map(|w| (w.key_path, w.place))
        .collect();
    assert_eq!(
        places,
        [
            ("profiles.p.model".into(), Some((2, 1))),
            ("profiles.q.model".into(), None)
        ]
    );
    assert!(
        !d.warnings()[1]
            .to_string()
            .starts_with(|c: char| c.is_ascii_digit())
    );
}

#[test]
fn many_warnings_each_get_their_own_place() {
    // 20,000 tables that each warn: the places come from one key index per searched table.
    let mut toml = String::new();
    for i in 0..20_000 {
        toml.push_str(&format!("[profiles.p{i}]\nmodel = \"{ENDED}\"\n"));
    }
    let d = files::parse("f", &toml, Format::Toml).unwrap();
    let warnings = d.warnings();
    assert_eq!(warnings.len(), 20_000);
    assert_eq!(warnings[19_999].place, Some((40_000, 1)));
}

#[test]
fn tables_have_a_place_and_their_keys_fall_back_to_it() {
    let d = files::parse(
        "f",
        "[profiles.p]\ntemperature = 0.5\n\n[prompts.\"a.b\"]\nname = \"ab\"\ntext = \"x\"\n",
        Format::Toml,
    )
    .unwrap();
    assert_eq!(d.place("profiles.p"), Some((1, 11)));
    assert_eq!(d.place("profiles.p.description"), Some((1, 11)));
    // A table name with a dot is found whole.
    assert_eq!(d.place("prompts.a.b"), Some((4, 10)));
    assert_eq!(d.place("prompts.a.b.name"), Some((4, 10)));
    assert_eq!(d.place("agents.none"), None);
}
