// The template says `{{costumer_name}}` (tests/ui/files/misspelled-variable.toml): the struct's field is
// `costumer_name`, and the struct literal that fills `customer_name` is the error.
mod declared {
    bedrock_profiles::include_profiles!("misspelled-variable.toml");
}

use bedrock_profiles::Prompt;

fn main() {
    let reply = declared::SupportReply {
        customer_name: "Ada",
        ticket: "#42",
    };
    let _ = reply.render();
}
