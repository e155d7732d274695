//! Generated code written as text, lexed by rustc once per macro call, with the user's own tokens spliced in where
//! their spans matter.
//!
//! A proc macro runs unoptimized in a debug build (the default), and every token it creates crosses the
//! proc-macro bridge one by one, every delimited group in a call of its own. Writing the generated code as text and
//! handing it to rustc's lexer in one `TokenStream::from_str` costs a fraction of that (measured in the README's
//! "Compile cost"). Only what the user wrote keeps its tokens, so that rustc reports on them where they stand: the
//! item's name and attributes, constant expressions, `..BASE` paths, spanned assertions and warnings.
//!
//! Text gets the call-site span, exactly like the tokens `quote!` creates. A delimited group is written by
//! [`Code::group`] or [`Code::spanned`], which open it, run a closure for its contents and close it: a group that
//! holds spliced tokens is built from tokens, one without any is folded back into text. There is no other way to
//! open a group, so none is left open, and every text run ([`Code::str`], `write!`) must balance its own brackets:
//! debug builds assert it, and that it holds no comment, no character literal and no raw string. String literals
//! are written by [`Code::lit`] with this module's escaper ([`escape`]), whose output rustc's lexer reads back to the
//! same value. The runtime's path is written by [`Code::rt`] alone (see [`crate::runtime`]).

use crate::runtime::{PRIVATE, Runtime};
use proc_macro2::{Delimiter, Group, Span, TokenStream, TokenTree};
use std::fmt;

enum Node {
    Text(String),
    Tokens(TokenStream),
    Group(Delimiter, Span, Vec<Node>),
}

/// Generated code under construction: text, the user's tokens, and the groups that hold some of them.
pub struct Code {
    /// The whole output, without the groups still open.
    root: Vec<Node>,
    /// The groups being written (by [`Code::group`]'s closures), innermost last.
    open: Vec<(Delimiter, Span, Vec<Node>)>,
    /// Where the runtime is.
    runtime: Runtime,
}

fn open_char(delimiter: Delimiter) -> &'static str {
    match delimiter {
        Delimiter::Parenthesis => "(",
        Delimiter::Brace => "{",
        Delimiter::Bracket => "[",
        Delimiter::None => "",
    }
}

fn close_char(delimiter: Delimiter) -> &'static str {
    match delimiter {
        Delimiter::Parenthesis => ")",
        Delimiter::Brace => "}",
        Delimiter::Bracket => "]",
        Delimiter::None => "",
    }
}

/// The text run that the next text goes into: the last node of the innermost open group (or of the output) when
/// it is text, a new one otherwise.
fn text_run<'a>(
    root: &'a mut Vec<Node>,
    open: &'a mut [(Delimiter, Span, Vec<Node>)],
) -> &'a mut String {
    let nodes = match open.last_mut() {
        Some((_, _, nodes)) => nodes,
        None => root,
    };
    if !matches!(nodes.last(), Some(Node::Text(_))) {
        nodes.push(Node::Text(String::new()));
    }
    match nodes.last_mut() {
        Some(Node::Text(text)) => text,
        // Pushed just above.
        _ => unreachable!(),
    }
}

impl Code {
    /// An empty output whose runtime paths ([`Code::rt`]) go to `runtime`.
    pub fn new(runtime: Runtime) -> Self {
        Code {
            root: Vec::new(),
            open: Vec::new(),
            runtime,
        }
    }

    /// Where this output's runtime paths go, for the generated tokens spanned on the user's
    /// ([`Runtime::spanned`]).
    pub fn runtime(&self) -> &Runtime {
        &self.runtime
    }

    /// Where the next piece goes: the innermost open group, or the output.
    fn nodes(&mut self) -> &mut Vec<Node> {
        match self.open.last_mut() {
            Some((_, _, nodes)) => nodes,
            None => &mut self.root,
        }
    }

    fn text(&mut self) -> &mut String {
        text_run(&mut self.root, &mut self.open)
    }

    /// Generated code, as Rust source text: every bracket it opens closed within it, no comment, character literal
    /// or raw string (debug builds assert it).
    pub fn str(&mut self, text: &str) {
        debug_assert_run(text);
        self.text().push_str(text);
    }

    /// `write!(code, ...)`: formatted generated code, under [`Code::str`]'s rules for the whole formatted text
    /// (writing to a `String` cannot fail).
    pub fn write_fmt(&mut self, args: fmt::Arguments<'_>) {
        let text = self.text();
        let start = text.len();
        let _ = fmt::Write::write_fmt(text, args);
        debug_assert_run(&text[start..]);
    }

    /// A string literal with the value `text` ([`escape`]).
    pub fn lit(&mut self, text: &str) {
        escape(self.text(), text);
    }

    /// The path of runtime item `item` (`Cow::Borrowed`, `Surface::Converse`): `::bedrock_profiles::__private1::`
    /// or the `crate = path` of the call, then `item`. The one writer of that path.
    pub fn rt(&mut self, item: &str) {
        debug_assert_run(item);
        let Code {
            root,
            open,
            runtime,
        } = self;
        match runtime.prefix() {
            Ok(prefix) => {
                let text = text_run(root, open);
                text.push_str(prefix);
                text.push_str(item);
            }
            Err(facade) => {
                let facade = facade.clone();
                self.tokens(facade);
                let text = self.text();
                text.push_str("::");
                text.push_str(PRIVATE);
                text.push_str("::");
                text.push_str(item);
            }
        }
    }

    /// Tokens kept as they are, with their spans: what the user wrote, or generated tokens spanned on it.
    pub fn tokens(&mut self, tokens: TokenStream) {
        if !tokens.is_empty() {
            self.nodes().push(Node::Tokens(tokens));
        }
    }

    /// A group: `delimiter`, what `body` writes, the closing delimiter. Spanned at the call site.
    pub fn group(&mut self, delimiter: Delimiter, body: impl FnOnce(&mut Code)) {
        self.spanned(Span::call_site(), delimiter, body);
    }

    /// [`Code::group`] spanned at `span` when it holds spliced tokens (a group of text only is text, and gets the
    /// call site): rustc's labels on the group (a call's arguments, a block) then point at the user's tokens.
    pub fn spanned(&mut self, span: Span, delimiter: Delimiter, body: impl FnOnce(&mut Code)) {
        self.open.push((delimiter, span, Vec::new()));
        body(self);
        self.close();
    }

    /// Closes the innermost open group. A group that holds no spliced tokens becomes text again.
    fn close(&mut self) {
        let Some((delimiter, span, nodes)) = self.open.pop() else {
            return;
        };
        if nodes.iter().all(|n| matches!(n, Node::Text(_))) {
            let text = self.text();
            text.push_str(open_char(delimiter));
            for node in &nodes {
                if let Node::Text(t) = node {
                    text.push_str(t);
                }
            }
            text.push_str(close_char(delimiter));
        } else {
            self.nodes().push(Node::Group(delimiter, span, nodes));
        }
    }

    /// The tokens: every text run lexed in one call (each wrapped in braces so it can be taken out again), the
    /// spliced tokens in their places.
    pub fn finish(self) -> TokenStream {
        // `group` closes what it opens; nothing else opens.
        debug_assert!(self.open.is_empty(), "a group left open");
        let mut text = String::new();
        gather(&self.root, &mut text);
        match lex(&text) {
            Ok(runs) => assemble(self.root, &mut runs.into_iter()),
            Err(error) => error,
        }
    }
}

impl fmt::Write for Code {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.str(s);
        Ok(())
    }
}

/// Writes `text` as a Rust string literal: `"`, the text with `"` and `\` escaped, `\n`, `\r`, `\t` and `\0` for
/// those characters, `\u{..}` for every other control character and for the bidirectional-text controls (which
/// rustc refuses in a literal: `text_direction_codepoint_in_literal`), every other character as it is; then `"`.
/// Rust's lexer reads it back to `text`. Runs of characters that need no escape are copied whole.
pub fn escape(out: &mut String, text: &str) {
    out.reserve(text.len() + 2);
    out.push('"');
    let mut plain = 0;
    for (i, ch) in text.char_indices() {
        let escaped: &str = match ch {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '\0' => "\\0",
            c if c.is_control() || is_bidi_control(c) => "",
            _ => continue,
        };
        out.push_str(&text[plain..i]);
        if escaped.is_empty() {
            let _ = fmt::Write::write_fmt(out, format_args!("\\u{{{:x}}}", u32::from(ch)));
        } else {
            out.push_str(escaped);
        }
        plain = i + ch.len_utf8();
    }
    out.push_str(&text[plain..]);
    out.push('"');
}

/// The characters that change the direction of text, which rustc refuses in a literal (deny-by-default lint
/// `text_direction_codepoint_in_literal`).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Debug builds: `text` is a run of generated code as [`Code::str`] takes it ([`run_problem`]).
fn debug_assert_run(text: &str) {
    if cfg!(debug_assertions)
        && let Some(problem) = run_problem(text)
    {
        panic!("bedrock-profiles: generated text {text:?}: {problem}");
    }
}

/// Why `text` cannot be a run of generated text on its own: a bracket it does not close (or closes with another
/// kind), or one it closes that it did not open; a comment; a character literal or a raw string (which the bracket
/// count would misread); a string literal left open. Brackets inside string literals do not count.
pub fn run_problem(text: &str) -> Option<&'static str> {
    let bytes = text.as_bytes();
    let mut open: Vec<u8> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                if i > 0 && matches!(bytes[i - 1], b'r' | b'#') {
                    return Some("a raw string");
                }
                i = match string_end(bytes, i + 1) {
                    Some(end) => end,
                    None => return Some("a string literal left open"),
                };
            }
            b'\'' if bytes.get(i + 2) == Some(&b'\'') || bytes.get(i + 1) == Some(&b'\\') => {
                return Some("a character literal");
            }
            b'/' if matches!(bytes.get(i + 1), Some(b'/' | b'*')) => return Some("a comment"),
            b'(' | b'[' | b'{' => open.push(bytes[i]),
            close @ (b')' | b']' | b'}') => {
                let expected = match close {
                    b')' => b'(',
                    b']' => b'[',
                    _ => b'{',
                };
                if open.pop() != Some(expected) {
                    return Some("a bracket closed that it did not open");
                }
            }
            _ => {}
        }
        i += 1;
    }
    (!open.is_empty()).then_some("a bracket left open")
}

/// The index of the `"` closing the string literal whose text starts at `start`.
fn string_end(bytes: &[u8], mut i: usize) -> Option<usize> {
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return Some(i),
            _ => i += 1,
        }
    }
    None
}

/// Every text run, in order, each as `{ run }`.
fn gather(nodes: &[Node], out: &mut String) {
    for node in nodes {
        match node {
            Node::Text(t) => {
                #[cfg(test)]
                tests::record(t);
                out.push('{');
                out.push_str(t);
                out.push('}');
            }
            Node::Tokens(_) => {}
            Node::Group(_, _, children) => gather(children, out),
        }
    }
}

fn assemble(nodes: Vec<Node>, runs: &mut impl Iterator<Item = TokenTree>) -> TokenStream {
    let mut parts: Vec<TokenStream> = Vec::with_capacity(nodes.len());
    for node in nodes {
        match node {
            Node::Text(_) => match runs.next() {
                Some(TokenTree::Group(g)) => parts.push(g.stream()),
                Some(other) => parts.push(other.into()),
                None => {}
            },
            Node::Tokens(tokens) => parts.push(tokens),
            Node::Group(delimiter, span, children) => {
                let mut group = Group::new(delimiter, assemble(children, runs));
                group.set_span(span);
                parts.push(TokenTree::Group(group).into());
            }
        }
    }
    parts.into_iter().collect()
}

/// Generated text as tokens. Text that does not lex is a bug of the macro: rustc reports its lexer's error at the
/// macro call and stops; outside rustc (unit tests), a `compile_error!` says so, and only it (a macro never
/// panics).
fn lex(text: &str) -> Result<TokenStream, TokenStream> {
    let error = |error: &dyn fmt::Display| {
        let message = format!(
            "bedrock-profiles: internal error, generated code does not lex ({error}); please report it"
        );
        quote::quote!(::core::compile_error! { #message })
    };
    // Inside a macro call, rustc's own lexer, directly: `proc_macro2`'s `from_str` first lexes the text again with
    // its own lexer, compiled unoptimized like the macro (7x the time of rustc's on the compile-cost benchmark).
    if proc_macro::is_available() {
        return text
            .parse::<proc_macro::TokenStream>()
            .map(TokenStream::from)
            .map_err(|e| error(&e));
    }
    text.parse().map_err(|e| error(&e))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::{Code, escape, run_problem};
    use crate::runtime::Runtime;
    use proc_macro2::{Delimiter, TokenStream};
    use proptest::prelude::*;
    use quote::quote;
    use std::cell::RefCell;

    thread_local! {
        /// The text runs handed to the lexer on this thread, while [`recording`] runs.
        static RUNS: RefCell<Option<Vec<String>>> = const { RefCell::new(None) };
    }

    /// Keeps a text run that `finish` hands to the lexer, when [`recording`].
    pub(super) fn record(run: &str) {
        RUNS.with(|runs| {
            if let Some(runs) = runs.borrow_mut().as_mut() {
                runs.push(run.to_owned());
            }
        });
    }

    /// Runs `f` and returns every text run that the outputs finished meanwhile handed to the lexer.
    pub(crate) fn recording(f: impl FnOnce()) -> Vec<String> {
        RUNS.with(|runs| *runs.borrow_mut() = Some(Vec::new()));
        f();
        RUNS.with(|runs| runs.borrow_mut().take().unwrap_or_default())
    }

    fn code() -> Code {
        Code::new(Runtime::default())
    }

    fn same(a: TokenStream, b: TokenStream) {
        assert_eq!(a.to_string(), b.to_string());
    }

    #[test]
    fn text_only_is_lexed_as_written() {
        let mut c = code();
        c.str("const A: u32 = ");
        c.str("f(1u32, [2, 3]);");
        same(
            c.finish(),
            quote!(
                const A: u32 = f(1u32, [2, 3]);
            ),
        );
    }

    #[test]
    fn spliced_tokens_keep_their_place_at_any_depth() {
        let user = quote!(x + 1);
        let mut c = code();
        c.str("const A: T = T ");
        c.group(Delimiter::Brace, |c| {
            c.str("a: Some(0.5f32), b: ::p::Some");
            c.group(Delimiter::Parenthesis, |c| c.tokens(user));
            c.str(", c: [1, 2],");
        });
        c.str(";");
        same(
            c.finish(),
            quote!(
                const A: T = T {
                    a: Some(0.5f32),
                    b: ::p::Some(x + 1),
                    c: [1, 2],
                };
            ),
        );
    }

    #[test]
    fn a_group_without_tokens_folds_back_into_text() {
        let mut c = code();
        c.group(Delimiter::Bracket, |c| c.str("1, 2"));
        assert!(matches!(c.root.as_slice(), [super::Node::Text(t)] if t == "[1, 2]"));
        same(c.finish(), quote!([1, 2]));
    }

    #[test]
    fn runtime_paths_go_to_the_facade_or_the_crate_path() {
        let mut c = code();
        c.rt("Cow::Borrowed");
        same(
            c.finish(),
            quote!(::bedrock_profiles::__private1::Cow::Borrowed),
        );
        let path: syn::Path = syn::parse_quote!(my_sdk::bp);
        let mut c = Code::new(Runtime::at(&path));
        c.rt("None");
        same(c.finish(), quote!(my_sdk::bp::__private1::None));
    }

    #[test]
    fn literals_read_back_to_the_same_value() {
        for text in [
            "plain",
            "quote \" and \\ backslash",
            "line\nbreak\ttab\r\0nul",
            "é 日本 \u{200b} \u{7f} \u{1b}[0m \u{85} \u{202e}",
            "{{variable}} } {",
        ] {
            let mut c = code();
            c.lit(text);
            let lit: syn::LitStr = syn::parse2(c.finish()).expect("a string literal");
            assert_eq!(lit.value(), text);
        }
    }

    #[test]
    fn the_escaper_writes_the_short_escapes_and_unicode_ones() {
        let mut out = String::new();
        escape(&mut out, "a\"b\\c\nd\re\tf\0g\u{1}h\u{7f}i\u{202e}jé");
        assert_eq!(
            out,
            "\"a\\\"b\\\\c\\nd\\re\\tf\\0g\\u{1}h\\u{7f}i\\u{202e}jé\""
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn any_text_escapes_to_a_literal_of_itself(text in any::<String>()) {
            let mut out = String::new();
            escape(&mut out, &text);
            let lit: syn::LitStr = syn::parse_str(&out).map_err(|e| TestCaseError::fail(format!("{out}: {e}")))?;
            prop_assert_eq!(lit.value(), text);
            prop_assert_eq!(crate::lexes::problem(&out), None, "{}", out);
        }
    }

    #[test]
    fn text_runs_must_balance_on_their_own() {
        for ok in [
            "f(1, [2, {3}]);",
            "format_args!(\"{}\", x)",
            "\"}{\\\"\"",
            "<'a, 'static>",
            "",
        ] {
            assert_eq!(run_problem(ok), None, "{ok}");
        }
        for bad in [
            "{", "a: b }", "(]", "x // y", "/* y */", "'{'", "'\\n'", "r\"x\"", "r#\"x\"#",
            "\"open",
        ] {
            assert!(run_problem(bad).is_some(), "{bad}");
        }
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "a bracket left open")]
    fn a_split_group_is_caught_where_it_is_written() {
        code().str("T {");
    }

    /// The rustc-lexer check of [`crate::lexes`] sees the runs `finish` hands to the lexer, and fails on a broken one.
    #[test]
    #[should_panic(expected = "an unterminated literal")]
    fn a_broken_run_fails_the_rustc_lexer_check() {
        let runs = recording(|| {
            let mut c = code();
            c.str("const A: &str = ");
            c.text().push_str("\"unterminated;");
            let _ = c.finish();
        });
        assert_eq!(runs.len(), 1);
        crate::lexes::assert_runs_lex("a deliberately broken run", &runs);
    }

    #[test]
    fn bad_text_is_a_compile_error() {
        let mut c = code();
        c.tokens(quote!(a));
        // `lit` writes no bracket check: a hand-made unterminated string reaches the lexer.
        c.text().push_str("\"unterminated");
        let out = c.finish().to_string();
        assert!(out.contains("compile_error"), "{out}");
    }
}
