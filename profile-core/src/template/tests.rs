//! The template scanner and parser: segments, every error with its position and snippet, variables.

use super::*;

fn messages(text: &str) -> Vec<String> {
    match parse(text) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(|e| e.to_string()).collect(),
    }
}

#[test]
fn segments() {
    let t = parse("Hello {{customer}}, about {{topic}}!").unwrap();
    assert_eq!(
        t.segments,
        [
            Segment::Text("Hello "),
            Segment::Variable {
                name: "customer",
                offset: 6
            },
            Segment::Text(", about "),
            Segment::Variable {
                name: "topic",
                offset: 26
            },
            Segment::Text("!"),
        ]
    );
    assert_eq!(t.variables(), ["customer", "topic"]);
}

#[test]
fn json_is_plain_text() {
    let text = r#"{"a": {"b": [1, 2]}} and }} alone, { single }, {"x": "{{value}}"}"#;
    let t = parse(text).unwrap();
    assert_eq!(t.variables(), ["value"]);
    assert_eq!(
        t.render_with(|_| Some("V")).unwrap(),
        r#"{"a": {"b": [1, 2]}} and }} alone, { single }, {"x": "V"}"#
    );
}

#[test]
fn repeated_and_adjacent() {
    let t = parse("{{a}}{{b}}{{a}}").unwrap();
    assert_eq!(t.variables(), ["a", "b"]);
    assert_eq!(t.segments.len(), 3);
}

#[test]
fn errors_with_position_and_snippet() {
    assert_eq!(
        messages("Hello {{name, how are you"),
        [
            "unclosed `{{` at line 1, column 7: expected `}}` on the same line, near \"Hello {{name, how are you\""
        ]
    );
    assert_eq!(
        messages("line one\nok {{}} there"),
        [
            "empty placeholder `{{}}` at line 2, column 4: expected a variable name, near \"ok {{}} there\""
        ]
    );
    assert_eq!(
        messages("Hi {{ name }}"),
        ["placeholder `{{ name }}` at line 1, column 4 has spaces; write `{{name}}`"]
    );
    assert_eq!(
        messages("é {{first.name}}"),
        [
            "placeholder `{{first.name}}` at line 1, column 3 contains `.`: a variable name has letters, digits and single `_` or `-` between them, near \"é {{first.name}}\""
        ]
    );
    assert_eq!(
        messages("{{__x}}"),
        [
            "variable `__x` at line 1, column 1 must match ([0-9a-zA-Z][_-]?){1,100}: start with a letter or digit, no doubled `_` or `-`, at most 100 letters and digits, near \"{{__x}}\""
        ]
    );
}

#[test]
fn every_error_at_once() {
    let found = messages("{{a b}} then {{}} then {{ok}} then {{open");
    assert_eq!(found.len(), 3, "{found:?}");
}

#[test]
fn unclosed_before_next_placeholder() {
    let errors = parse("{{a {{b}}").unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].kind, TemplateErrorKind::Unclosed);
    assert_eq!(errors[0].offset, 0);
}

#[test]
fn triple_braces_are_an_error() {
    let errors = parse("{{{x}}}").unwrap_err();
    assert!(matches!(
        errors[0].kind,
        TemplateErrorKind::Character { found: '{', .. }
    ));
}

#[test]
fn name_length_boundary() {
    let ok = "a".repeat(100);
    assert!(parse(&format!("{{{{{ok}}}}}")).is_ok());
    let with_separators = vec!["a"; 100].join("_");
    assert!(parse(&format!("{{{{{with_separators}}}}}")).is_ok());
    let long = format!("{{{{{}}}}}", "a".repeat(101));
    let errors = parse(&long).unwrap_err();
    assert!(matches!(
        errors[0].kind,
        TemplateErrorKind::VariableName { .. }
    ));
}

#[test]
fn errors_carry_the_position_a_scan_finds() {
    // Errors on several lines, after multi-byte characters, after an unclosed `{{` and its rescanned text.
    let text = "é {{a b}} {{}}\n€€ {{x.y}} {{open\n\n𝄞{{}}{{__x}} {{ {{ok}} {{}}";
    let errors = parse(text).unwrap_err();
    assert_eq!(errors.len(), 8, "{errors:?}");
    for e in &errors {
        assert_eq!(e.line_col(), line_col(text, e.offset), "{e}");
    }
    let mut positions = Positions::new(text);
    let offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    for &offset in offsets.iter().chain(offsets.iter().rev().step_by(7)) {
        assert_eq!(
            positions.line_col(offset),
            line_col(text, offset),
            "{offset}"
        );
    }
}

#[test]
fn variables_are_distinct_in_order_of_first_use() {
    let t = parse("{{b}}{{a}}{{b}}{{c}}{{a}}").unwrap();
    assert_eq!(t.variables(), ["b", "a", "c"]);
}

#[test]
fn line_col_counts_characters() {
    assert_eq!(line_col("ééé{{", 6), (1, 4));
    assert_eq!(line_col("a\nb\n{{", 4), (3, 1));
}

#[test]
fn snippet_stays_on_its_line_and_char_boundaries() {
    let text = "first line\nééééééééééééééééééé {{x}} and a fairly long tail that goes on\nlast";
    let offset = text.find("{{").unwrap();
    let s = snippet(text, offset);
    assert!(
        s.starts_with('é') && s.contains("{{x}}") && !s.contains('\n'),
        "{s}"
    );
}

const _: () = {
    // The scanner runs in `const` code.
    let mut s = Scanner::new("a {{b}}");
    assert!(matches!(s.next(), Some(Ok(Segment::Text(t))) if crate::const_text::str_eq(t, "a ")));
    assert!(matches!(
        s.next(),
        Some(Ok(Segment::Variable { name, offset: 2 })) if crate::const_text::str_eq(name, "b")
    ));
    assert!(s.next().is_none());
};
