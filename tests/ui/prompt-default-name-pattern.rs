use bedrock_profiles::prompt;

#[prompt(text = "Hello {{customer}}")]
#[allow(non_camel_case_types)]
struct My__Greeting {
    customer: String,
}

fn main() {}
