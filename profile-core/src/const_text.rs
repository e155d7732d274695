//! A fixed-capacity text buffer that `const fn` code can write into.
//!
//! Rule messages are written once, by `const fn`s, into a [`Message`]. The same text then reaches the user three
//! ways: the proc macros print it as a spanned compile error, `const` assertions print it through
//! `panic!("{}", message.as_str())` (rustc shows it as `evaluation panicked: ...`), and runtime code gets it through
//! `Display`. One writer, so the three can never disagree.

/// Capacity of a [`Message`] in bytes. Quoted user values are shortened (see [`Message::push_quoted`]), so every
/// message of the rulebook fits.
pub const MESSAGE_CAPACITY: usize = 1024;

/// Longest user value, in characters, that a message quotes in full; longer ones are cut with `...`.
pub const QUOTE_LIMIT: usize = 80;

/// A message under construction: a byte buffer that is always valid UTF-8 up to `len`.
#[derive(Clone, Copy)]
pub struct Message {
    bytes: [u8; MESSAGE_CAPACITY],
    len: usize,
}

impl Message {
    /// An empty message.
    pub const fn new() -> Self {
        Message {
            bytes: [0; MESSAGE_CAPACITY],
            len: 0,
        }
    }

    /// The text written so far.
    pub const fn as_str(&self) -> &str {
        let (text, _) = self.bytes.split_at(self.len);
        match core::str::from_utf8(text) {
            Ok(text) => text,
            // `push_str` only ever stores whole characters.
            Err(_) => "",
        }
    }

    /// Appends `text`, dropping whole characters that do not fit.
    pub const fn push_str(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let width = utf8_width(bytes[i]);
            if self.len + width > MESSAGE_CAPACITY {
                return;
            }
            let mut j = 0;
            while j < width && i + j < bytes.len() {
                self.bytes[self.len] = bytes[i + j];
                self.len += 1;
                j += 1;
            }
            i += width;
        }
    }

    /// Appends a user value between double quotes, cut to [`QUOTE_LIMIT`] characters.
    pub const fn push_quoted(&mut self, text: &str) {
        self.push_str("\"");
        let bytes = text.as_bytes();
        let mut i = 0;
        let mut chars = 0;
        while i < bytes.len() {
            if chars == QUOTE_LIMIT {
                self.push_str("...");
                break;
            }
            let width = utf8_width(bytes[i]);
            let (_, rest) = bytes.split_at(i);
            let (one, _) = rest.split_at(if width <= rest.len() {
                width
            } else {
                rest.len()
            });
            if let Ok(ch) = core::str::from_utf8(one) {
                match one {
                    b"\"" => self.push_str("\\\""),
                    b"\\" => self.push_str("\\\\"),
                    b"\n" => self.push_str("\\n"),
                    b"\t" => self.push_str("\\t"),
                    b"\r" => self.push_str("\\r"),
                    _ => self.push_str(ch),
                }
            }
            i += width;
            chars += 1;
        }
        self.push_str("\"");
    }

    /// Appends an unsigned integer in decimal.
    pub const fn push_u64(&mut self, value: u64) {
        let mut digits = [0u8; 20];
        let mut n = value;
        let mut count = 0;
        loop {
            digits[count] = b'0' + (n % 10) as u8;
            count += 1;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        let mut out = [0u8; 20];
        let mut i = 0;
        while i < count {
            out[i] = digits[count - 1 - i];
            i += 1;
        }
        let (text, _) = out.split_at(count);
        if let Ok(text) = core::str::from_utf8(text) {
            self.push_str(text);
        }
    }

    /// Appends a `usize` in decimal.
    pub const fn push_usize(&mut self, value: usize) {
        self.push_u64(value as u64);
    }

    /// Appends an inclusive integer range as the messages write it: `min..=max`.
    pub const fn push_u64_range(&mut self, min: u64, max: u64) {
        self.push_u64(min);
        self.push_str("..=");
        self.push_u64(max);
    }

    /// Appends an inclusive `f32` range as the messages write it: `0.0..=1.0`.
    pub const fn push_f32_range(&mut self, min: f32, max: f32) {
        self.push_f32(min);
        self.push_str("..=");
        self.push_f32(max);
    }

    /// Appends an `f32` the way a person wrote it: the shortest decimal with at least one fractional digit that
    /// reads back as the same `f32` (`0.7`, `1.0`, `0.00001`), or `NaN` / `inf` / `-inf`.
    pub const fn push_f32(&mut self, value: f32) {
        if value.is_nan() {
            self.push_str("NaN");
            return;
        }
        if value.is_infinite() {
            self.push_str(if value > 0.0 { "inf" } else { "-inf" });
            return;
        }
        let negative = value < 0.0;
        let magnitude = if negative { -value } else { value };
        if negative {
            self.push_str("-");
        }
        if magnitude >= 1.0e15 {
            // Far outside every range the rulebook knows; the integer part is enough to see what went wrong.
            self.push_u128(magnitude as u128);
            self.push_str(".0");
            return;
        }
        let wide = magnitude as f64;
        let mut decimals: u32 = 1;
        let mut scale: f64 = 10.0;
        while decimals < 12 {
            // `+ 0.5` then truncation rounds a non-negative value to the nearest integer.
            let scaled = (wide * scale + 0.5) as u64;
            if ((scaled as f64) / scale) as f32 == magnitude {
                self.push_scaled(scaled, decimals);
                return;
            }
            decimals += 1;
            scale *= 10.0;
        }
        let scaled = (wide * scale + 0.5) as u64;
        self.push_scaled(scaled, decimals);
    }

    const fn push_u128(&mut self, value: u128) {
        let high = value / 10_000_000_000_000_000_000;
        let low = (value % 10_000_000_000_000_000_000) as u64;
        if high > 0 {
            self.push_u64(high as u64);
            let mut pad = 1_000_000_000_000_000_000u64;
            while pad > 1 && low < pad {
                self.push_str("0");
                pad /= 10;
            }
        }
        self.push_u64(low);
    }

    /// Writes `scaled / 10^decimals`, trimming trailing zeros but keeping one fractional digit.
    const fn push_scaled(&mut self, scaled: u64, decimals: u32) {
        let mut divisor: u64 = 1;
        let mut i = 0;
        while i < decimals {
            divisor *= 10;
            i += 1;
        }
        let whole = scaled / divisor;
        let mut fraction = scaled % divisor;
        let mut width = decimals;
        while width > 1 && fraction.is_multiple_of(10) {
            fraction /= 10;
            width -= 1;
        }
        self.push_u64(whole);
        self.push_str(".");
        // Leading zeros of the fraction (0.05 -> "05").
        let mut digits = 1;
        let mut probe = fraction;
        while probe >= 10 {
            probe /= 10;
            digits += 1;
        }
        while digits < width {
            self.push_str("0");
            digits += 1;
        }
        self.push_u64(fraction);
    }
}

impl Default for Message {
    fn default() -> Self {
        Message::new()
    }
}

impl core::fmt::Debug for Message {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        core::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl core::fmt::Display for Message {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Width in bytes of the UTF-8 sequence that starts with `lead`.
const fn utf8_width(lead: u8) -> usize {
    if lead < 0x80 {
        1
    } else if lead >= 0xF0 {
        4
    } else if lead >= 0xE0 {
        3
    } else {
        2
    }
}

/// The `f64` nearest to the decimal an `f32` was written as: `0.7f32` gives `0.7f64`, not `0.699999988079071`
/// (what `0.7f32 as f64` is). Bedrock's temperature and top-p are 32-bit floats; serializers that widen them to
/// `f64` (serde_json's `Value`, the AWS SDK's `Document`) would otherwise put the long form on the wire.
// Used by the serde impls and `wire`.
#[cfg_attr(not(feature = "serde"), allow(dead_code))]
pub fn f32_as_written(value: f32) -> f64 {
    if !value.is_finite() {
        return value as f64;
    }
    let mut m = Message::new();
    m.push_f32(value);
    m.as_str().parse().unwrap_or(value as f64)
}

/// Number of characters (Unicode scalar values) in `text`, usable in `const` code.
pub const fn char_count(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut count = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] & 0xC0 != 0x80 {
            count += 1;
        }
        i += 1;
    }
    count
}

/// Byte-wise string equality, usable in `const` code.
pub const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether `text` starts with `prefix`, usable in `const` code.
pub const fn starts_with(text: &str, prefix: &str) -> bool {
    let (text, prefix) = (text.as_bytes(), prefix.as_bytes());
    if prefix.len() > text.len() {
        return false;
    }
    let mut i = 0;
    while i < prefix.len() {
        if text[i] != prefix[i] {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f32_text(value: f32) -> String {
        let mut m = Message::new();
        m.push_f32(value);
        m.as_str().to_owned()
    }

    #[test]
    fn floats_read_as_written() {
        assert_eq!(f32_text(0.7), "0.7");
        assert_eq!(f32_text(1.0), "1.0");
        assert_eq!(f32_text(0.0), "0.0");
        assert_eq!(f32_text(1.5), "1.5");
        assert_eq!(f32_text(0.00001), "0.00001");
        assert_eq!(f32_text(0.05), "0.05");
        assert_eq!(f32_text(-0.5), "-0.5");
        assert_eq!(f32_text(250.0), "250.0");
        assert_eq!(f32_text(1.0000001), "1.0000001");
        assert_eq!(f32_text(f32::NAN), "NaN");
        assert_eq!(f32_text(f32::INFINITY), "inf");
        assert_eq!(f32_text(3.0e20), format!("{}.0", 3.0e20f32 as u128));
    }

    #[test]
    fn floats_round_trip_like_display() {
        for value in [
            0.1f32,
            0.2,
            0.3,
            0.9,
            0.95,
            0.999,
            0.123_456_7,
            0.333_333_34,
            1e-7,
            12.5,
        ] {
            let text = f32_text(value);
            assert_eq!(text.parse::<f32>().unwrap(), value, "{text}");
        }
    }

    #[test]
    fn widening_keeps_the_written_decimal() {
        assert_eq!(f32_as_written(0.7), 0.7f64);
        assert_eq!(f32_as_written(0.9), 0.9f64);
        assert_eq!(f32_as_written(0.00001), 0.00001f64);
        assert_eq!(f32_as_written(1.0), 1.0f64);
        for v in [0.1f32, 0.123_456_7, 0.333_333_34, 1e-7] {
            assert_eq!(f32_as_written(v) as f32, v);
        }
    }

    #[test]
    fn integers() {
        let mut m = Message::new();
        m.push_u64(0);
        m.push_str(" ");
        m.push_u64(u64::MAX);
        assert_eq!(m.as_str(), "0 18446744073709551615");
    }

    #[test]
    fn quoting_escapes_and_cuts() {
        let mut m = Message::new();
        m.push_quoted("a\"b\\c\nd");
        assert_eq!(m.as_str(), r#""a\"b\\c\nd""#);
        let mut m = Message::new();
        m.push_quoted(&"é".repeat(100));
        assert_eq!(m.as_str(), format!("\"{}...\"", "é".repeat(QUOTE_LIMIT)));
    }

    #[test]
    fn overflow_keeps_whole_characters() {
        let mut m = Message::new();
        m.push_str(&"x".repeat(MESSAGE_CAPACITY - 1));
        m.push_str("é");
        assert_eq!(m.as_str().len(), MESSAGE_CAPACITY - 1);
    }

    #[test]
    fn counting_and_comparing() {
        assert_eq!(char_count("héllo"), 5);
        assert!(str_eq("abc", "abc"));
        assert!(!str_eq("abc", "abd"));
        assert!(starts_with("us.anthropic", "us."));
        assert!(!starts_with("u", "us."));
    }
}
