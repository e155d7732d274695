//! Derives from another crate's profiles; prints the merged settings.

bedrock_profiles::inference_profile! {
    pub WARMER { temperature: 0.9, ..cross_crate_base::LONG_ANSWERS }
    pub NEXT_WARM { temperature: 0.9, ..cross_crate_base::NEXT }
}

fn main() {
    for p in [&WARMER, &NEXT_WARM] {
        println!(
            "{} {:?} {:?} {:?} {:?} {:?}",
            p.name(),
            p.model_id(),
            p.description(),
            p.temperature,
            p.max_tokens,
            p.stop_sequences().collect::<Vec<_>>()
        );
    }
}
