//! Reading one value of a `key: value` entry: a literal the macro checks, or a constant expression it hands to
//! rustc (and to a `const` assertion).

use crate::ctxt::Ctxt;
use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{Lit, LitFloat, LitInt, LitStr, Token};

/// Token trees up to the next top-level `,`: one value of a `key: value` / `key = value` list.
pub fn parse_value_tokens(input: ParseStream) -> syn::Result<TokenStream> {
    let mut tokens = TokenStream::new();
    while !input.is_empty() && !input.peek(Token![,]) {
        let tt: TokenTree = input.parse()?;
        tokens.extend([tt]);
    }
    Ok(tokens)
}

/// `T, T, ...` with an optional trailing comma.
pub fn comma_list<T: Parse>(input: ParseStream) -> syn::Result<Vec<T>> {
    Ok(Punctuated::<T, Token![,]>::parse_terminated(input)?
        .into_iter()
        .collect())
}

/// A setting as declared.
#[derive(Clone)]
pub enum Setting<T> {
    /// Not written: the default, or inherited from `..BASE`.
    Unset,
    /// `key: None`: explicitly not set, even when `..BASE` sets it.
    Cleared,
    /// A literal the macro read and checks.
    Literal(T, Span),
    /// A constant expression; rustc type-checks it and a `const` assertion checks its value.
    Expr(TokenStream),
    /// The value was wrong; an error is recorded.
    Invalid,
}

impl<T> Setting<T> {
    pub fn literal(&self) -> Option<&T> {
        match self {
            Setting::Literal(value, _) => Some(value),
            _ => None,
        }
    }

    pub fn span(&self) -> Option<Span> {
        match self {
            Setting::Literal(_, span) => Some(*span),
            _ => None,
        }
    }

    pub fn is_unset(&self) -> bool {
        matches!(self, Setting::Unset)
    }

    pub fn is_expr(&self) -> bool {
        matches!(self, Setting::Expr(_))
    }
}

/// The shape of a value's tokens.
pub enum Shape {
    Str(LitStr),
    Int(LitInt, bool),
    Float(LitFloat, bool),
    /// Another literal (bool, char, byte string...), shown as written.
    OtherLit(String, Span),
    /// The identifier `None`.
    None,
    /// Anything else: a constant expression.
    Expr,
}

/// Strips invisible groups that `macro_rules!` wraps around `$x:expr` fragments.
fn ungroup(tokens: &TokenStream) -> TokenStream {
    let mut iter = tokens.clone().into_iter();
    match (iter.next(), iter.next()) {
        (Some(TokenTree::Group(g)), None) if g.delimiter() == Delimiter::None => {
            ungroup(&g.stream())
        }
        _ => tokens.clone(),
    }
}

pub fn shape(tokens: &TokenStream) -> Shape {
    let tokens = ungroup(tokens);
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let (negative, literal) = match trees.as_slice() {
        [TokenTree::Literal(l)] => (false, l.clone()),
        [TokenTree::Punct(p), TokenTree::Literal(l)] if p.as_char() == '-' => (true, l.clone()),
        [TokenTree::Ident(i)] if i == "None" => return Shape::None,
        [TokenTree::Ident(i)] if i == "true" || i == "false" => {
            return Shape::OtherLit(i.to_string(), i.span());
        }
        _ => return Shape::Expr,
    };
    match Lit::new(literal) {
        Lit::Str(s) if !negative => Shape::Str(s),
        Lit::Int(i) => Shape::Int(i, negative),
        Lit::Float(f) => Shape::Float(f, negative),
        other => {
            let text = other.to_token_stream().to_string();
            Shape::OtherLit(
                if negative { format!("-{text}") } else { text },
                other.span(),
            )
        }
    }
}

/// Span of a value's first token.
pub fn first_span(tokens: &TokenStream, fallback: Span) -> Span {
    tokens
        .clone()
        .into_iter()
        .next()
        .map_or(fallback, |t| t.span())
}

fn describe(shape: &Shape) -> String {
    match shape {
        Shape::Str(s) => format!("the string {:?}", s.value()),
        Shape::Int(i, neg) => format!("{}{}", if *neg { "-" } else { "" }, i.base10_digits()),
        Shape::Float(f, neg) => format!("{}{}", if *neg { "-" } else { "" }, f.base10_digits()),
        Shape::OtherLit(text, _) => format!("`{text}`"),
        Shape::None => "`None`".to_owned(),
        Shape::Expr => "an expression".to_owned(),
    }
}

fn shape_span(shape: &Shape, fallback: Span) -> Span {
    match shape {
        Shape::Str(s) => s.span(),
        Shape::Int(i, _) => i.span(),
        Shape::Float(f, _) => f.span(),
        Shape::OtherLit(_, span) => *span,
        Shape::None | Shape::Expr => fallback,
    }
}

/// A string setting: a string literal, `None`, or a `&'static str` constant expression.
pub fn string(cx: &mut Ctxt, key: &str, tokens: &TokenStream, span: Span) -> Setting<String> {
    match shape(tokens) {
        Shape::Str(s) => Setting::Literal(s.value(), s.span()),
        Shape::None => Setting::Cleared,
        Shape::Expr => Setting::Expr(tokens.clone()),
        other => {
            cx.error(
                shape_span(&other, span),
                format!(
                    "`{key}` expects a string literal, found {}",
                    describe(&other)
                ),
            );
            Setting::Invalid
        }
    }
}

/// A float setting (`f32`): a float or integer literal, possibly negative, `None`, or an `f32` expression.
pub fn float(cx: &mut Ctxt, key: &str, tokens: &TokenStream, span: Span) -> Setting<f32> {
    let parsed = match shape(tokens) {
        Shape::Float(lit, negative) => lit
            .base10_digits()
            .parse::<f32>()
            .map(|v| (v, negative, lit.span())),
        Shape::Int(lit, negative) => lit
            .base10_digits()
            .parse::<f32>()
            .map(|v| (v, negative, lit.span())),
        Shape::None => return Setting::Cleared,
        Shape::Expr => return Setting::Expr(tokens.clone()),
        other => {
            cx.error(
                shape_span(&other, span),
                format!("`{key}` expects a number, found {}", describe(&other)),
            );
            return Setting::Invalid;
        }
    };
    match parsed {
        Ok((value, negative, lit_span)) if value.is_finite() => {
            Setting::Literal(if negative { -value } else { value }, lit_span)
        }
        _ => {
            cx.error(span, format!("`{key}` expects a finite number"));
            Setting::Invalid
        }
    }
}

/// An integer setting (`u32`): a non-negative integer literal, `None`, or a `u32` expression.
pub fn integer(cx: &mut Ctxt, key: &str, tokens: &TokenStream, span: Span) -> Setting<u32> {
    match shape(tokens) {
        Shape::Int(lit, false) => match lit.base10_digits().parse::<u32>() {
            Ok(value) => Setting::Literal(value, lit.span()),
            Err(_) => {
                cx.error(
                    lit.span(),
                    format!(
                        "`{key}` must fit in a u32 (at most {}), found {}",
                        u32::MAX,
                        lit.base10_digits()
                    ),
                );
                Setting::Invalid
            }
        },
        Shape::Int(lit, true) => {
            cx.error(
                lit.span(),
                format!("`{key}` cannot be negative, found -{}", lit.base10_digits()),
            );
            Setting::Invalid
        }
        Shape::Float(lit, negative) => {
            let sign = if negative { "-" } else { "" };
            cx.error(
                lit.span(),
                format!(
                    "`{key}` expects an integer, found {sign}{}",
                    lit.base10_digits()
                ),
            );
            Setting::Invalid
        }
        Shape::None => Setting::Cleared,
        Shape::Expr => Setting::Expr(tokens.clone()),
        other => {
            cx.error(
                shape_span(&other, span),
                format!("`{key}` expects an integer, found {}", describe(&other)),
            );
            Setting::Invalid
        }
    }
}

/// `snake_case` / `SCREAMING_SNAKE` / `CamelCase` -> `kebab-case`: HIGH_QUALITY -> high-quality.
pub fn kebab_case(ident: &str) -> String {
    let ident = ident.strip_prefix("r#").unwrap_or(ident);
    let mut out = String::with_capacity(ident.len() + 4);
    let chars: Vec<char> = ident.chars().collect();
    for (i, &ch) in chars.iter().enumerate() {
        if ch == '_' {
            out.push('-');
        } else if ch.is_uppercase() {
            let prev_lower =
                i > 0 && (chars[i - 1].is_lowercase() || chars[i - 1].is_ascii_digit());
            if prev_lower {
                out.push('-');
            }
            out.extend(ch.to_lowercase());
        } else {
            out.push(ch);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::kebab_case;

    #[test]
    fn kebab() {
        assert_eq!(kebab_case("HIGH_QUALITY"), "high-quality");
        assert_eq!(kebab_case("HighQuality"), "high-quality");
        assert_eq!(kebab_case("CODE_GEN_V2"), "code-gen-v2");
        assert_eq!(kebab_case("r#type"), "type");
    }
}
