//! Prompt templates: text with `{{variable}}` placeholders, as Bedrock Prompt management writes them.
//!
//! The parser is `const`-friendly ([`Scanner`]) and never allocates; [`parse`] collects its output. `#[prompt]`
//! runs it at expansion time and generates straight-line rendering code; a loader of prompt files runs the same
//! functions at run time.
//!
//! Syntax (bedrock-agent `CreatePrompt`, text templates: "placeholders are written `{{variable}}`"):
//! - `{{name}}` is a placeholder; `name` must match `([0-9a-zA-Z][_-]?){1,100}` as a whole (the pattern of
//!   `PromptInputVariable.name`);
//! - an unclosed `{{` (no `}}` before the end of the line or the next `{{`), an empty `{{}}`, spaces or any other
//!   character in the name are errors;
//! - single braces and a `}}` without its `{{` are plain text, so JSON examples need no escaping.

use crate::const_text::Message;
use crate::rules::matches_name_pattern;

/// One piece of a template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segment<'a> {
    /// Text copied as it is.
    Text(&'a str),
    /// A `{{name}}` placeholder.
    Variable {
        /// The variable's name.
        name: &'a str,
        /// Byte offset of the placeholder's `{{` in the template.
        offset: usize,
    },
}

/// What is wrong with a placeholder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemplateErrorKind<'a> {
    /// `{{` without `}}` before the end of its line or the next `{{`.
    Unclosed,
    /// `{{}}`.
    Empty,
    /// A character that cannot be in a variable name (a space, `.`, ...).
    Character {
        /// The whole placeholder, braces included.
        placeholder: &'a str,
        /// The first offending character.
        found: char,
    },
    /// The name has only allowed characters but does not match `([0-9a-zA-Z][_-]?){1,100}` (leading or doubled
    /// `_`/`-`, more than 100 letters and digits).
    VariableName {
        /// The name.
        name: &'a str,
    },
}

/// A placeholder error, with where it is: line, column and a snippet are computed from the byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TemplateError<'a> {
    /// What is wrong.
    pub kind: TemplateErrorKind<'a>,
    /// Byte offset of the placeholder's `{{`.
    pub offset: usize,
    /// 1-based line of the placeholder's `{{`, counted by the scanner as it went (not by scanning the template
    /// again for each error).
    pub line: usize,
    /// 1-based column (in characters) of the placeholder's `{{`.
    pub column: usize,
    /// The whole template.
    pub template: &'a str,
}

impl<'a> TemplateError<'a> {
    /// 1-based line and column (in characters) of the placeholder.
    pub const fn line_col(&self) -> (usize, usize) {
        (self.line, self.column)
    }

    /// A short piece of the placeholder's line around it.
    pub const fn snippet(&self) -> &'a str {
        snippet(self.template, self.offset)
    }

    /// Writes the message: what is wrong, the line and column, a snippet.
    pub(crate) const fn write_message(&self, m: &mut Message) {
        let (line, column) = self.line_col();
        match self.kind {
            TemplateErrorKind::Unclosed => {
                m.push_str("unclosed `{{`");
                push_position(m, line, column);
                m.push_str(": expected `}}` on the same line");
            }
            TemplateErrorKind::Empty => {
                m.push_str("empty placeholder `{{}}`");
                push_position(m, line, column);
                m.push_str(": expected a variable name");
            }
            TemplateErrorKind::Character { placeholder, found } => {
                m.push_str("placeholder `");
                m.push_str(placeholder);
                m.push_str("`");
                push_position(m, line, column);
                if found == ' ' {
                    let trimmed = trim_spaces(inner(placeholder));
                    if matches_name_pattern(trimmed, false, crate::limits::NAME_MAX_ALNUM) {
                        m.push_str(" has spaces; write `{{");
                        m.push_str(trimmed);
                        m.push_str("}}`");
                        return;
                    }
                    m.push_str(" contains a space");
                } else {
                    m.push_str(" contains `");
                    let mut buf = [0u8; 4];
                    m.push_str(found.encode_utf8(&mut buf));
                    m.push_str("`");
                }
                m.push_str(
                    ": a variable name has letters, digits and single `_` or `-` between them",
                );
            }
            TemplateErrorKind::VariableName { name } => {
                m.push_str("variable `");
                m.push_str(name);
                m.push_str("`");
                push_position(m, line, column);
                m.push_str(" must match ([0-9a-zA-Z][_-]?){1,");
                m.push_usize(crate::limits::NAME_MAX_ALNUM);
                m.push_str("}: start with a letter or digit, no doubled `_` or `-`, at most ");
                m.push_usize(crate::limits::NAME_MAX_ALNUM);
                m.push_str(" letters and digits");
            }
        }
        if !matches!(self.kind, TemplateErrorKind::Character { found: ' ', .. }) {
            m.push_str(", near ");
            m.push_quoted(self.snippet());
        }
    }

    /// The message as a fixed-capacity buffer (usable in `const` code).
    pub(crate) const fn message(&self) -> Message {
        let mut m = Message::new();
        self.write_message(&mut m);
        m
    }
}

impl core::fmt::Display for TemplateError<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.message().as_str())
    }
}

impl std::error::Error for TemplateError<'_> {}

const fn push_position(m: &mut Message, line: usize, column: usize) {
    m.push_str(" at line ");
    m.push_usize(line);
    m.push_str(", column ");
    m.push_usize(column);
}

/// The text between `{{` and `}}` of a closed placeholder.
const fn inner(placeholder: &str) -> &str {
    let bytes = placeholder.as_bytes();
    if bytes.len() < 4 {
        return "";
    }
    sub(placeholder, 2, bytes.len() - 2)
}

const fn trim_spaces(text: &str) -> &str {
    let bytes = text.as_bytes();
    let (mut start, mut end) = (0, bytes.len());
    while start < end && bytes[start] == b' ' {
        start += 1;
    }
    while end > start && bytes[end - 1] == b' ' {
        end -= 1;
    }
    sub(text, start, end)
}

/// `text[start..end]` in `const` code; both ends must be character boundaries.
const fn sub(text: &str, start: usize, end: usize) -> &str {
    let (head, _) = text.as_bytes().split_at(end);
    let (_, piece) = head.split_at(start);
    match core::str::from_utf8(piece) {
        Ok(piece) => piece,
        Err(_) => "",
    }
}

const fn is_continuation(byte: u8) -> bool {
    byte & 0xC0 == 0x80
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
pub const fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let (mut line, mut column) = (1, 1);
    let mut i = 0;
    while i < offset && i < bytes.len() {
        if bytes[i] == b'\n' {
            line += 1;
            column = 1;
        } else if !is_continuation(bytes[i]) {
            column += 1;
        }
        i += 1;
    }
    (line, column)
}

/// Line and column of increasing byte offsets of one text, each counted on from the one before, so that the
/// placeholders of a whole template cost one pass over it (an offset before the last one starts over).
pub(crate) struct Positions<'a> {
    text: &'a str,
    at: usize,
    line: usize,
    column: usize,
}

impl<'a> Positions<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Positions {
            text,
            at: 0,
            line: 1,
            column: 1,
        }
    }

    /// 1-based line and column (in characters) of byte `offset`, like [`line_col`].
    pub(crate) fn line_col(&mut self, offset: usize) -> (usize, usize) {
        if offset < self.at {
            *self = Positions::new(self.text);
        }
        let bytes = self.text.as_bytes();
        let end = offset.min(bytes.len());
        while self.at < end {
            let b = bytes[self.at];
            if b == b'\n' {
                self.line += 1;
                self.column = 1;
            } else if !is_continuation(b) {
                self.column += 1;
            }
            self.at += 1;
        }
        (self.line, self.column)
    }
}

/// Characters of context a snippet shows before and after an offset (at most; it stays on one line).
const SNIPPET_BEFORE: usize = 12;
const SNIPPET_AFTER: usize = 28;

/// A short piece of the line holding byte `offset`: a few characters before it, some more after.
pub const fn snippet(text: &str, offset: usize) -> &str {
    let bytes = text.as_bytes();
    let offset = if offset > bytes.len() {
        bytes.len()
    } else {
        offset
    };
    let mut start = offset;
    let mut chars = 0;
    while start > 0 && bytes[start - 1] != b'\n' && chars < SNIPPET_BEFORE {
        start -= 1;
        while start > 0 && is_continuation(bytes[start]) {
            start -= 1;
        }
        chars += 1;
    }
    let mut end = offset;
    chars = 0;
    while end < bytes.len() && bytes[end] != b'\n' && bytes[end] != b'\r' && chars < SNIPPET_AFTER {
        end += 1;
        while end < bytes.len() && is_continuation(bytes[end]) {
            end += 1;
        }
        chars += 1;
    }
    sub(text, start, end)
}

/// The first character of `bytes` (valid UTF-8) from `i`.
const fn char_at(bytes: &[u8], i: usize) -> char {
    let b0 = bytes[i] as u32;
    let (width, mut code) = if b0 < 0x80 {
        (1, b0)
    } else if b0 >= 0xF0 {
        (4, b0 & 0x07)
    } else if b0 >= 0xE0 {
        (3, b0 & 0x0F)
    } else {
        (2, b0 & 0x1F)
    };
    let mut k = 1;
    while k < width && i + k < bytes.len() {
        code = (code << 6) | (bytes[i + k] as u32 & 0x3F);
        k += 1;
    }
    match char::from_u32(code) {
        Some(ch) => ch,
        None => char::REPLACEMENT_CHARACTER,
    }
}

/// Walks a template segment by segment; usable in `const` code. After an error it goes on with the rest of the
/// template, so every placeholder error can be reported at once.
#[derive(Debug, Clone, Copy)]
pub struct Scanner<'a> {
    text: &'a str,
    pos: usize,
    /// 1-based line and column (in characters) of `pos`, carried along so that an error's position costs nothing.
    line: usize,
    column: usize,
}

impl<'a> Scanner<'a> {
    /// A scanner at the start of `text`.
    pub const fn new(text: &'a str) -> Self {
        Scanner {
            text,
            pos: 0,
            line: 1,
            column: 1,
        }
    }

    /// Moves to byte `to` (at or after the current position), counting lines and columns on the way.
    const fn advance(&mut self, to: usize) {
        let bytes = self.text.as_bytes();
        while self.pos < to && self.pos < bytes.len() {
            let b = bytes[self.pos];
            if b == b'\n' {
                self.line += 1;
                self.column = 1;
            } else if !is_continuation(b) {
                self.column += 1;
            }
            self.pos += 1;
        }
        self.pos = to;
    }

    /// The next segment or placeholder error; `None` at the end.
    #[allow(clippy::should_implement_trait)] // const fn; `Iterator::next` cannot be one
    pub const fn next(&mut self) -> Option<Result<Segment<'a>, TemplateError<'a>>> {
        let bytes = self.text.as_bytes();
        let len = bytes.len();
        if self.pos >= len {
            return None;
        }
        let open = find_open(bytes, self.pos);
        if open > self.pos {
            let text = sub(self.text, self.pos, open);
            self.advance(open);
            return Some(Ok(Segment::Text(text)));
        }
        // A placeholder starts at `open`, the current position: errors are reported there.
        let (line, column) = (self.line, self.column);
        let start = open + 2;
        let mut i = start;
        loop {
            if i + 1 < len && bytes[i] == b'}' && bytes[i + 1] == b'}' {
                break;
            }
            if i >= len
                || bytes[i] == b'\n'
                || bytes[i] == b'\r'
                || (i + 1 < len && bytes[i] == b'{' && bytes[i + 1] == b'{')
            {
                // Unclosed: report it, then read on after its `{{`.
                self.advance(start);
                return Some(Err(error(
                    self.text,
                    TemplateErrorKind::Unclosed,
                    open,
                    line,
                    column,
                )));
            }
            i += 1;
        }
        self.advance(i + 2);
        let name = sub(self.text, start, i);
        if name.is_empty() {
            return Some(Err(error(
                self.text,
                TemplateErrorKind::Empty,
                open,
                line,
                column,
            )));
        }
        let name_bytes = name.as_bytes();
        let mut k = 0;
        while k < name_bytes.len() {
            let b = name_bytes[k];
            if !(b.is_ascii_alphanumeric() || b == b'_' || b == b'-') {
                let placeholder = sub(self.text, open, i + 2);
                let found = char_at(name_bytes, k);
                let kind = TemplateErrorKind::Character { placeholder, found };
                return Some(Err(error(self.text, kind, open, line, column)));
            }
            k += 1;
        }
        if !matches_name_pattern(name, false, crate::limits::NAME_MAX_ALNUM) {
            let kind = TemplateErrorKind::VariableName { name };
            return Some(Err(error(self.text, kind, open, line, column)));
        }
        Some(Ok(Segment::Variable { name, offset: open }))
    }
}

/// An error at `offset` of `template`, which is at `line` and `column`.
const fn error<'a>(
    template: &'a str,
    kind: TemplateErrorKind<'a>,
    offset: usize,
    line: usize,
    column: usize,
) -> TemplateError<'a> {
    TemplateError {
        kind,
        offset,
        line,
        column,
        template,
    }
}

/// Byte offset of the next `{{` at or after `from`, or the length.
const fn find_open(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while i + 1 < bytes.len() {
        if bytes[i] == b'{' && bytes[i + 1] == b'{' {
            return i;
        }
        i += 1;
    }
    bytes.len()
}

/// A parsed template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template<'a> {
    /// The template text.
    pub source: &'a str,
    /// Its segments in order; adjacent text is one segment.
    pub segments: Vec<Segment<'a>>,
}

impl<'a> Template<'a> {
    /// The distinct variable names, in order of first use (a set keeps this linear: a template of 80,000
    /// distinct variables is counted, for the 20-variable rule's message, in linear time).
    pub fn variables(&self) -> Vec<&'a str> {
        let mut names: Vec<&'a str> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for segment in &self.segments {
            if let Segment::Variable { name, .. } = *segment
                && seen.insert(name)
            {
                names.push(name);
            }
        }
        names
    }

    /// Renders the template with `value(name)` for each placeholder (the value is inserted as it is, never
    /// scanned again); `None` when a variable has no value.
    pub fn render_with<'v>(
        &self,
        mut value: impl FnMut(&str) -> Option<&'v str>,
    ) -> Option<String> {
        let mut out = String::with_capacity(self.source.len());
        for segment in &self.segments {
            match *segment {
                Segment::Text(text) => out.push_str(text),
                Segment::Variable { name, .. } => out.push_str(value(name)?),
            }
        }
        Some(out)
    }
}

/// Parses `text`, returning every placeholder error when there is one.
pub fn parse(text: &str) -> Result<Template<'_>, Vec<TemplateError<'_>>> {
    let mut scanner = Scanner::new(text);
    let mut segments = Vec::new();
    let mut errors = Vec::new();
    while let Some(next) = scanner.next() {
        match next {
            Ok(Segment::Text(piece)) => match segments.last_mut() {
                // Text after an unclosed `{{` continues the text before it.
                Some(Segment::Text(prev)) => {
                    let start = prev.as_ptr() as usize - text.as_ptr() as usize;
                    let end = piece.as_ptr() as usize - text.as_ptr() as usize + piece.len();
                    *prev = &text[start..end];
                }
                _ => segments.push(Segment::Text(piece)),
            },
            Ok(variable) => segments.push(variable),
            Err(error) => errors.push(error),
        }
    }
    if errors.is_empty() {
        Ok(Template {
            source: text,
            segments,
        })
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests;
