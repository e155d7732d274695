use bedrock_profiles::inference_profile;

inference_profile! {
    /// Search answers, billed to the search team.
    pub SEARCH {
        name: "search-answers",
        description: "Search answers for the web app",
        model: "us.anthropic.claude-sonnet-4-20250514-v1:0",
        max_tokens: 2000,
        tags: { "team": "search", "cost-center": "4711", env: "", "a b._:/=+@-": "x y._:/=+@-" },
    }

    pub BASE_MODEL { model: "anthropic.claude-3-haiku-20240307-v1:0", tags: {} }
    pub DERIVED { name: "search-v2", version: 2, ..SEARCH }
    pub OWN { tags: { "team": "web" }, ..SEARCH }
    pub CLEARED { tags: None, ..SEARCH }
    /// A block is still an expression, not a table.
    pub EXPR { max_tokens: { let n = 100; n * 2 }, ..SEARCH }
}

const TAGS: &[bedrock_profiles::Tag] = &[(
    std::borrow::Cow::Borrowed("team"),
    std::borrow::Cow::Borrowed("search"),
)];

inference_profile! {
    pub FROM_CONST { model: "anthropic.claude-3-haiku-20240307-v1:0", tags: TAGS }
}

fn main() {
    assert_eq!(SEARCH.tags().count(), 4);
    assert_eq!(DERIVED.tags, SEARCH.tags);
    assert_eq!(OWN.tags().collect::<Vec<_>>(), [("team", "web")]);
    assert_eq!(CLEARED.tags.len(), 0);
    assert_eq!(BASE_MODEL.tags.len(), 0);
    assert_eq!(EXPR.max_tokens, Some(200));
    assert_eq!(FROM_CONST.tags().collect::<Vec<_>>(), [("team", "search")]);
}
