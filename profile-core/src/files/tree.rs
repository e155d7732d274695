//! One spanned tree for both file formats: TOML (through `toml`'s spanned `DeValue`) and JSON (a small parser
//! below, since serde_json keeps no positions). Every node and key carries its byte range in the source, so that
//! errors can give `file:line:col`.

use std::ops::Range;

/// A value and where it is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Node {
    pub value: Value,
    pub span: Range<usize>,
}

/// A table key and where it is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Key {
    pub name: String,
    pub span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Str(String),
    /// An integer, or `None` when it does not fit in an `i64`.
    Int(Option<i64>),
    Float(f64),
    Bool(bool),
    Array(Vec<Node>),
    Table(Vec<(Key, Node)>),
    /// Anything else (a TOML date, a JSON `null`), by its type's name.
    Other(&'static str),
}

impl Value {
    /// The type as messages name it.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Str(_) => "a string",
            Value::Int(_) => "an integer",
            Value::Float(_) => "a float",
            Value::Bool(_) => "a boolean",
            Value::Array(_) => "an array",
            Value::Table(_) => "a table",
            Value::Other(name) => name,
        }
    }
}

/// A syntax error: its message and where it is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SyntaxError {
    pub message: String,
    pub span: Range<usize>,
}

// ---------------------------------------------------------------------------------------------------------------
// TOML
// ---------------------------------------------------------------------------------------------------------------

pub(crate) fn parse_toml(source: &str) -> Result<Node, SyntaxError> {
    match toml::de::DeTable::parse(source) {
        Ok(table) => {
            let span = table.span();
            let value = toml::de::DeValue::Table(table.into_inner());
            Ok(from_toml(&value, span))
        }
        Err(error) => {
            let span = error.span().unwrap_or(0..0);
            let message = error.message().trim_end().to_owned();
            Err(SyntaxError {
                message: lowercase_first(&message),
                span: clamp(span, source.len()),
            })
        }
    }
}

fn from_toml(value: &toml::de::DeValue<'_>, span: Range<usize>) -> Node {
    use toml::de::DeValue;
    let value = match value {
        DeValue::String(s) => Value::Str(s.to_string()),
        DeValue::Integer(i) => Value::Int(i64::from_str_radix(i.as_str(), i.radix()).ok()),
        DeValue::Float(f) => {
            let text = f.as_str().replace('_', "");
            Value::Float(text.parse().unwrap_or(f64::NAN))
        }
        DeValue::Boolean(b) => Value::Bool(*b),
        DeValue::Datetime(_) => Value::Other("a date-time"),
        DeValue::Array(items) => Value::Array(
            items
                .iter()
                .map(|item| from_toml(item.get_ref(), item.span()))
                .collect(),
        ),
        DeValue::Table(table) => Value::Table(
            table
                .iter()
                .map(|(key, value)| {
                    (
                        Key {
                            name: key.get_ref().to_string(),
                            span: key.span(),
                        },
                        from_toml(value.get_ref(), value.span()),
                    )
                })
                .collect(),
        ),
    };
    Node { value, span }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if !text.starts_with("TOML") => first.to_lowercase().chain(chars).collect(),
        _ => text.to_owned(),
    }
}

fn clamp(span: Range<usize>, len: usize) -> Range<usize> {
    let start = span.start.min(len);
    start..span.end.clamp(start, len)
}

// ---------------------------------------------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------------------------------------------

pub(crate) fn parse_json(source: &str) -> Result<Node, SyntaxError> {
    let mut p = Json {
        src: source,
        pos: 0,
    };
    p.ws();
    let node = p.value(0)?;
    p.ws();
    if p.pos < source.len() {
        return Err(p.error("trailing characters after the JSON value"));
    }
    Ok(node)
}

struct Json<'a> {
    src: &'a str,
    pos: usize,
}

impl Json<'_> {
    fn peek(&self) -> Option<u8> {
        self.src.as_bytes().get(self.pos).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn error(&self, message: &str) -> SyntaxError {
        let end = self.src[self.pos..]
            .chars()
            .next()
            .map_or(self.pos, |c| self.pos + c.len_utf8());
        SyntaxError {
            message: message.to_owned(),
            span: self.pos..end,
        }
    }

    fn expect(&mut self, byte: u8, what: &str) -> Result<(), SyntaxError> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error(what))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Node, SyntaxError> {
        if depth > crate::limits::JSON_MAX_DEPTH {
            return Err(self.error(&format!(
                "JSON nested too deeply (at most {} levels)",
                crate::limits::JSON_MAX_DEPTH
            )));
        }
        let start = self.pos;
        let value = match self.peek() {
            Some(b'{') => {
                self.pos += 1;
                let mut entries: Vec<(Key, Node)> = Vec::new();
                self.ws();
                if self.peek() == Some(b'}') {
                    self.pos += 1;
                } else {
                    loop {
                        self.ws();
                        let key_start = self.pos;
                        if self.peek() != Some(b'"') {
                            return Err(self.error("expected a string key"));
                        }
                        let name = self.string()?;
                        let key = Key {
                            name,
                            span: key_start..self.pos,
                        };
                        if entries.iter().any(|(k, _)| k.name == key.name) {
                            return Err(SyntaxError {
                                message: format!("duplicate key `{}`", key.name),
                                span: key.span,
                            });
                        }
                        self.ws();
                        self.expect(b':', "expected `:` after the key")?;
                        self.ws();
                        let node = self.value(depth + 1)?;
                        entries.push((key, node));
                        self.ws();
                        match self.peek() {
                            Some(b',') => self.pos += 1,
                            Some(b'}') => {
                                self.pos += 1;
                                break;
                            }
                            _ => return Err(self.error("expected `,` or `}`")),
                        }
                    }
                }
                Value::Table(entries)
            }
            Some(b'[') => {
                self.pos += 1;
                let mut items = Vec::new();
                self.ws();
                if self.peek() == Some(b']') {
                    self.pos += 1;
                } else {
                    loop {
                        self.ws();
                        items.push(self.value(depth + 1)?);
                        self.ws();
                        match self.peek() {
                            Some(b',') => self.pos += 1,
                            Some(b']') => {
                                self.pos += 1;
                                break;
                            }
                            _ => return Err(self.error("expected `,` or `]`")),
                        }
                    }
                }
                Value::Array(items)
            }
            Some(b'"') => Value::Str(self.string()?),
            Some(b't') => self.word("true", Value::Bool(true))?,
            Some(b'f') => self.word("false", Value::Bool(false))?,
            Some(b'n') => self.word("null", Value::Other("null"))?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(_) => return Err(self.error("expected a JSON value")),
            None => return Err(self.error("unexpected end of input, expected a JSON value")),
        };
        Ok(Node {
            value,
            span: start..self.pos,
        })
    }

    fn word(&mut self, word: &str, value: Value) -> Result<Value, SyntaxError> {
        if self.src[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error("expected a JSON value"))
        }
    }

    fn number(&mut self) -> Result<Value, SyntaxError> {
        let start = self.pos;
        let bytes = self.src.as_bytes();
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        let digits = |p: &mut Self| {
            let s = p.pos;
            while p.peek().is_some_and(|b| b.is_ascii_digit()) {
                p.pos += 1;
            }
            p.pos > s
        };
        if !digits(self) {
            return Err(self.error("expected digits"));
        }
        if bytes[start..self.pos]
            .strip_prefix(b"-")
            .unwrap_or(&bytes[start..self.pos])
            .len()
            > 1
            && bytes[start..self.pos]
                .strip_prefix(b"-")
                .unwrap_or(&bytes[start..self.pos])[0]
                == b'0'
        {
            return Err(SyntaxError {
                message: "numbers must not have leading zeros".into(),
                span: start..self.pos,
            });
        }
        let mut float = false;
        if self.peek() == Some(b'.') {
            float = true;
            self.pos += 1;
            if !digits(self) {
                return Err(self.error("expected digits after `.`"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            float = true;
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !digits(self) {
                return Err(self.error("expected digits in the exponent"));
            }
        }
        let text = &self.src[start..self.pos];
        Ok(if float {
            Value::Float(text.parse().unwrap_or(f64::NAN))
        } else {
            Value::Int(text.parse().ok())
        })
    }

    fn string(&mut self) -> Result<String, SyntaxError> {
        self.pos += 1; // the opening quote
        let mut out = String::new();
        loop {
            let Some(ch) = self.src[self.pos..].chars().next() else {
                return Err(self.error("unterminated string"));
            };
            match ch {
                '"' => {
                    self.pos += 1;
                    return Ok(out);
                }
                '\\' => {
                    self.pos += 1;
                    let escape = self.peek();
                    self.pos += 1;
                    match escape {
                        Some(b'"') => out.push('"'),
                        Some(b'\\') => out.push('\\'),
                        Some(b'/') => out.push('/'),
                        Some(b'b') => out.push('\u{8}'),
                        Some(b'f') => out.push('\u{c}'),
                        Some(b'n') => out.push('\n'),
                        Some(b'r') => out.push('\r'),
                        Some(b't') => out.push('\t'),
                        Some(b'u') => {
                            let high = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&high) {
                                if !self.src[self.pos..].starts_with("\\u") {
                                    return Err(self.error("unpaired surrogate in `\\u` escape"));
                                }
                                self.pos += 2;
                                let low = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&low) {
                                    return Err(self.error("unpaired surrogate in `\\u` escape"));
                                }
                                0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                            } else {
                                high
                            };
                            match char::from_u32(code) {
                                Some(c) => out.push(c),
                                None => return Err(self.error("invalid `\\u` escape")),
                            }
                        }
                        _ => {
                            self.pos -= 1;
                            return Err(self.error("invalid escape"));
                        }
                    }
                }
                c if (c as u32) < 0x20 => return Err(self.error("control character in string")),
                c => {
                    out.push(c);
                    self.pos += c.len_utf8();
                }
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let digits = self.src.get(self.pos..self.pos + 4);
        match digits.and_then(|d| {
            d.bytes()
                .all(|b| b.is_ascii_hexdigit())
                .then(|| u32::from_str_radix(d, 16).ok())
                .flatten()
        }) {
            Some(v) => {
                self.pos += 4;
                Ok(v)
            }
            None => Err(self.error("expected 4 hex digits after `\\u`")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_spans_and_values() {
        let src = r#"{"a": [1, -2.5e1, "x\u00e9\n"], "b": {"c": true, "d": null}}"#;
        let node = parse_json(src).unwrap();
        let Value::Table(entries) = &node.value else {
            panic!()
        };
        assert_eq!(entries[0].0.name, "a");
        assert_eq!(&src[entries[0].0.span.clone()], "\"a\"");
        let Value::Array(items) = &entries[0].1.value else {
            panic!()
        };
        assert_eq!(items[0].value, Value::Int(Some(1)));
        assert_eq!(items[1].value, Value::Float(-25.0));
        assert_eq!(items[2].value, Value::Str("xé\n".into()));
        assert_eq!(&src[items[1].span.clone()], "-2.5e1");
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\" 1}",
            "01",
            "\"\\x\"",
            "{\"a\":1,\"a\":2}",
            "1 2",
            "\"\\ud800\"",
        ] {
            assert!(parse_json(bad).is_err(), "{bad:?}");
        }
        assert!(parse_json(&"[".repeat(1000)).is_err());
    }
}
