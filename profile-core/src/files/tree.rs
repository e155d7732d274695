//! One spanned tree for both file formats: TOML (through `toml`'s spanned `DeValue`) and JSON (a small parser
//! below, since serde_json keeps no positions). Every node and key carries its byte range in the source, so that
//! errors can give `file:line:col`.

use crate::decl::{self, Entry, Name, Raw};
use std::ops::Range;

/// A value and where it is: the declaration layer's node, located by byte range.
pub(crate) type Node = decl::Node<Range<usize>>;

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
            Ok(from_toml(&value, span, source))
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

fn from_toml(value: &toml::de::DeValue<'_>, span: Range<usize>, source: &str) -> Node {
    use toml::de::DeValue;
    let written = || source.get(span.clone()).unwrap_or("").to_owned();
    let value = match value {
        DeValue::String(s) => Raw::Str(s.to_string()),
        DeValue::Integer(i) => Raw::Int(
            i128::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok(),
            written(),
        ),
        DeValue::Float(f) => {
            let text = f.as_str().replace('_', "");
            Raw::Float(text.parse().unwrap_or(f64::NAN), written())
        }
        DeValue::Boolean(b) => Raw::Bool(*b),
        DeValue::Datetime(_) => Raw::Other(written()),
        DeValue::Array(items) => Raw::List(
            items
                .iter()
                .map(|item| from_toml(item.get_ref(), item.span(), source))
                .collect(),
        ),
        DeValue::Table(table) => Raw::Table(
            table
                .iter()
                .map(|(key, value)| Entry {
                    key: Name::new(key.get_ref().to_string(), key.span()),
                    value: from_toml(value.get_ref(), value.span(), source),
                })
                .collect(),
        ),
    };
    Node { value, loc: span }
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
                let mut entries: Vec<Entry<Range<usize>>> = Vec::new();
                let mut keys: std::collections::HashSet<String> = std::collections::HashSet::new();
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
                        let key = Name::new(name, key_start..self.pos);
                        if !keys.insert(key.text.clone()) {
                            return Err(SyntaxError {
                                message: format!("duplicate key `{}`", key.text),
                                span: key.loc,
                            });
                        }
                        self.ws();
                        self.expect(b':', "expected `:` after the key")?;
                        self.ws();
                        let node = self.value(depth + 1)?;
                        entries.push(Entry { key, value: node });
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
                Raw::Table(entries)
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
                Raw::List(items)
            }
            Some(b'"') => Raw::Str(self.string()?),
            Some(b't') => self.word("true", Raw::Bool(true))?,
            Some(b'f') => self.word("false", Raw::Bool(false))?,
            Some(b'n') => self.word("null", Raw::Null)?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(_) => return Err(self.error("expected a JSON value")),
            None => return Err(self.error("unexpected end of input, expected a JSON value")),
        };
        Ok(Node {
            value,
            loc: start..self.pos,
        })
    }

    fn word(
        &mut self,
        word: &str,
        value: Raw<Range<usize>>,
    ) -> Result<Raw<Range<usize>>, SyntaxError> {
        if self.src[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error("expected a JSON value"))
        }
    }

    fn number(&mut self) -> Result<Raw<Range<usize>>, SyntaxError> {
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
            Raw::Float(text.parse().unwrap_or(f64::NAN), text.to_owned())
        } else {
            Raw::Int(text.parse().ok(), text.to_owned())
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
        let Raw::Table(entries) = &node.value else {
            panic!("not a table: {node:?}")
        };
        assert_eq!(entries[0].key.text, "a");
        assert_eq!(&src[entries[0].key.loc.clone()], "\"a\"");
        let Raw::List(items) = &entries[0].value.value else {
            panic!("not a list: {entries:?}")
        };
        assert_eq!(items[0].value, Raw::Int(Some(1), "1".into()));
        assert_eq!(items[1].value, Raw::Float(-25.0, "-2.5e1".into()));
        assert_eq!(items[2].value, Raw::Str("xé\n".into()));
        assert_eq!(&src[items[1].loc.clone()], "-2.5e1");
        let Raw::Table(inner) = &entries[1].value.value else {
            panic!("not a table: {entries:?}")
        };
        assert_eq!(inner[1].value.value, Raw::Null);
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
