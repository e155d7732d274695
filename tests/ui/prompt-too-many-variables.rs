use bedrock_profiles::prompt;

#[prompt(text = "{{v0}} {{v1}} {{v2}} {{v3}} {{v4}} {{v5}} {{v6}} {{v7}} {{v8}} {{v9}} {{v10}} {{v11}} {{v12}} {{v13}} {{v14}} {{v15}} {{v16}} {{v17}} {{v18}} {{v19}} {{v20}}")]
struct Many {
    v0: u8,
    v1: u8,
    v2: u8,
    v3: u8,
    v4: u8,
    v5: u8,
    v6: u8,
    v7: u8,
    v8: u8,
    v9: u8,
    v10: u8,
    v11: u8,
    v12: u8,
    v13: u8,
    v14: u8,
    v15: u8,
    v16: u8,
    v17: u8,
    v18: u8,
    v19: u8,
    v20: u8,
}

fn main() {}
