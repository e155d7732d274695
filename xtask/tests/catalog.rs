//! The catalog's data file and the Rust generated from it: the file parses, every figure names a declared public
//! source, and the checked-in `profile-core/src/models/generated.rs` is exactly what the generator writes.

use xtask::data::{self, Data};

fn load() -> Data {
    data::load(&data::data_path()).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_data_file_parses_and_every_figure_has_a_source() {
    let data = load();
    assert!(data.models.len() >= 100, "{} models", data.models.len());
    assert!(data::validate(&data).is_empty());
}

#[test]
fn generated_code_is_up_to_date() {
    if let Err(e) = xtask::check_generated() {
        panic!("{e}");
    }
}

#[test]
fn validation_finds_a_figure_without_a_known_source() {
    let text = std::fs::read_to_string(data::data_path()).unwrap();
    // The first model's output limit names a source the file does not declare.
    let broken = text.replacen(
        "max_output_tokens = { value = 4096, source = [\"aws-claude-messages\", \"litellm\"] }",
        "max_output_tokens = { value = 4096, source = \"a-blog\" }",
        1,
    );
    assert_ne!(
        broken, text,
        "the first model's row changed: update this test"
    );
    let data: Data = toml::from_str(&broken).unwrap();
    let problems = data::validate(&data);
    assert_eq!(
        problems,
        [
            "model anthropic.claude-3-haiku-20240307-v1:0: max_output_tokens: unknown source `a-blog`"
        ]
    );
}

#[test]
fn validation_finds_unknown_geographies_and_bad_dates() {
    let text = std::fs::read_to_string(data::data_path()).unwrap();
    let broken = text
        .replacen(
            "prefixes = { value = [\"us\", \"eu\", \"apac\"], source = \"aws-cri\" }",
            "prefixes = { value = [\"us\", \"mars\"], source = \"aws-cri\" }",
            1,
        )
        .replacen("date = \"2026-09-10\"", "date = \"10 Sept 2026\"", 1);
    let data: Data = toml::from_str(&broken).unwrap();
    let problems = data::validate(&data);
    assert_eq!(
        problems,
        [
            "model anthropic.claude-3-haiku-20240307-v1:0: unknown geography `mars`",
            "model anthropic.claude-3-haiku-20240307-v1:0: end_of_life: `10 Sept 2026` is not YYYY-MM-DD",
        ]
    );
}

#[test]
fn source_titles_are_public_names() {
    let data = load();
    for (key, source) in &data.sources {
        assert!(
            !source.title.contains('[') && !source.title.contains("public file"),
            "sources.{key}: {}",
            source.title
        );
    }
}

#[test]
fn dates_are_calendar_dates() {
    assert!(data::is_date("2027-03-30"));
    assert!(!data::is_date("2026-02-30"));
    assert!(!data::is_date("2026-3-30"));
    assert!(!data::is_date("30-03-2027"));
}

/// The generator names `Geo` and `Provider` variants by text; the core's enums are the one list of them.
#[test]
fn geographies_and_providers_are_the_cores() {
    use bedrock_profiles_core::models::{self, Geo};
    let core: Vec<(String, String)> = Geo::ALL
        .iter()
        .map(|g| (g.prefix().to_owned(), format!("{g:?}")))
        .collect();
    let ours: Vec<(String, String)> = data::GEOS
        .iter()
        .map(|(p, v)| ((*p).to_owned(), (*v).to_owned()))
        .collect();
    assert_eq!(ours, core);
    let data = load();
    for row in &data.models {
        let model = models::get(&row.id).unwrap_or_else(|| panic!("{} is not generated", row.id));
        assert_eq!(
            format!("{:?}", model.provider()),
            data.families[&row.family].provider,
            "{}",
            row.id
        );
        assert_eq!(
            models::Provider::from_model_id(&row.id),
            model.provider(),
            "{}: the id's vendor prefix names another provider than its family",
            row.id
        );
    }
}
