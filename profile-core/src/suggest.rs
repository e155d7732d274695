//! "Did you mean": the one place that decides which known name a misspelled or camelCase one meant. Used for keys,
//! step names and template variables by the macros and by runtime loaders alike.

/// Longest name, in characters, that gets a suggestion, and longest candidate compared: Jaro-Winkler is quadratic
/// in the length (a 160,000-character name took 21 s), and a name this long is not a typo of a key.
pub const SUGGEST_MAX_CHARS: usize = 64;

/// Most candidates compared with one name (the first ones given): a file of 16,000 profiles does not make every
/// missing `extends` compare itself with all of them.
pub const SUGGEST_MAX_CANDIDATES: usize = 1000;

/// Most suggestions one declaration file (or one macro invocation) computes for names that can be declared in any
/// number (`extends`, `profile`): past it, such an error gives no "did you mean".
pub const SUGGESTIONS_PER_FILE: usize = 100;

/// The candidate `name` most likely meant: the one equal to `name` in snake_case (`topP` -> `top_p`,
/// `PRE_PROCESSING` -> `pre_processing`), else the most similar one (Jaro-Winkler similarity at least 0.8). Only
/// names of at most [`SUGGEST_MAX_CHARS`] characters get one, among the first [`SUGGEST_MAX_CANDIDATES`]
/// candidates of at most that length.
pub fn closest<'c, T: Copy>(
    name: &str,
    candidates: &[T],
    text: impl Fn(T) -> &'c str,
) -> Option<T> {
    let short = |s: &str| s.len() <= SUGGEST_MAX_CHARS || s.chars().count() <= SUGGEST_MAX_CHARS;
    if !short(name) {
        return None;
    }
    let candidates = candidates
        .iter()
        .take(SUGGEST_MAX_CANDIDATES)
        .copied()
        .filter(|&c| short(text(c)));
    let snake = snake_case(name);
    if let Some(exact) = candidates.clone().find(|&c| text(c) == snake) {
        return Some(exact);
    }
    candidates
        .map(|c| (strsim::jaro_winkler(&snake, text(c)), c))
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

    #[test]
    fn long_names_and_many_candidates_are_bounded() {
        // At the length limit a name still gets its suggestion; one character more, none.
        let at = "a".repeat(SUGGEST_MAX_CHARS);
        let over = "a".repeat(SUGGEST_MAX_CHARS + 1);
        let near = format!("{}b", "a".repeat(SUGGEST_MAX_CHARS - 1));
        assert_eq!(closest_str(&near, &[at.as_str()]), Some(at.as_str()));
        assert_eq!(closest_str(&over, &[over.as_str()]), None);
        // A candidate over the limit is not compared.
        assert_eq!(closest_str("ab", &[over.as_str()]), None);
        // Only the first candidates are compared.
        let mut many: Vec<String> = (0..SUGGEST_MAX_CANDIDATES)
            .map(|i| format!("x{i}"))
            .collect();
        many.push("temperature".to_owned());
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(closest_str("temperature", &many), None);
        assert_eq!(closest_str("temperature", &many[1..]), Some("temperature"));
    }
}
