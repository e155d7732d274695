// `crate = ` takes the path of the facade as a re-exporting crate names it: anything else is an error at the value.
use bedrock_profiles::{agent, inference_profile, prompt};

inference_profile! {
    crate = "bedrock_profiles";
    pub FAST { temperature: 0.5 }
}

#[prompt(crate = my_sdk::bp<T>, text = "Hello {{name}}")]
pub struct Greeting<'a> {
    pub name: &'a str,
}

#[agent(
    crate = my_sdk::bp::,
    instruction = "You are a helpful assistant. Answer questions about orders politely.",
    model = "anthropic.claude-3-5-haiku-20241022-v1:0",
)]
pub struct Support;

fn main() {}
