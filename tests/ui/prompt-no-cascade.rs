use bedrock_profiles::prompt;

#[prompt(text = "Hello {{customr}}")]
struct Greeting<'a> {
    customer: &'a str,
}

fn main() {
    use bedrock_profiles::Prompt;
    // Only the template error above: the struct and a stub `Prompt` impl are still there.
    let text: String = Greeting { customer: "Ada" }.render();
    let _ = text;
}
