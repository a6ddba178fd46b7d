//! The catalog as a whole: it reads and passes its checks, every household
//! case in cases/, and the engine on arbitrary profiles.

use guide_catalog::{cases, load};
use guide_core::catalog::Catalog;
use guide_core::engine::rule::Rule;
use guide_core::profile::facts::{Scope, FACTS};

/// The catalog, read and checked once: every rule, reference, text and quote.
fn catalog() -> &'static Catalog {
    static CATALOG: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
    CATALOG.get_or_init(|| load().unwrap_or_else(|problems| panic!("\n{}", problems.join("\n"))))
}

#[test]
fn every_service_has_a_household_that_gets_it_and_one_that_does_not() {
    let problems = cases::check_witnesses(catalog(), &cases::all().unwrap());
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn household_cases() {
    let c = catalog();
    let all = cases::all().unwrap();
    let failures: Vec<String> = all.iter().flat_map(|case| case.run(c)).collect();
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    // At least one case names each service in its expectations.
    let unnamed: Vec<&str> = c
        .services
        .iter()
        .map(|s| s.id.as_str())
        .filter(|id| !all.iter().any(|case| case.expect.keys().any(|k| k.split('@').next() == Some(*id))))
        .collect();
    assert!(unnamed.is_empty(), "services no case expects anything of: {unnamed:?}");
}

#[test]
fn the_plan_copy_is_the_shared_original() {
    // The repo keeps its own copy so a clone works alone; when the shared
    // original is beside it, they must be the same text.
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/plan/anyang-14th-fyp-public-services-plan.txt");
    if let Ok(original) = std::fs::read_to_string(shared) {
        assert_eq!(Some(original.as_str()), guide_catalog::document_text("anyang-14th-fyp-public-services-plan.txt"));
    }
}

#[test]
fn ask_when_rules_parse() {
    for f in FACTS {
        if let Some(w) = f.ask_when {
            Rule::parse(w.rule, Scope::Member).unwrap_or_else(|e| panic!("{}: {e}", f.key));
        }
    }
}

#[test]
fn a_misspelt_catalog_key_is_an_error_naming_it() {
    let json = r#"{"document":[],"category":[{"id":"c","title":{"zh":"z","en":"e"},"icon":"i","colour":"red","file":"f.toml"}]}"#;
    let err = Catalog::from_json(json, true).unwrap_err();
    assert!(err.iter().any(|p| p.message.contains("unknown key `colour`") && p.id == "c" && p.file == "f.toml"), "{err:?}");
    let json = r#"{"service":[{"id":"x","per":"everyone"}]}"#;
    assert!(Catalog::from_json(json, true).unwrap_err().iter().any(|p| p.key == "per"));
}

#[test]
fn texts_can_arrive_separately() {
    let full = catalog();
    let s = &full.services[0];
    let skeleton = r#"{"document":[{"id":"plan","title":{"zh":"规划","en":"plan"},"number":"n","issued":"i","published":"p","period":"p","text":"plan.txt"}],"service":[{"id":"x","category":"c","per":"person","rule":"true","department":"d"}]}"#;
    let texts = format!(
        r#"{{"x":{{"title":{{"zh":"{}","en":"t"}},"summary":{{"zh":"s","en":"s"}},"gets":{{"zh":"g","en":"g"}},"apply":{{"zh":"a","en":"a"}},"source":{{"chapter":"c","section":"s","quote":"q"}}}}}}"#,
        s.title.zh
    );
    let bare = Catalog::from_json(skeleton, false).unwrap();
    assert_eq!(bare.services[0].title.zh, "");
    let filled = bare.with_texts(&texts).unwrap();
    assert_eq!(filled.services[0].title.zh, s.title.zh);
    assert!(bare.with_texts("{}").unwrap_err()[0].message.contains("no texts"));
}
