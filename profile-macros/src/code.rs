//! Generated code written as text, lexed by rustc once per macro call, with the user's own tokens spliced in where
//! their spans matter.
//!
//! A proc macro runs unoptimized in a debug build (the default), and every token it creates crosses the
//! proc-macro bridge one by one, every delimited group in a call of its own. Writing the generated code as text and
//! handing it to rustc's lexer in one `TokenStream::from_str` costs a fraction of that (measured in the README's
//! "Compile cost"). Only what the user wrote keeps its tokens, so that rustc reports on them where they stand: the
//! item's name and attributes, constant expressions, `..BASE` paths, spanned assertions and warnings.
//!
//! Text gets the call-site span, exactly like the tokens `quote!` creates. A group that holds spliced tokens is
//! opened and closed through [`Code::open`] and [`Code::close`] and built from tokens; a group without any is folded
//! back into text when it closes. The generated text never contains character literals, raw strings or comments,
//! so its brackets always balance within one text run.

use proc_macro2::{Delimiter, Group, Span, TokenStream, TokenTree};
use std::fmt;

enum Node {
    Text(String),
    Tokens(TokenStream),
    Group(Delimiter, Span, Vec<Node>),
}

/// Generated code under construction: text, the user's tokens, and the groups that hold some of them.
#[derive(Default)]
pub struct Code {
    /// The whole output, without the groups still open.
    root: Vec<Node>,
    /// The groups being written, innermost last.
    open: Vec<(Delimiter, Span, Vec<Node>)>,
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

impl Code {
    pub fn new() -> Self {
        Code::default()
    }

    /// Where the next piece goes: the innermost open group, or the output.
    fn nodes(&mut self) -> &mut Vec<Node> {
        match self.open.last_mut() {
            Some((_, _, nodes)) => nodes,
            None => &mut self.root,
        }
    }

    /// Generated code, as Rust source text (balanced brackets, no character literals, raw strings or comments).
    pub fn str(&mut self, text: &str) {
        let nodes = self.nodes();
        match nodes.last_mut() {
            Some(Node::Text(t)) => t.push_str(text),
            _ => nodes.push(Node::Text(text.to_owned())),
        }
    }

    /// `write!(code, ...)`: formatted generated code (writing to a `String` cannot fail).
    pub fn write_fmt(&mut self, args: fmt::Arguments<'_>) {
        let _ = fmt::Write::write_fmt(self, args);
    }

    /// A string literal with the value `text`.
    pub fn lit(&mut self, text: &str) {
        // `Debug` of a `str` is a Rust string literal: quotes, backslashes, control and non-printable characters
        // escaped with escapes that Rust's lexer reads back to the same value.
        write!(self, "{text:?}");
    }

    /// Tokens kept as they are, with their spans: what the user wrote, or generated tokens spanned on it.
    pub fn tokens(&mut self, tokens: TokenStream) {
        if !tokens.is_empty() {
            self.nodes().push(Node::Tokens(tokens));
        }
    }

    /// Opens a group that may hold spliced tokens; [`Code::close`] ends it.
    pub fn open(&mut self, delimiter: Delimiter) {
        self.open_spanned(delimiter, Span::call_site());
    }

    /// [`Code::open`] with the group's span (when it holds tokens; text gets the call site).
    pub fn open_spanned(&mut self, delimiter: Delimiter, span: Span) {
        self.open.push((delimiter, span, Vec::new()));
    }

    /// Closes the innermost open group. A group that holds no spliced tokens becomes text again.
    pub fn close(&mut self) {
        let Some((delimiter, span, nodes)) = self.open.pop() else {
            return;
        };
        if nodes.iter().all(|n| matches!(n, Node::Text(_))) {
            self.str(open_char(delimiter));
            for node in &nodes {
                if let Node::Text(t) = node {
                    self.str(t);
                }
            }
            self.str(close_char(delimiter));
        } else {
            self.nodes().push(Node::Group(delimiter, span, nodes));
        }
    }

    /// The tokens: every text run lexed in one call (each wrapped in braces so it can be taken out again), the
    /// spliced tokens in their places.
    pub fn finish(mut self) -> TokenStream {
        while !self.open.is_empty() {
            self.close();
        }
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

/// Every text run, in order, each as `{ run }`.
fn gather(nodes: &[Node], out: &mut String) {
    for node in nodes {
        match node {
            Node::Text(t) => {
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
mod tests {
    use super::Code;
    use proc_macro2::{Delimiter, TokenStream};
    use quote::quote;

    fn same(a: TokenStream, b: TokenStream) {
        assert_eq!(a.to_string(), b.to_string());
    }

    #[test]
    fn text_only_is_lexed_as_written() {
        let mut c = Code::new();
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
        let mut c = Code::new();
        c.str("const A: T = T ");
        c.open(Delimiter::Brace);
        c.str("a: Some(0.5f32), b: ::p::Some");
        c.open(Delimiter::Parenthesis);
        c.tokens(user);
        c.close();
        c.str(", c: [1, 2],");
        c.close();
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
        let mut c = Code::new();
        c.open(Delimiter::Bracket);
        c.str("1, 2");
        c.close();
        assert!(matches!(c.root.as_slice(), [super::Node::Text(t)] if t == "[1, 2]"));
        same(c.finish(), quote!([1, 2]));
    }

    #[test]
    fn literals_read_back_to_the_same_value() {
        for text in [
            "plain",
            "quote \" and \\ backslash",
            "line\nbreak\ttab\r\0nul",
            "é 日本 \u{200b} \u{7f} \u{1b}[0m",
            "{{variable}} } {",
        ] {
            let mut c = Code::new();
            c.lit(text);
            let lit: syn::LitStr = syn::parse2(c.finish()).expect("a string literal");
            assert_eq!(lit.value(), text);
        }
    }

    #[test]
    fn unclosed_groups_are_closed_and_bad_text_is_a_compile_error() {
        let mut c = Code::new();
        c.open(Delimiter::Parenthesis);
        c.tokens(quote!(a));
        same(c.finish(), quote!((a)));
        let mut c = Code::new();
        c.tokens(quote!(a));
        c.str("\"unterminated");
        let out = c.finish().to_string();
        assert!(out.contains("compile_error"), "{out}");
    }
}
