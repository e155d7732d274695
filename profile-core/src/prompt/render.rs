//! [`Prompt`], what `#[prompt]` implements: a `const` [`PromptSpec`] and the generated `write_part`, the one
//! rendering path of a template; everything else (`render`, `render_part`, the variants) is the trait's, over it.

use super::PromptSpec;

/// Which template of a variant to render.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    /// The template text (the user message of a chat prompt).
    Text,
    /// The system prompt of a chat prompt.
    System,
}

/// A `fmt::Write` that only counts the bytes written: the first pass of [`Prompt::render_part`].
struct Length(usize);

impl core::fmt::Write for Length {
    #[inline]
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        self.0 += s.len();
        Ok(())
    }
}

/// A prompt whose placeholders are the fields of a struct. Implemented by `#[prompt]`, which generates the
/// rendering from the template parsed at compile time; values are inserted as they are and never scanned again.
pub trait Prompt {
    /// The prompt's name, description and variants.
    const SPEC: PromptSpec<'static>;

    /// Writes `part` of variant number `variant` (0: the default) into `out`. Writes nothing for a variant that
    /// does not exist or a part it does not have.
    fn write_part<W: core::fmt::Write + ?Sized>(
        &self,
        variant: usize,
        part: Part,
        out: &mut W,
    ) -> core::fmt::Result;

    /// `part` of variant number `variant` in a new string; `None` for a variant that does not exist or a part it
    /// does not have.
    ///
    /// One allocation of the exact size: a first pass of [`Self::write_part`] only adds up the lengths (text is
    /// not copied), the second writes into the string. `#[prompt]` generates `write_part` alone, so each template
    /// has one rendering path (less generated code for rustc to check).
    fn render_part(&self, variant: usize, part: Part) -> Option<String> {
        let v = Self::SPEC.variants.get(variant)?;
        if part == Part::System && v.system.is_none() {
            return None;
        }
        let mut length = Length(0);
        // Neither writer fails; a `Display` impl that does is left to show in `write_part`.
        self.write_part(variant, part, &mut length).ok()?;
        let mut out = String::with_capacity(length.0);
        self.write_part(variant, part, &mut out).ok()?;
        Some(out)
    }

    /// The default variant's text.
    #[inline]
    fn render(&self) -> String {
        self.render_part(0, Part::Text).unwrap_or_default()
    }

    /// Writes the default variant's text into `out`.
    #[inline]
    fn write<W: core::fmt::Write + ?Sized>(&self, out: &mut W) -> core::fmt::Result {
        self.write_part(0, Part::Text, out)
    }

    /// The default variant's system prompt, if it is a chat prompt.
    fn render_system(&self) -> Option<String> {
        self.render_part(0, Part::System)
    }

    /// The text of the variant called `name`; `None` if there is none.
    fn render_variant(&self, name: &str) -> Option<String> {
        self.render_part(Self::SPEC.variant_index(name)?, Part::Text)
    }

    /// The system prompt of the variant called `name`; `None` if there is no such variant or it has none.
    fn render_variant_system(&self, name: &str) -> Option<String> {
        self.render_part(Self::SPEC.variant_index(name)?, Part::System)
    }

    /// Writes the text of the variant called `name` into `out`; `None` if there is no such variant.
    fn write_variant<W: core::fmt::Write + ?Sized>(
        &self,
        name: &str,
        out: &mut W,
    ) -> Option<core::fmt::Result> {
        let index = Self::SPEC.variant_index(name)?;
        Some(self.write_part(index, Part::Text, out))
    }
}
