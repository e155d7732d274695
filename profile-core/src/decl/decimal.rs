//! Exact comparison of a number as written (`1.00000000000000000001`, `-1e-50`) with a bound: no float holds every
//! such number, and a range check on the nearest `f64` let `1.00000000000000000001` pass as 1.0.

use std::cmp::Ordering;

/// A decimal number: `0.d1d2d3... × 10^exponent`, with no leading or trailing zero digit (zero has no digits).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Decimal {
    negative: bool,
    /// The significant digits, ASCII.
    digits: Vec<u8>,
    exponent: i128,
}

/// Exponents are clamped to this magnitude: a file holds at most 64 MiB of digits, so no two numbers a file can
/// write differ beyond it, and `1e99999999999999999999999999999999999999999` does not overflow.
const EXPONENT_CLAMP: i128 = 1 << 100;

fn parse(text: &str) -> Option<Decimal> {
    // A Rust literal's suffix; TOML and JSON have none.
    let text = text
        .strip_suffix("f32")
        .or_else(|| text.strip_suffix("f64"))
        .unwrap_or(text);
    let (negative, rest) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let (mantissa, exp) = match rest.find(['e', 'E']) {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    let mut exponent: i128 = 0;
    if let Some(exp) = exp {
        let (sign, digits) = match exp.as_bytes().first()? {
            b'-' => (-1, &exp[1..]),
            b'+' => (1, &exp[1..]),
            _ => (1, exp),
        };
        let mut seen = false;
        for b in digits.bytes() {
            match b {
                b'0'..=b'9' => {
                    seen = true;
                    exponent = (exponent * 10 + i128::from(b - b'0')).min(EXPONENT_CLAMP);
                }
                b'_' => {}
                _ => return None,
            }
        }
        if !seen {
            return None;
        }
        exponent *= sign;
    }
    // Digits before the point count towards the exponent; leading zeros do not.
    let mut digits = Vec::new();
    let mut point_seen = false;
    let mut before_point: i128 = 0;
    let mut any = false;
    for b in mantissa.bytes() {
        match b {
            b'0'..=b'9' => {
                any = true;
                if digits.is_empty() && b == b'0' {
                    if point_seen {
                        before_point -= 1;
                    }
                    continue;
                }
                digits.push(b);
                if !point_seen {
                    before_point += 1;
                }
            }
            b'.' if !point_seen => point_seen = true,
            b'_' => {}
            _ => return None,
        }
    }
    if !any {
        return None;
    }
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    Some(Decimal {
        negative,
        exponent: if digits.is_empty() {
            0
        } else {
            (exponent + before_point).clamp(-EXPONENT_CLAMP, EXPONENT_CLAMP)
        },
        digits,
    })
}

fn cmp(a: &Decimal, b: &Decimal) -> Ordering {
    let sign = |d: &Decimal| match (d.digits.is_empty(), d.negative) {
        (true, _) => 0,
        (false, true) => -1,
        (false, false) => 1,
    };
    match sign(a).cmp(&sign(b)) {
        Ordering::Equal => {}
        other => return other,
    }
    let magnitude = a
        .exponent
        .cmp(&b.exponent)
        .then_with(|| a.digits.cmp(&b.digits));
    if sign(a) < 0 {
        magnitude.reverse()
    } else {
        magnitude
    }
}

/// Whether the number written as `text` lies in `min..=max` exactly; `None` when `text` is not a plain decimal
/// (the caller then decides by the parsed value). The bounds are compared through their shortest decimal form,
/// exact for the rulebook's bounds (0, 1, 2).
pub(crate) fn within(text: &str, min: f64, max: f64) -> Option<bool> {
    let value = parse(text)?;
    let (min, max) = (min.to_string(), max.to_string());
    let (min, max) = (parse(&min)?, parse(&max)?);
    Some(cmp(&value, &min) != Ordering::Less && cmp(&value, &max) != Ordering::Greater)
}

#[cfg(test)]
mod tests {
    use super::within;

    #[test]
    fn decided_by_the_digits_as_written() {
        for (text, inside) in [
            ("1", true),
            ("1.0", true),
            ("1.000", true),
            ("0.5", true),
            ("0", true),
            ("-0.0", true),
            ("0e5", true),
            ("10e-1", true),
            ("0.1e1", true),
            ("1_000e-3", true),
            ("1.0f32", true),
            ("+0.25", true),
            ("1.00000000000000000001", false),
            ("1.0000000001", false),
            ("-1e-50", false),
            ("-0.00000000000000000000000000000000000000000000001", false),
            ("1e-99999999999999999999999999999999999999999999", true),
            ("1e99999999999999999999999999999999999999999999", false),
            ("0.99999999999999999999999", true),
            ("1.1", false),
            ("2", false),
        ] {
            assert_eq!(within(text, 0.0, 1.0), Some(inside), "{text}");
        }
        assert_eq!(within("2.0", 0.0, 2.0), Some(true));
        assert_eq!(within("2.00000000000000000000001", 0.0, 2.0), Some(false));
        for text in ["", "-", "e5", "1e", "1.2.3", "nan", "inf", "0x10"] {
            assert_eq!(within(text, 0.0, 1.0), None, "{text}");
        }
    }
}
