//! 51 tags: over AWS's general 50 per resource, within Bedrock's 200 per request; unverified, so a warning (here
//! denied, so that the snapshot shows it), never an error.
#![deny(deprecated)]

use bedrock_profiles::inference_profile;

inference_profile! {
    pub MANY {
        model: "us.anthropic.claude-sonnet-4-6",
        tags: { "t0": "x", "t1": "x", "t2": "x", "t3": "x", "t4": "x", "t5": "x", "t6": "x", "t7": "x", "t8": "x", "t9": "x", "t10": "x", "t11": "x", "t12": "x", "t13": "x", "t14": "x", "t15": "x", "t16": "x", "t17": "x", "t18": "x", "t19": "x", "t20": "x", "t21": "x", "t22": "x", "t23": "x", "t24": "x", "t25": "x", "t26": "x", "t27": "x", "t28": "x", "t29": "x", "t30": "x", "t31": "x", "t32": "x", "t33": "x", "t34": "x", "t35": "x", "t36": "x", "t37": "x", "t38": "x", "t39": "x", "t40": "x", "t41": "x", "t42": "x", "t43": "x", "t44": "x", "t45": "x", "t46": "x", "t47": "x", "t48": "x", "t49": "x", "t50": "x" },
    }
}

fn main() {}
