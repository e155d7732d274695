//! Unit tests of the module.

use super::*;

fn template_messages(text: &str) -> Vec<String> {
    match check_template(Part::Text, text) {
        Ok(_) => Vec::new(),
        Err(found) => found.iter().map(|v| v.to_string()).collect(),
    }
}

fn placeholders(n: usize) -> String {
    (0..n).map(|i| format!("{{{{v{i}}}}} ")).collect()
}

#[test]
fn twenty_variables_but_not_twenty_one() {
    assert!(check_template(Part::Text, &placeholders(20)).is_ok());
    assert_eq!(
        template_messages(&placeholders(21)),
        ["a prompt variant takes at most 20 distinct `{{variables}}`, found 21"]
    );
    // Repeats count once.
    assert!(check_template(Part::Text, &(placeholders(20) + "{{v0}}")).is_ok());
}

#[test]
fn empty_text() {
    assert_eq!(
        template_messages(""),
        ["`text` must not be empty; a prompt template needs at least 1 character"]
    );
    assert!(check_template(Part::Text, "no placeholders").is_ok());
}

#[test]
fn names_at_the_boundary() {
    assert!(check_prompt_name(&"a".repeat(100)).is_none());
    assert!(check_prompt_name(&"a".repeat(101)).is_some());
    assert!(check_prompt_name(&vec!["a"; 100].join("-")).is_none());
    assert!(check_prompt_name(&vec!["a"; 101].join("-")).is_some());
    assert!(check_variant_name("concise_v2").is_none());
    for bad in ["", "-a", "a--b", "a b", "a_", "é"] {
        // A trailing single separator matches the pattern ([0-9a-zA-Z][_-]?), so only "a_" passes here.
        assert_eq!(check_variant_name(bad).is_none(), bad == "a_", "{bad:?}");
    }
    assert_eq!(
        check_prompt_name("my prompt").unwrap().to_string(),
        "prompt `name` must match ([0-9a-zA-Z][_-]?){1,100} (letters and digits, single `_` or `-` between them, at most 100 letters and digits), found \"my prompt\""
    );
}

#[test]
fn unique_variants() {
    let names = [
        "default", "concise", "default", "concise", "concise", "short",
    ];
    let found: Vec<(usize, String)> = check_variants_unique(&names)
        .into_iter()
        .map(|(i, v)| (i, v.to_string()))
        .collect();
    assert_eq!(
        found,
        [
            (
                2,
                "variant `default` is declared twice (`default` is the variant of the top-level keys)"
                    .to_owned()
            ),
            (3, "variant `concise` is declared twice".to_owned()),
            (4, "variant `concise` is declared twice".to_owned()),
        ]
    );
}

#[test]
fn variables_both_ways() {
    let t = check_template(Part::Text, "Hi {{custmer}}").unwrap();
    let found: Vec<String> = check_variables("default", &[&t], &["customer", "topic"])
        .iter()
        .map(|v| v.to_string())
        .collect();
    assert_eq!(
        found,
        [
            "placeholder `{{custmer}}` at line 1, column 4 names no field; did you mean `customer`?",
            "field `customer` is not used by any placeholder; add `{{customer}}` to the template or remove the field",
            "field `topic` is not used by any placeholder; add `{{topic}}` to the template or remove the field",
        ]
    );
    let sys = check_template(Part::Text, "About {{topic}}").unwrap();
    let t = check_template(Part::Text, "Hi {{customer}}").unwrap();
    assert!(check_variables("default", &[&t, &sys], &["customer", "topic"]).is_empty());
}
