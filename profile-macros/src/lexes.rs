//! The generated text lexes with rustc's own lexer: `ra_ap_rustc_lexer`, the copy of `rustc_lexer` that
//! rust-analyzer ships. The unit tests otherwise run proc-macro2's fallback lexer, which is not rustc's; this
//! module checks every text run that [`crate::code::Code`] hands to the lexer, for every `tests/ui` case, every
//! `tests/ui/pass` case, the `include_profiles!` tests and the fuzz inputs ([`crate::fuzz`]).

#![cfg(test)]

use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};
use ra_ap_rustc_lexer::{FrontmatterAllowed, LiteralKind, TokenKind, tokenize};

/// Why rustc would not take `text` as a run of generated code: a token its lexer marks as an error (an unknown
/// character, an invalid identifier or prefix, an unterminated literal or comment), a comment (generated text has
/// none), a string literal rustc refuses (bad escape, bare carriage return, text-direction control), or brackets
/// that do not balance. `None` when it lexes.
pub fn problem(text: &str) -> Option<String> {
    let mut open: Vec<TokenKind> = Vec::new();
    let mut at = 0usize;
    for token in tokenize(text, FrontmatterAllowed::No) {
        let piece = &text[at..at + token.len as usize];
        at += token.len as usize;
        let why = match token.kind {
            TokenKind::Unknown => Some("an unknown character"),
            TokenKind::InvalidIdent => Some("an invalid identifier"),
            TokenKind::UnknownPrefix | TokenKind::UnknownPrefixLifetime => {
                Some("an unknown prefix")
            }
            TokenKind::GuardedStrPrefix => Some("a reserved `#\"` prefix"),
            TokenKind::Frontmatter { .. } => Some("frontmatter"),
            TokenKind::LineComment { .. } | TokenKind::BlockComment { .. } => Some("a comment"),
            TokenKind::Lifetime {
                starts_with_number: true,
            } => Some("a lifetime starting with a number"),
            TokenKind::Literal { kind, .. } => literal_problem(kind, piece),
            TokenKind::OpenParen | TokenKind::OpenBracket | TokenKind::OpenBrace => {
                open.push(token.kind);
                None
            }
            TokenKind::CloseParen | TokenKind::CloseBracket | TokenKind::CloseBrace => {
                let expected = match token.kind {
                    TokenKind::CloseParen => TokenKind::OpenParen,
                    TokenKind::CloseBracket => TokenKind::OpenBracket,
                    _ => TokenKind::OpenBrace,
                };
                (open.pop() != Some(expected)).then_some("a delimiter closed that was not opened")
            }
            _ => None,
        };
        if let Some(why) = why {
            return Some(format!("{why} at byte {}: `{piece}`", at - piece.len()));
        }
    }
    (!open.is_empty()).then(|| "a delimiter left open".to_owned())
}

/// What rustc would refuse in literal `piece`.
fn literal_problem(kind: LiteralKind, piece: &str) -> Option<&'static str> {
    match kind {
        LiteralKind::Str { terminated: false }
        | LiteralKind::ByteStr { terminated: false }
        | LiteralKind::CStr { terminated: false }
        | LiteralKind::Char { terminated: false }
        | LiteralKind::Byte { terminated: false } => Some("an unterminated literal"),
        LiteralKind::RawStr { n_hashes: None }
        | LiteralKind::RawByteStr { n_hashes: None }
        | LiteralKind::RawCStr { n_hashes: None } => Some("an invalid raw string"),
        LiteralKind::Int {
            empty_int: true, ..
        } => Some("an integer without digits"),
        LiteralKind::Float {
            empty_exponent: true,
            ..
        } => Some("a float without exponent digits"),
        LiteralKind::Str { terminated: true } => str_problem(piece),
        _ => None,
    }
}

/// What rustc refuses in the text of a terminated string literal: an escape it does not know (checked by syn's
/// reading of the literal), a carriage return not followed by a line feed, a text-direction control.
fn str_problem(piece: &str) -> Option<&'static str> {
    let body = piece.strip_prefix('"')?;
    let body = &body[..body.rfind('"')?];
    if body
        .chars()
        .any(|c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
    {
        return Some("a text-direction control in a literal");
    }
    if body
        .split('\r')
        .skip(1)
        .any(|after| !after.starts_with('\n'))
    {
        return Some("a bare carriage return in a literal");
    }
    syn::parse_str::<syn::LitStr>(piece)
        .is_err()
        .then_some("a string literal with an invalid escape")
}

/// Checks every run, naming `what` produced it.
pub fn assert_runs_lex(what: &str, runs: &[String]) {
    for run in runs {
        if let Some(problem) = problem(run) {
            panic!("{what}: generated text does not lex with rustc's lexer: {problem}\n{run}");
        }
    }
}

/// Every call of the four macros in `tokens` (a test file), in place: `inference_profile! {..}`,
/// `include_profiles!(..)`, and items under `#[prompt(..)]` or `#[agent(..)]`, at any depth. Returns how many.
fn expand_calls(tokens: TokenStream) -> usize {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut calls = 0;
    for (i, tree) in trees.iter().enumerate() {
        match tree {
            TokenTree::Ident(name) => {
                if let (Some(TokenTree::Punct(bang)), Some(TokenTree::Group(args))) =
                    (trees.get(i + 1), trees.get(i + 2))
                    && bang.as_char() == '!'
                {
                    if name == "inference_profile" {
                        let _ =
                            crate::profile::expand(args.stream(), &proc_macro2::TokenStream::new());
                        calls += 1;
                    } else if name == "include_profiles" {
                        #[cfg(feature = "files")]
                        let _ = crate::files::expand(args.stream());
                        calls += 1;
                    }
                }
            }
            TokenTree::Punct(pound) if pound.as_char() == '#' => {
                let Some(TokenTree::Group(attr)) = trees.get(i + 1) else {
                    continue;
                };
                let Some((name, args)) = attribute_macro(attr) else {
                    continue;
                };
                let item = item_after(&trees[i + 2..]);
                if name == "prompt" {
                    let _ = crate::prompt::expand(args, item);
                } else {
                    let _ = crate::agent::expand(args, item);
                }
                calls += 1;
            }
            TokenTree::Group(group) => calls += expand_calls(group.stream()),
            _ => {}
        }
    }
    calls
}

/// `prompt` or `agent` and the arguments, for an attribute `[prompt(..)]`, `[bedrock_profiles::agent]`.
fn attribute_macro(attr: &Group) -> Option<(String, TokenStream)> {
    if attr.delimiter() != Delimiter::Bracket {
        return None;
    }
    let inner: Vec<TokenTree> = attr.stream().into_iter().collect();
    let (name, args) = match inner.as_slice() {
        [.., TokenTree::Ident(name), TokenTree::Group(args)]
            if args.delimiter() == Delimiter::Parenthesis =>
        {
            (name.to_string(), args.stream())
        }
        [.., TokenTree::Ident(name)] => (name.to_string(), TokenStream::new()),
        _ => return None,
    };
    (name == "prompt" || name == "agent").then_some((name, args))
}

/// The item that starts `trees`: its attributes, then everything up to its body (`{..}`) or `;`.
fn item_after(trees: &[TokenTree]) -> TokenStream {
    let mut item = TokenStream::new();
    let mut rest = trees.iter();
    while let Some(tree) = rest.next() {
        item.extend([tree.clone()]);
        match tree {
            TokenTree::Punct(p) if p.as_char() == '#' => item.extend(rest.next().cloned()),
            TokenTree::Punct(p) if p.as_char() == ';' => break,
            TokenTree::Group(g) if g.delimiter() == Delimiter::Brace => break,
            _ => {}
        }
    }
    item
}

#[cfg(test)]
mod tests {
    use super::{assert_runs_lex, expand_calls, problem};
    use proc_macro2::TokenStream;
    use std::path::{Path, PathBuf};
    use std::str::FromStr;

    /// The `.rs` files of `dir`, sorted.
    fn rust_files(dir: &Path) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| path.extension().is_some_and(|e| e == "rs"))
            .collect();
        files.sort();
        files
    }

    /// Every `tests/ui` and `tests/ui/pass` case, and the `include_profiles!` tests, expanded in process: every text
    /// run the macros hand to the lexer lexes with rustc's lexer.
    #[test]
    fn every_ui_case_expands_to_text_that_lexes() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .expect("the workspace")
            .to_path_buf();
        // The cases name their files (`text_file`, `include_profiles!`) relative to the facade's Cargo.toml.
        // SAFETY: no other test of this crate reads the variable expecting a value (their files are missing
        // either way), and std's environment functions lock each other.
        // `tests/ui/files` cases read theirs beside them (trybuild copies them into its project).
        let ui = root.join("tests/ui");
        let mut files: Vec<(PathBuf, PathBuf)> = Vec::new();
        for (dir, manifest) in [
            (ui.clone(), &root),
            (ui.join("pass"), &root),
            (ui.join("files"), &ui.join("files")),
            (ui.join("files/pass"), &ui.join("files")),
        ] {
            files.extend(rust_files(&dir).into_iter().map(|f| (f, manifest.clone())));
        }
        files.push((root.join("tests/include_profiles.rs"), root.clone()));
        let (mut calls, mut runs) = (0, 0);
        for (file, manifest) in &files {
            // SAFETY: as above.
            unsafe { std::env::set_var("CARGO_MANIFEST_DIR", manifest) };
            let source = std::fs::read_to_string(file).expect("a test file");
            let tokens = TokenStream::from_str(&source)
                .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            let recorded = crate::code::tests::recording(|| calls += expand_calls(tokens));
            runs += recorded.len();
            assert_runs_lex(&file.display().to_string(), &recorded);
        }
        // The walk found the cases: about one call per file, and text for the lexer.
        assert!(
            calls >= files.len(),
            "{calls} macro calls in {} files",
            files.len()
        );
        assert!(
            runs >= files.len(),
            "{runs} text runs in {} files",
            files.len()
        );
    }

    #[test]
    fn good_text_lexes() {
        for ok in [
            "const A: u32 = f(1u32, [2, 3]);",
            "#[doc = \"a\\nb \\u{202e} \\\"q\\\"\"] <'a> x as &'static str 0.5f32 1u32",
            "::core::format_args!(\"{}\", self.r#type)",
            "",
        ] {
            assert_eq!(problem(ok), None, "{ok}");
        }
    }

    /// The check can fail: each of these runs is one way a broken emitter could write text.
    #[test]
    fn broken_text_is_caught() {
        for bad in [
            "__w.write_str(\"unterminated)?;",
            "T { a: 1",
            "f(1]",
            "a } b",
            "x // a comment",
            "x /* a comment */",
            "a № b",
            "\"bad \\q escape\"",
            "\"bare \r carriage return\"",
            "\"\u{202e} reversed\"",
            "'1a",
            "k\"prefix\"",
            "r#\"x",
            "0x",
            "1e",
        ] {
            assert!(problem(bad).is_some(), "{bad:?} passed");
        }
    }
}
