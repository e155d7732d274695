//! Whole profiles: the one ordered list of rules ([`next_violation_for`]), run by [`check`] at run time and by
//! [`assert_valid`] in `const` evaluation.

use super::{
    Key, Surface, Violation, check_anthropic_version, check_deployable, check_description,
    check_description_pattern, check_guardrail, check_max_tokens, check_model, check_name,
    check_reasoning, check_reasoning_sampling, check_response_format, check_sampling_policy,
    check_stop_sequence, check_stop_sequence_count, check_tag, check_tag_count, check_temperature,
    check_temperature_with_top_p, check_top_k, check_top_p, check_version,
};
use crate::const_text::{Message, str_eq};
use crate::limits;
use crate::models::ModelRef;
use crate::profile::{InferenceProfile, ResponseFormat, text};
use crate::tags::{StaticTag, Tags};
use std::borrow::Cow;

/// Where [`next_violation_for`] is in a profile; start from `Cursor::START`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cursor(usize);

impl Cursor {
    /// Before the first rule.
    pub(crate) const START: Cursor = Cursor(0);
}

// Rule slots, in the order violations are reported. Slots from `STOP_ITEMS` on are one per stop sequence.
const NAME: usize = 0;
const DESCRIPTION: usize = 1;
const VERSION: usize = 2;
const MODEL: usize = 3;
const TEMPERATURE: usize = 4;
const TOP_P: usize = 5;
const TEMPERATURE_WITH_TOP_P: usize = 6;
const TOP_K: usize = 7;
const MAX_TOKENS: usize = 8;
const ANTHROPIC: usize = 9;
const RESPONSE_FORMAT: usize = 10;
const DEFAULTS_TEMPERATURE: usize = 11;
const DEFAULTS_TOP_P: usize = 12;
const DEFAULTS_TOP_K: usize = 13;
const REASONING: usize = 14;
const THINKING_TEMPERATURE: usize = 15;
const THINKING_TOP_P: usize = 16;
const THINKING_TOP_K: usize = 17;
const THINKING_MAX_TOKENS: usize = 18;
const GUARDRAIL: usize = 19;
const STOP_COUNT: usize = 20;
const TAG_COUNT: usize = 21;
const TAGS_SOURCE: usize = 22;
/// One slot per stop sequence, then one per tag.
const STOP_ITEMS: usize = 23;

/// The parts of a profile held in [`Shared`] values: read through `Deref` at run time, and from the `'static` data
/// in `const` evaluation, where `Deref` cannot be called and [`Shared::Static`] is the only kind a `const` can hold.
#[derive(Clone, Copy)]
pub(crate) struct Views<'a> {
    stops: &'a [Cow<'static, str>],
    /// The structured-output schema text, when there is one.
    schema: Option<&'a str>,
}

impl<'a> Views<'a> {
    fn of(profile: &'a InferenceProfile) -> Self {
        Views {
            stops: &profile.stop_sequences,
            schema: match &profile.response_format {
                Some(ResponseFormat::JsonSchema(s)) => Some(&s.schema),
                None => None,
            },
        }
    }

    /// In `const` code. Called at run time (the hidden [`assert_valid`] and [`checked`] are `const fn`s the
    /// generated code uses in `const` items only), a value read at run time would be seen as empty, so those two
    /// say they are for `const` items.
    const fn of_static(profile: &'a InferenceProfile) -> Self {
        let stops = match profile.stop_sequences.as_static() {
            Some(stops) => stops,
            None => &[],
        };
        let schema = match &profile.response_format {
            Some(ResponseFormat::JsonSchema(s)) => s.schema.as_static(),
            None => None,
        };
        Views { stops, schema }
    }
}

/// The next violation of `profile` on `surface` after `cursor`, advancing it; `None` when no rule is left. This one
/// list of rules serves [`check`] (runtime) and [`assert_valid`] (`const` evaluation). A prompt or an agent names
/// the model and the profile supplies the settings: `model`, when given, replaces the profile's model for every
/// model-dependent rule.
pub(crate) const fn next_violation_for<'a>(
    profile: &'a InferenceProfile,
    surface: Surface,
    model: Option<&'a ModelRef>,
    views: Views<'a>,
    cursor: &mut Cursor,
) -> Option<Violation<'a>> {
    let model = match (model, &profile.model) {
        (Some(model), _) | (None, Some(model)) => Some(model),
        (None, None) => None,
    };
    let stops = views.stops;
    let tags = &profile.tags;
    // Likewise over the surface's limit (Converse 2500): the count is the error and only the first items up to
    // the limit are checked one by one, since the repeat check looks at every earlier item (100,000 items were
    // quadratic).
    let surface_stops = surface.max_stop_sequences() as usize;
    let checked_stops = if stops.len() > surface_stops {
        surface_stops
    } else {
        stops.len()
    };
    let tag_items = STOP_ITEMS + checked_stops;
    // Over the limit, the count is the error and only the first `TAGS_MAX` tags are checked one by one: the
    // repeated-key check looks at every earlier key, which a file of 100,000 tags must not make quadratic.
    let checked_tags = if tags.len() > limits::TAGS_MAX {
        limits::TAGS_MAX
    } else {
        tags.len()
    };
    while cursor.0 < tag_items + checked_tags {
        let slot = cursor.0;
        cursor.0 += 1;
        let found = match slot {
            NAME => check_name(text(&profile.name)),
            // The pattern is `CreateInferenceProfile`'s: it applies to a profile that is deployed (declares tags);
            // a profile only sent to Converse keeps its description in rustdoc and files, where prose is fine.
            DESCRIPTION => match &profile.description {
                Some(d) => match check_description(text(d)) {
                    Some(v) => Some(v),
                    None if !tags.is_empty() => check_description_pattern(text(d)),
                    None => None,
                },
                None => None,
            },
            VERSION => check_version(profile.version),
            MODEL => match model {
                Some(m) => check_model(m, surface),
                None => None,
            },
            TEMPERATURE => match profile.temperature {
                Some(t) => check_temperature(t, model),
                None => None,
            },
            TOP_P => match profile.top_p {
                Some(p) => check_top_p(p),
                None => None,
            },
            TEMPERATURE_WITH_TOP_P => match (profile.temperature, profile.top_p, model) {
                (Some(_), Some(_), Some(m)) => check_temperature_with_top_p(m),
                _ => None,
            },
            TOP_K => match profile.top_k {
                Some(k) => check_top_k(k, model, surface),
                None => None,
            },
            MAX_TOKENS => match profile.max_tokens {
                Some(n) => check_max_tokens(n, model),
                None => None,
            },
            ANTHROPIC => match &profile.anthropic_version {
                Some(v) => check_anthropic_version(text(v), model),
                None => None,
            },
            RESPONSE_FORMAT => match (&profile.response_format, views.schema) {
                (Some(f), Some(schema)) => check_response_format(f, schema),
                _ => None,
            },
            DEFAULTS_TEMPERATURE => check_sampling_policy(profile, model, Key::Temperature),
            DEFAULTS_TOP_P => check_sampling_policy(profile, model, Key::TopP),
            DEFAULTS_TOP_K => check_sampling_policy(profile, model, Key::TopK),
            REASONING => match &profile.reasoning {
                Some(r) => check_reasoning(r, profile, model),
                None => None,
            },
            THINKING_TEMPERATURE => check_reasoning_sampling(profile, model, Key::Temperature),
            THINKING_TOP_P => check_reasoning_sampling(profile, model, Key::TopP),
            THINKING_TOP_K => check_reasoning_sampling(profile, model, Key::TopK),
            THINKING_MAX_TOKENS => check_reasoning_sampling(profile, model, Key::MaxTokens),
            GUARDRAIL => match &profile.guardrail {
                Some(g) => check_guardrail(g, surface),
                None => None,
            },
            STOP_COUNT => check_stop_sequence_count(stops.len(), model, surface),
            TAG_COUNT => check_tag_count(tags.len()),
            // The source of the deployed resource is the profile's own model, whatever a prompt or agent sends.
            TAGS_SOURCE => match (tags.is_empty(), &profile.model) {
                (false, Some(m)) => check_deployable(m),
                _ => None,
            },
            item if item < tag_items => check_stop_sequence(stops, item - STOP_ITEMS),
            item => check_tag(tags, item - tag_items),
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

/// Every violation of `profile` when sent to `surface` (with its model's limits, if it names a model).
pub fn check(profile: &InferenceProfile, surface: Surface) -> Vec<Violation<'_>> {
    check_for(profile, surface, None)
}

/// Every violation of `profile` when deployed as an application inference profile (bedrock
/// `CreateInferenceProfile`, CloudFormation `AWS::Bedrock::ApplicationInferenceProfile`), whether or not it declares
/// tags: the Converse rules, and the resource's pattern for `description` first (which [`check`] applies only to a
/// profile with tags, the ones meant to be deployed).
pub fn check_deployed(profile: &InferenceProfile) -> Vec<Violation<'_>> {
    let mut found = check(profile, Surface::Converse);
    let pattern = profile
        .description()
        .filter(|_| profile.tags.is_empty())
        .and_then(super::check_description_pattern);
    if let Some(v) = pattern {
        found.insert(0, v);
    }
    found
}

/// Every violation of `profile` when sent to `surface` with `model` instead of the profile's own model (when
/// `model` is `Some`).
pub(crate) fn check_for<'a>(
    profile: &'a InferenceProfile,
    surface: Surface,
    model: Option<&'a ModelRef>,
) -> Vec<Violation<'a>> {
    let mut cursor = Cursor::START;
    let mut found = Vec::new();
    let views = Views::of(profile);
    while let Some(v) = next_violation_for(profile, surface, model, views, &mut cursor) {
        found.push(v);
    }
    found
}

/// Fails `const` evaluation with every violation's message when `profile` breaks a rule for `surface`, checked
/// with `model` in place of the profile's own model when `model` is `Some` (a prompt or an agent names the model
/// that is sent).
///
/// The macros emit `const _: () = assert_valid(PROFILE, Surface::..., None, "profile `PROFILE`");` for what they
/// cannot see at expansion time; rustc then reports `evaluation panicked: <what>: <messages>`. The profile is taken
/// by value and forgotten: `const` evaluation cannot run `Drop`, and a profile built by a `const fn` counts as
/// needing it.
pub const fn assert_valid(
    profile: InferenceProfile,
    surface: Surface,
    model: Option<&ModelRef>,
    what: &str,
) {
    fail_on_violations(&profile, surface, model, what);
    core::mem::forget(profile);
}

/// [`assert_valid`] that returns the profile: the initializer of a profile that only its impl can name (`..Self::BASE`
/// inside an `impl` block, where no `const _` assertion can stand). Such a profile is checked where it is used, and
/// cannot be the `..BASE` of another (rustc counts a `const fn`'s result as needing `Drop`).
#[doc(hidden)]
#[track_caller]
pub const fn checked(
    profile: InferenceProfile,
    surface: Surface,
    model: Option<&ModelRef>,
    what: &str,
) -> InferenceProfile {
    fail_on_violations(&profile, surface, model, what);
    profile
}

/// The key of the one tag of [`REPORTED`]. It starts with a NUL character, which no tag key may hold (keys match
/// `[a-zA-Z0-9\s._:/=+@-]`): a profile that carries it breaks the tag rules, so no valid profile is ever taken for a
/// stub, and no declaration writes it by accident (a tag key written as a literal is checked by the macro itself).
const REPORTED_KEY: &str =
    "\0bedrock-profiles: this profile's error is reported where it is declared";

/// The marker tags of [`REPORTED`].
const REPORTED_TAGS: &[StaticTag] = &[(REPORTED_KEY, "")];

/// The const the macros emit, beside the compile error, in place of a profile with an error (and of a profile
/// derived in the same invocation from one): every setting unset, and one tag that marks it. [`assert_valid`] and
/// [`checked`] pass a profile that carries the mark, so that the prompts, agents and derived profiles that use a
/// broken profile add no errors about the stand-in to the one already reported.
///
/// A derived profile keeps the mark: its tags begin with its base's ([`crate::tags`]), and `tags: None` over a
/// marked base writes [`cleared_tags`]. What it adds over a broken base is checked once that base is fixed.
#[doc(hidden)]
pub const REPORTED: InferenceProfile = InferenceProfile {
    tags: Tags::Static(REPORTED_TAGS),
    ..InferenceProfile::EMPTY
};

/// Whether `profile` is [`REPORTED`] or derived from it: its first tag is the mark. Only the `const` assertions
/// ask; the rules themselves ([`check`]) report the mark as an invalid tag key.
pub(crate) const fn is_reported(profile: &InferenceProfile) -> bool {
    match profile.tags.get(0) {
        Some((key, _)) => str_eq(key, REPORTED_KEY),
        None => false,
    }
}

/// The tags of a profile that writes `tags: None` over `base` in another invocation: none, or the mark of
/// [`REPORTED`] when `base` carries it, so that the derived profile still counts as reported.
#[doc(hidden)]
pub const fn cleared_tags(base: &InferenceProfile) -> &'static [StaticTag] {
    if is_reported(base) {
        REPORTED_TAGS
    } else {
        &[]
    }
}

/// Fails with every violation's message, unless `profile` is [`REPORTED`] (its error is reported already).
#[track_caller]
const fn fail_on_violations(
    profile: &InferenceProfile,
    surface: Surface,
    model: Option<&ModelRef>,
    what: &str,
) {
    if is_reported(profile) {
        return;
    }
    let mut cursor = Cursor::START;
    let mut message = Message::new();
    let mut count = 0;
    let views = Views::of_static(profile);
    while let Some(v) = next_violation_for(profile, surface, model, views, &mut cursor) {
        if count == 0 {
            message.push_str(what);
            message.push_str(": ");
        } else {
            message.push_str("; ");
        }
        v.write_message(&mut message);
        count += 1;
    }
    if count > 0 {
        fail(&message);
    }
}

/// `#[track_caller]` makes rustc's E0080 note point at the call in [`assert_valid`] rather than into `core`
/// (whose path depends on the toolchain's installed components), so compile-fail snapshots stay stable.
#[track_caller]
const fn fail(message: &Message) -> ! {
    panic!("{}", message.as_str())
}

#[cfg(test)]
mod tests {
    use super::{REPORTED, REPORTED_TAGS, assert_valid, check, checked, cleared_tags, is_reported};
    use crate::const_tags::{merge, merged_len, static_tags};
    use crate::profile::InferenceProfile;
    use crate::rules::Surface;
    use crate::tags::Tags;
    use std::borrow::Cow;

    // `const` evaluation passes the stub, and a profile derived from it (its tags layered over the stub's), though
    // over the stub's unset values the derived profile breaks a rule (`budget_tokens` needs `max_tokens`).
    const _: () = assert_valid(REPORTED, Surface::PromptManagement, None, "stub");
    const OWN: &[crate::tags::StaticTag] = &[("team", "search")];
    const DERIVED: InferenceProfile = InferenceProfile {
        name: Cow::Borrowed("derived"),
        reasoning: Some(crate::ReasoningConfig {
            budget_tokens: Some(2000),
            ..crate::ReasoningConfig::EMPTY
        }),
        tags: Tags::Static(&merge::<{ merged_len(OWN, static_tags(&REPORTED)) }>(
            OWN,
            static_tags(&REPORTED),
        )),
        ..REPORTED
    };
    const _: InferenceProfile = checked(DERIVED, Surface::Converse, None, "derived");

    #[test]
    fn the_stub_is_never_a_valid_profile() {
        // The mark is a tag key no rule accepts: a profile that carries it fails at run time, so the `const`
        // assertions skip no profile that would pass.
        assert!(!check(&REPORTED, Surface::Converse).is_empty());
        assert!(is_reported(&REPORTED));
        assert!(is_reported(&DERIVED));
        assert!(!check(&DERIVED, Surface::Converse).is_empty());
    }

    #[test]
    fn only_the_mark_makes_a_profile_reported() {
        assert!(!is_reported(&InferenceProfile::EMPTY));
        let tagged = InferenceProfile {
            tags: Tags::Static(&[("team", "search"), ("env", "")]),
            ..InferenceProfile::EMPTY
        };
        assert!(!is_reported(&tagged));
        // The same text as an owned key marks too (the check reads text, not pointers), and still breaks the rules.
        let owned = InferenceProfile {
            tags: Tags::Owned(vec![(REPORTED_TAGS[0].0.to_owned(), String::new())]),
            ..InferenceProfile::EMPTY
        };
        assert!(is_reported(&owned));
        assert!(!check(&owned, Surface::Converse).is_empty());
    }

    #[test]
    fn clearing_the_tags_of_a_stub_keeps_the_mark() {
        assert_eq!(cleared_tags(&REPORTED), REPORTED_TAGS);
        assert!(cleared_tags(&InferenceProfile::EMPTY).is_empty());
        let tagged = InferenceProfile {
            tags: Tags::Static(&[("team", "search")]),
            ..InferenceProfile::EMPTY
        };
        assert!(cleared_tags(&tagged).is_empty());
    }
}
