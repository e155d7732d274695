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
    /// A derived profile's tags add to and override its base's.
    pub OWN { tags: { "team": "web", "env": "prod" }, ..SEARCH }
    /// ... through every level, and the merged profile is still a base.
    pub OWN_AGAIN { name: "own-again", tags: { "cost-center": "4712", "tier": "1" }, ..OWN }
    pub OWN_COPY { version: 3, ..OWN_AGAIN }
    pub CLEARED { tags: None, ..SEARCH }
    /// A block is still an expression, not a table.
    pub EXPR { max_tokens: { let n = 100; n * 2 }, ..SEARCH }
}

const TAGS: &[(&str, &str)] = &[("team", "search")];

inference_profile! {
    pub FROM_CONST { model: "anthropic.claude-3-haiku-20240307-v1:0", tags: TAGS }
    /// Tags from a constant expression layer over the base's too; the base is another invocation's.
    pub FROM_CONST_OVER { tags: &[("env", "test")], ..OWN_AGAIN }
}

pub struct Holder;

impl Holder {
    inference_profile! {
        pub BASE { model: "anthropic.claude-3-haiku-20240307-v1:0", tags: { "team": "a" } }
        pub DERIVED { tags: { "env": "b" }, ..Self::BASE }
    }
}

fn main() {
    assert_eq!(SEARCH.tags().count(), 4);
    assert_eq!(DERIVED.tags, SEARCH.tags);
    assert_eq!(
        OWN.tags().collect::<Vec<_>>(),
        [
            ("team", "web"),
            ("cost-center", "4711"),
            ("env", "prod"),
            ("a b._:/=+@-", "x y._:/=+@-"),
        ]
    );
    let again = [
        ("team", "web"),
        ("cost-center", "4712"),
        ("env", "prod"),
        ("a b._:/=+@-", "x y._:/=+@-"),
        ("tier", "1"),
    ];
    assert_eq!(OWN_AGAIN.tags().collect::<Vec<_>>(), again);
    assert_eq!(OWN_COPY.tags, OWN_AGAIN.tags);
    assert_eq!(FROM_CONST_OVER.tags.value("env"), Some("test"));
    assert_eq!(FROM_CONST_OVER.tags.len(), again.len());
    assert_eq!(
        Holder::DERIVED.tags().collect::<Vec<_>>(),
        [("team", "a"), ("env", "b")]
    );
    assert_eq!(CLEARED.tags.len(), 0);
    assert_eq!(BASE_MODEL.tags.len(), 0);
    assert_eq!(EXPR.max_tokens, Some(200));
    assert_eq!(FROM_CONST.tags().collect::<Vec<_>>(), [("team", "search")]);
}
