//! `#[prompt]` rendering against what a user would write by hand (`format!`) and a runtime template engine
//! (minijinja), for one 6-variable, ~200-character template. All three produce the same text.
//!
//! Run with `cargo bench --bench render`; the README records the numbers and ratios.

use bedrock_profiles::{Prompt, prompt};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

#[prompt(
    text = "Hello {{customer}}, thank you for contacting {{product}} support about order #{{order_id}}. \
            We understand the issue: {{issue}}. {{agent}} from our team will get back to you within {{hours}} hours."
)]
struct Reply<'a> {
    customer: &'a str,
    product: String,
    order_id: u64,
    issue: &'a str,
    agent: String,
    hours: u32,
}

const JINJA: &str = "Hello {{customer}}, thank you for contacting {{product}} support about order #{{order_id}}. \
                     We understand the issue: {{issue}}. {{agent}} from our team will get back to you within {{hours}} hours.";

fn reply() -> Reply<'static> {
    Reply {
        customer: "Ada Lovelace",
        product: "Analytical Engine".to_owned(),
        order_id: 184_312_907,
        issue: "the mill stops after the third card",
        agent: "Charles".to_owned(),
        hours: 24,
    }
}

fn by_hand(r: &Reply) -> String {
    format!(
        "Hello {}, thank you for contacting {} support about order #{}. We understand the issue: {}. {} from our team \
         will get back to you within {} hours.",
        r.customer, r.product, r.order_id, r.issue, r.agent, r.hours
    )
}

fn bench(c: &mut Criterion) {
    let r = reply();
    let mut env = minijinja::Environment::new();
    env.add_template("reply", JINJA)
        .expect("the template parses");
    let template = env.get_template("reply").expect("the template exists");
    let jinja = |r: &Reply| {
        template
            .render(minijinja::context! {
                customer => r.customer,
                product => &r.product,
                order_id => r.order_id,
                issue => r.issue,
                agent => &r.agent,
                hours => r.hours,
            })
            .expect("the template renders")
    };
    // Same text from all three, or the comparison means nothing.
    let expected = r.render();
    assert_eq!(by_hand(&r), expected);
    assert_eq!(jinja(&r), expected);
    assert!((180..=260).contains(&expected.len()), "{}", expected.len());

    let mut group = c.benchmark_group("render");
    group.bench_function("prompt_render", |b| {
        b.iter(|| black_box(black_box(&r).render()))
    });
    group.bench_function("format", |b| b.iter(|| black_box(by_hand(black_box(&r)))));
    group.bench_function("minijinja", |b| b.iter(|| black_box(jinja(black_box(&r)))));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
