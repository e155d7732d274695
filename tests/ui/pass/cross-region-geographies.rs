//! Cross-region ids that maintained tables list: GovCloud (`us-gov.`, with `aws-us-gov` ARNs), India (`in.`) and
//! geographies the hand-kept catalog used to refuse. None warns: warnings are denied.
#![deny(deprecated)]

use bedrock_profiles::inference_profile;

inference_profile! {
    pub GOV { model: "us-gov.anthropic.claude-sonnet-5", max_tokens: 4096 }
    pub GOV_ARN {
        model: "arn:aws-us-gov:bedrock:us-gov-west-1:123456789012:inference-profile/us-gov.anthropic.claude-opus-4-8",
    }
    pub GOV_OPEN_WEIGHT { model: "us-gov.openai.gpt-oss-120b-1:0", max_tokens: 16384 }
    pub INDIA { model: "in.moonshotai.kimi-k3" }
    pub SONNET_5_5_EU { model: "eu.anthropic.claude-sonnet-5-5" }
    pub OPUS_4_8_APAC { model: "apac.anthropic.claude-opus-4-8" }
    pub NOVA_2_LITE_EU { model: "eu.amazon.nova-2-lite-v1:0", max_tokens: 65000 }
    pub GPT_6_1 { model: "global.openai.gpt-6.1-sol", max_tokens: 131072 }
}

fn main() {
    assert_eq!(GOV.model.as_ref().unwrap().id(), "us-gov.anthropic.claude-sonnet-5");
    assert_eq!(INDIA.model.as_ref().unwrap().limits().unwrap().max_output_tokens, 131072);
    let _ = (GOV_ARN, GOV_OPEN_WEIGHT, SONNET_5_5_EU, OPUS_4_8_APAC, NOVA_2_LITE_EU, GPT_6_1);
}
