//! "Did you mean": the one place that decides which known name a misspelled or camelCase one meant. Used for keys,
//! step names and template variables by the macros and by runtime loaders alike.

/// The candidate `name` most likely meant: the one equal to `name` in snake_case (`topP` -> `top_p`,
/// `PRE_PROCESSING` -> `pre_processing`), else the most similar one (Jaro-Winkler similarity at least 0.8).
pub fn closest<'c, T: Copy>(
    name: &str,
    candidates: &[T],
    text: impl Fn(T) -> &'c str,
) -> Option<T> {
    let snake = snake_case(name);
    if let Some(&exact) = candidates.iter().find(|&&c| text(c) == snake) {
        return Some(exact);
    }
    candidates
        .iter()
        .map(|&c| (strsim::jaro_winkler(&snake, text(c)), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// [`closest`] among plain strings.
pub fn closest_str<'c>(name: &str, candidates: &[&'c str]) -> Option<&'c str> {
    closest(name, candidates, |c| c)
}

/// `topP` -> `top_p`, `idleSessionTTL` -> `idle_session_ttl`, `PRE_PROCESSING` -> `pre_processing`,
/// `stop-sequences` -> `stop_sequences`.
pub fn snake_case(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &ch) in chars.iter().enumerate() {
        if ch.is_ascii_uppercase() {
            if i > 0 && chars[i - 1].is_ascii_lowercase() && !out.ends_with('_') {
                out.push('_');
            }
            out.push(ch.to_ascii_lowercase());
        } else if ch == '-' {
            out.push('_');
        } else {
            out.push(ch);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_and_matches() {
        assert_eq!(snake_case("topP"), "top_p");
        assert_eq!(snake_case("maxTokens"), "max_tokens");
        assert_eq!(snake_case("idleSessionTTL"), "idle_session_ttl");
        assert_eq!(snake_case("PRE_PROCESSING"), "pre_processing");
        assert_eq!(snake_case("stop-sequences"), "stop_sequences");
        let keys = ["temperature", "top_p", "max_tokens"];
        assert_eq!(closest_str("topP", &keys), Some("top_p"));
        assert_eq!(closest_str("temprature", &keys), Some("temperature"));
        assert_eq!(closest_str("frequency_penalty", &keys), None);
    }
}
