// Generated code goes through the `crate = path` it is given: a path where the facade is not is rustc's error there.
mod my_sdk {}

bedrock_profiles::inference_profile! {
    crate = my_sdk::bp;
    pub FAST { temperature: 0.5 }
}

fn main() {}
