use bedrock_profiles::prompt;

struct Opaque<'a>(&'a str);

#[prompt(text = "Hello {{customer}} about {{topic}}")]
struct Greeting<'a> {
    customer: Opaque<'a>,
    topic: &'a str,
}

fn main() {}
