//! Whole-catalog evaluation and next-question ranking for a 4-member
//! household: `cargo bench --bench engine`. Figures go in the README.

use anyang_guide::catalog::Catalog;
use anyang_guide::engine::Evaluation;
use anyang_guide::profile::Profile;
use anyang_guide::text::Lang;
use divan::{black_box, Bencher};

fn main() {
    divan::main();
}

const FAMILY: &str = r#"{"v":1,
  "household":{"region":"wenfeng","area":"urban","support_status":"low_income","housing":"difficulty","tenure":"rent"},
  "members":[
    {"role":"self","age":38,"sex":"female","hukou":"local_urban","work":"flexible","medical_insurance":"resident"},
    {"role":"spouse","age":40,"sex":"male","work":"unemployed","unemployment_insurance":true},
    {"role":"child","age":2},
    {"role":"parent","age":72,"self_care":"partial","chronic":["hypertension"]}
  ]}"#;

fn setup() -> (Catalog, Profile) {
    (Catalog::embedded().unwrap(), Profile::from_json(FAMILY).unwrap().profile)
}

#[divan::bench]
fn evaluate_catalog(b: Bencher) {
    let (c, p) = setup();
    b.bench(|| Evaluation::new(black_box(&c), black_box(&p)).outcomes.len());
}

#[divan::bench]
fn evaluate_and_rank_next_questions(b: Bencher) {
    let (c, p) = setup();
    b.bench(|| {
        let e = Evaluation::new(black_box(&c), black_box(&p));
        e.next_questions(&c, &|_| true, &|_, _| false).len()
    });
}

#[divan::bench]
fn reasons_for_every_result_zh(b: Bencher) {
    let (c, p) = setup();
    let e = Evaluation::new(&c, &p);
    b.bench(|| e.outcomes.iter().map(|o| e.reasons(&c, o, Lang::Zh).len()).sum::<usize>());
}

#[divan::bench]
fn load_embedded_catalog(b: Bencher) {
    b.bench(|| Catalog::embedded().unwrap().services.len());
}
