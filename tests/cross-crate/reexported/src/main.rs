//! Every macro through a re-exporting crate, told where the facade is with `crate = path`; prints what they
//! generated.

use cross_crate_sdk::bp::{self, Agent, Prompt};

bp::inference_profile! {
    crate = cross_crate_sdk::bp;
    pub FAST {
        model: "anthropic.claude-3-5-haiku-20241022-v1:0",
        temperature: 0.5,
        max_tokens: 500,
        stop_sequences: ["Human:"],
    }
    pub FASTER { temperature: 0.1, tags: { team: "search" }, ..FAST }
    pub FAST_COPY { max_tokens: 100, ..self::FAST }
}

// Through the re-exporting crate's own macro: `crate = $crate::bp`.
cross_crate_sdk::profiles! {
    pub WRAPPED { temperature: 0.7, max_tokens: 200, ..FAST }
}

#[bp::prompt(crate = cross_crate_sdk::bp, text = "Hello {{name}}, you are {{age}}", profile = FAST)]
struct Greeting<'a> {
    name: &'a str,
    age: u32,
}

#[bp::agent(
    crate = cross_crate_sdk::bp,
    instruction = "You are a helpful assistant. Answer questions about orders politely.",
    model = "anthropic.claude-3-5-haiku-20241022-v1:0",
    steps(pre_processing = FAST),
    base_prompt_templates(pre_processing = "$instruction$ $question$"),
)]
struct Support;

bp::include_profiles!("bedrock.toml", crate = cross_crate_sdk::bp);

fn main() {
    for p in [&FAST, &FASTER, &FAST_COPY, &WRAPPED, &FROM_FILE] {
        println!(
            "{} {:?} {:?} {:?}",
            p.name(),
            p.temperature,
            p.max_tokens,
            p.tags().collect::<Vec<_>>()
        );
    }
    println!("{}", Greeting { name: "Ada", age: 36 }.render());
    println!("{}", Support::SPEC.name);
    println!("{}", FileGreeting { name: "Bo" }.render());
}
