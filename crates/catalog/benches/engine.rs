//! Whole-catalog evaluation and next-question ranking for a 4-member
//! household: `cargo bench --bench engine`. Its figures are written to docs/performance.md by scripts/bench.

use guide_core::catalog::Catalog;
use guide_core::engine::Evaluation;
use guide_core::profile::Profile;
use guide_core::text::Lang;
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
    (guide_catalog::load().unwrap(), Profile::from_json(FAMILY).unwrap().profile)
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

/// Reading the catalog JSON, rules and texts (the app reads the rules at
/// start and the texts once fetched).
#[divan::bench]
fn read_catalog_json(b: Bencher) {
    let json = guide_catalog::json().unwrap().to_string();
    b.bench(|| Catalog::from_json(black_box(&json), true).unwrap().services.len());
}
