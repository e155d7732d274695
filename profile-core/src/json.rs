//! A strict JSON (RFC 8259) syntax check that runs in `const` code.
//!
//! Structured-output schemas must be JSON objects. The macros check literal schemas at expansion time and `const`
//! assertions check schemas they cannot see; both call [`check_object`]. A JSON parsing crate cannot run in `const`
//! code and would put serde into the proc-macro build, so this module validates syntax only (it builds no value);
//! the tests compare it with `serde_json` on generated inputs.

/// What is wrong with a JSON text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonError {
    /// The text is not JSON: `what` was expected at byte `offset`.
    Syntax {
        /// What the parser expected there.
        expected: &'static str,
        /// Byte offset of the problem.
        offset: usize,
    },
    /// Valid JSON, but not an object; `found` names what it is ("an array", "a string", ...).
    NotObject {
        /// The kind of value found.
        found: &'static str,
    },
}

impl JsonError {
    /// 1-based line and column (in characters) of a syntax error within `text`.
    pub const fn line_col(&self, text: &str) -> (usize, usize) {
        let offset = match self {
            JsonError::Syntax { offset, .. } => *offset,
            JsonError::NotObject { .. } => 0,
        };
        let bytes = text.as_bytes();
        let (mut line, mut col, mut i) = (1, 1, 0);
        while i < offset && i < bytes.len() {
            if bytes[i] == b'\n' {
                line += 1;
                col = 1;
            } else if bytes[i] & 0xC0 != 0x80 {
                col += 1;
            }
            i += 1;
        }
        (line, col)
    }
}

/// Checks that `text` is one JSON object (surrounding whitespace allowed).
pub const fn check_object(text: &str) -> Result<(), JsonError> {
    let bytes = text.as_bytes();
    let start = skip_ws(bytes, 0);
    let kind = if start < bytes.len() {
        match bytes[start] {
            b'{' => "an object",
            b'[' => "an array",
            b'"' => "a string",
            b't' | b'f' => "a boolean",
            b'n' => "null",
            _ => "a number",
        }
    } else {
        "nothing"
    };
    let end = match value(bytes, start, 0) {
        Ok(end) => end,
        Err(e) => return Err(e),
    };
    let end = skip_ws(bytes, end);
    if end != bytes.len() {
        return Err(JsonError::Syntax {
            expected: "the end of the text",
            offset: end,
        });
    }
    if bytes[start] != b'{' {
        return Err(JsonError::NotObject { found: kind });
    }
    let _ = kind;
    Ok(())
}

const fn skip_ws(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && matches!(bytes[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// What [`JsonError::Syntax`] expects where the nesting goes deeper than [`crate::limits::JSON_MAX_DEPTH`];
/// messages add the limit.
pub const TOO_DEEP: &str = "less nesting";

const fn syntax(expected: &'static str, offset: usize) -> JsonError {
    JsonError::Syntax { expected, offset }
}

/// Parses one value starting at `i` (no leading whitespace); returns the offset after it.
const fn value(bytes: &[u8], i: usize, depth: usize) -> Result<usize, JsonError> {
    if i >= bytes.len() {
        return Err(syntax("a JSON value", i));
    }
    match bytes[i] {
        b'{' => object(bytes, i, depth + 1),
        b'[' => array(bytes, i, depth + 1),
        b'"' => string(bytes, i),
        b't' => literal(bytes, i, b"true"),
        b'f' => literal(bytes, i, b"false"),
        b'n' => literal(bytes, i, b"null"),
        b'-' | b'0'..=b'9' => number(bytes, i),
        _ => Err(syntax("a JSON value", i)),
    }
}

const fn literal(bytes: &[u8], i: usize, word: &[u8]) -> Result<usize, JsonError> {
    let mut k = 0;
    while k < word.len() {
        if i + k >= bytes.len() || bytes[i + k] != word[k] {
            return Err(syntax("a JSON value", i));
        }
        k += 1;
    }
    Ok(i + word.len())
}

const fn object(bytes: &[u8], open: usize, depth: usize) -> Result<usize, JsonError> {
    if depth > crate::limits::JSON_MAX_DEPTH {
        return Err(syntax(TOO_DEEP, open));
    }
    let mut i = skip_ws(bytes, open + 1);
    if i < bytes.len() && bytes[i] == b'}' {
        return Ok(i + 1);
    }
    loop {
        if i >= bytes.len() || bytes[i] != b'"' {
            return Err(syntax("a string key", i));
        }
        i = match string(bytes, i) {
            Ok(end) => skip_ws(bytes, end),
            Err(e) => return Err(e),
        };
        if i >= bytes.len() || bytes[i] != b':' {
            return Err(syntax("`:`", i));
        }
        i = skip_ws(bytes, i + 1);
        i = match value(bytes, i, depth) {
            Ok(end) => skip_ws(bytes, end),
            Err(e) => return Err(e),
        };
        if i < bytes.len() && bytes[i] == b',' {
            i = skip_ws(bytes, i + 1);
        } else if i < bytes.len() && bytes[i] == b'}' {
            return Ok(i + 1);
        } else {
            return Err(syntax("`,` or `}`", i));
        }
    }
}

const fn array(bytes: &[u8], open: usize, depth: usize) -> Result<usize, JsonError> {
    if depth > crate::limits::JSON_MAX_DEPTH {
        return Err(syntax(TOO_DEEP, open));
    }
    let mut i = skip_ws(bytes, open + 1);
    if i < bytes.len() && bytes[i] == b']' {
        return Ok(i + 1);
    }
    loop {
        i = match value(bytes, i, depth) {
            Ok(end) => skip_ws(bytes, end),
            Err(e) => return Err(e),
        };
        if i < bytes.len() && bytes[i] == b',' {
            i = skip_ws(bytes, i + 1);
        } else if i < bytes.len() && bytes[i] == b']' {
            return Ok(i + 1);
        } else {
            return Err(syntax("`,` or `]`", i));
        }
    }
}

const fn is_hex(b: u8) -> bool {
    b.is_ascii_hexdigit()
}

const fn string(bytes: &[u8], open: usize) -> Result<usize, JsonError> {
    let mut i = open + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => return Ok(i + 1),
            b'\\' => {
                if i + 1 >= bytes.len() {
                    return Err(syntax("an escape sequence", i));
                }
                match bytes[i + 1] {
                    b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => i += 2,
                    b'u' => {
                        let mut k = 2;
                        while k < 6 {
                            if i + k >= bytes.len() || !is_hex(bytes[i + k]) {
                                return Err(syntax("four hex digits after `\\u`", i));
                            }
                            k += 1;
                        }
                        i += 6;
                    }
                    _ => return Err(syntax("a valid escape sequence", i)),
                }
            }
            0x00..=0x1F => {
                return Err(syntax(
                    "no control characters inside a string (escape them)",
                    i,
                ));
            }
            _ => i += 1,
        }
    }
    Err(syntax("a closing `\"`", i))
}

const fn digits(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && bytes[i].is_ascii_digit() {
        i += 1;
    }
    i
}

const fn number(bytes: &[u8], start: usize) -> Result<usize, JsonError> {
    let mut i = start;
    if bytes[i] == b'-' {
        i += 1;
    }
    if i >= bytes.len() || !bytes[i].is_ascii_digit() {
        return Err(syntax("a digit", i));
    }
    if bytes[i] == b'0' {
        i += 1;
    } else {
        i = digits(bytes, i);
    }
    if i < bytes.len() && bytes[i] == b'.' {
        let after = digits(bytes, i + 1);
        if after == i + 1 {
            return Err(syntax("a digit after `.`", i + 1));
        }
        i = after;
    }
    if i < bytes.len() && (bytes[i] == b'e' || bytes[i] == b'E') {
        i += 1;
        if i < bytes.len() && (bytes[i] == b'+' || bytes[i] == b'-') {
            i += 1;
        }
        let after = digits(bytes, i);
        if after == i {
            return Err(syntax("a digit in the exponent", i));
        }
        i = after;
    }
    Ok(i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepts_objects() {
        for ok in [
            "{}",
            " {\"type\": \"object\"} ",
            r#"{"a": [1, -2.5e+3, 0, true, false, null, {"b": "\u00e9\n"}], "c": {}}"#,
        ] {
            assert_eq!(check_object(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn names_what_is_not_an_object() {
        assert_eq!(
            check_object("[1]"),
            Err(JsonError::NotObject { found: "an array" })
        );
        assert_eq!(
            check_object("\"x\""),
            Err(JsonError::NotObject { found: "a string" })
        );
        assert_eq!(
            check_object("12"),
            Err(JsonError::NotObject { found: "a number" })
        );
        assert_eq!(
            check_object("null"),
            Err(JsonError::NotObject { found: "null" })
        );
    }

    #[test]
    fn locates_syntax_errors() {
        let text = "{\n  \"type\": \"object\"\n  \"x\": 1\n}";
        let err = check_object(text).unwrap_err();
        assert_eq!(
            err,
            JsonError::Syntax {
                expected: "`,` or `}`",
                offset: 23
            }
        );
        assert_eq!(err.line_col(text), (3, 3));
        assert!(check_object("").is_err());
        assert!(check_object("{\"a\":}").is_err());
        assert!(check_object("{\"a\":01}").is_err());
        assert!(check_object("{\"a\":1,}").is_err());
        assert!(check_object("{} {}").is_err());
        assert!(check_object("{\"a\":\"\\x\"}").is_err());
    }

    #[test]
    fn depth_is_bounded() {
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        let text = format!("{{\"a\": {deep}}}");
        assert!(check_object(&text).is_err());
        let fine = format!("{{\"a\": {}{}}}", "[".repeat(100), "]".repeat(100));
        assert_eq!(check_object(&fine), Ok(()));
    }

    fn json_like() -> impl Strategy<Value = String> {
        let atom = prop_oneof![
            Just("1".to_owned()),
            Just("-0.5e3".to_owned()),
            Just("01".to_owned()),
            Just("1.".to_owned()),
            Just("true".to_owned()),
            Just("nul".to_owned()),
            Just("\"a\\u00e9\"".to_owned()),
            Just("\"\\q\"".to_owned()),
            Just("\"x".to_owned()),
        ];
        atom.prop_recursive(4, 32, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4)
                    .prop_map(|v| format!("[{}]", v.join(","))),
                prop::collection::vec(inner.clone(), 0..4)
                    .prop_map(|v| format!("[{}]", v.join(",,"))),
                prop::collection::vec(inner.clone(), 0..4).prop_map(|v| {
                    let fields: Vec<String> = v
                        .iter()
                        .enumerate()
                        .map(|(i, x)| format!("\"k{i}\": {x}"))
                        .collect();
                    format!("{{{}}}", fields.join(","))
                }),
                inner.prop_map(|x| format!("{{\"k\" {x}}}")),
            ]
        })
    }

    proptest! {
        #[test]
        fn agrees_with_serde_json(text in json_like()) {
            let ours = check_object(&text);
            let theirs = serde_json::from_str::<serde_json::Value>(&text);
            match theirs {
                Ok(serde_json::Value::Object(_)) => prop_assert_eq!(ours, Ok(())),
                Ok(_) => prop_assert!(matches!(ours, Err(JsonError::NotObject { .. })), "{:?}", ours),
                Err(_) => prop_assert!(matches!(ours, Err(JsonError::Syntax { .. })), "{:?}", ours),
            }
        }
    }
}
