//! The Rust names `include_profiles!` gives a file's tables: a const per table (`high-quality` -> `HIGH_QUALITY`)
//! and a struct per prompt (`support-reply` -> `SupportReply`). The loader refuses two tables that would take the
//! same name, so that `bedrock-profiles check` refuses every file the macro refuses.

use super::Format;
use std::collections::HashMap;

/// `high-quality` -> `HIGH_QUALITY`: every character that is not an ASCII letter or digit becomes `_`, letters
/// upper case; a leading `_` when the name would be empty or start with a digit.
pub fn const_name(key: &str) -> String {
    let mut name: String = key
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect();
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert(0, '_');
    }
    name
}

/// `support-reply` -> `SupportReply`, `faq_answer` -> `FaqAnswer`: words split at every character that is not an
/// ASCII letter or digit, each word's first letter in upper case, the rest as written. `Err` says why the table
/// cannot name a struct.
pub fn struct_name(key: &str) -> Result<String, String> {
    let mut name = String::with_capacity(key.len());
    for word in key.split(|c: char| !c.is_ascii_alphanumeric()) {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            name.push(first.to_ascii_uppercase());
            name.push_str(chars.as_str());
        }
    }
    if name.is_empty() {
        return Err(format!(
            "`prompts.{key}` has no letter or digit to name the struct `include_profiles!` generates for it; rename the table"
        ));
    }
    if name == "Self" {
        return Err(format!(
            "`prompts.{key}` would name its generated struct `Self`, which Rust reserves; rename the table"
        ));
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert(0, '_');
    }
    Ok(name)
}

/// Every clash among `tables` (section, key), in order: (the index of the table in `tables`, why). A table clashes
/// with each earlier table that takes one of its names (consts and structs apart: Rust keeps them in different
/// namespaces), and a prompt table whose key names no struct is refused on its own. Linear in the number of tables
/// (a hostile file may hold 100,000).
pub fn clashes(tables: &[(&str, &str)]) -> Vec<(usize, String)> {
    // Each generated name -> the first table that takes it.
    let mut consts: HashMap<String, usize> = HashMap::new();
    let mut structs: HashMap<String, usize> = HashMap::new();
    let table = |i: usize| format!("{}.{}", tables[i].0, tables[i].1);
    let mut found = Vec::new();
    for (i, &(section, key)) in tables.iter().enumerate() {
        // The earlier tables this one clashes with, each with the items they share, in order.
        let mut shared: Vec<(usize, Vec<String>)> = Vec::new();
        let mut share =
            |first: usize, item: String| match shared.iter_mut().find(|(t, _)| *t == first) {
                Some((_, items)) => items.push(item),
                None => shared.push((first, vec![item])),
            };
        let name = const_name(key);
        match consts.get(&name) {
            Some(&first) => share(first, format!("the const `{name}`")),
            None => {
                consts.insert(name, i);
            }
        }
        if section == "prompts" {
            match struct_name(key) {
                Ok(name) => match structs.get(&name) {
                    Some(&first) => share(first, format!("the struct `{name}`")),
                    None => {
                        structs.insert(name, i);
                    }
                },
                Err(message) => found.push((i, message)),
            }
        }
        for (first, items) in shared {
            let items = items.join(" and ");
            found.push((
                i,
                format!(
                    "`{}` and `{}` both become {items} in Rust (`include_profiles!`); rename one of the tables",
                    table(first),
                    table(i)
                ),
            ));
        }
    }
    found
}

/// The keys of the tables of `section` in `source`, whether or not they have errors (none when the file does not
/// parse): the consts that `include_profiles!` stands in for beside a file's errors, so that Rust code naming them
/// adds no errors of its own.
pub fn table_keys(
    source: &str,
    format: Format,
    section: crate::decl::keys::SectionKey,
) -> Vec<String> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let root = match format {
        Format::Toml => super::tree::parse_toml(source),
        Format::Json => super::tree::parse_json(source),
    };
    let Ok(crate::decl::Node {
        value: crate::decl::Raw::Table(top),
        ..
    }) = root
    else {
        return Vec::new();
    };
    top.iter()
        .filter(|entry| entry.key.text == section.as_str())
        .take(1)
        .flat_map(|entry| match &entry.value.value {
            crate::decl::Raw::Table(tables) => tables.as_slice(),
            _ => &[],
        })
        .filter(|entry| matches!(entry.value.value, crate::decl::Raw::Table(_)))
        .map(|entry| entry.key.text.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn struct_names_are_upper_camel_case() {
        for (key, name) in [
            ("support-reply", "SupportReply"),
            ("faq_answer", "FaqAnswer"),
            ("supportReply", "SupportReply"),
            ("v2-beta.test", "V2BetaTest"),
            ("2fa", "_2fa"),
            ("café", "Caf"),
        ] {
            assert_eq!(struct_name(key).as_deref(), Ok(name), "{key}");
        }
        for key in ["", "-", "self", "Self_"] {
            assert!(struct_name(key).is_err(), "{key}");
        }
    }

    #[test]
    fn names() {
        assert_eq!(const_name("high-quality"), "HIGH_QUALITY");
        assert_eq!(const_name("2fast"), "_2FAST");
        assert_eq!(struct_name("support-reply").as_deref(), Ok("SupportReply"));
        assert_eq!(struct_name("faq_answer").as_deref(), Ok("FaqAnswer"));
        assert!(struct_name("--").is_err());
        assert!(struct_name("self").is_err());
    }

    #[test]
    fn clashes_name_both_tables() {
        let found = clashes(&[
            ("profiles", "high-quality"),
            ("profiles", "high_quality"),
            ("prompts", "support-reply"),
            ("prompts", "support_reply"),
            ("agents", "support-reply"),
        ]);
        assert_eq!(
            found,
            [
                (
                    1,
                    "`profiles.high-quality` and `profiles.high_quality` both become the const `HIGH_QUALITY` in \
                     Rust (`include_profiles!`); rename one of the tables"
                        .to_owned()
                ),
                (
                    3,
                    "`prompts.support-reply` and `prompts.support_reply` both become the const `SUPPORT_REPLY` and \
                     the struct `SupportReply` in Rust (`include_profiles!`); rename one of the tables"
                        .to_owned()
                ),
                (
                    4,
                    "`prompts.support-reply` and `agents.support-reply` both become the const `SUPPORT_REPLY` in \
                     Rust (`include_profiles!`); rename one of the tables"
                        .to_owned()
                ),
            ]
        );
    }
}
