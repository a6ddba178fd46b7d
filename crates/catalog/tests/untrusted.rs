//! Every input the guide takes from outside, fuzzed with proptest: the
//! URL fragment (any text, any bytes, deflate bombs), the profile reader
//! (any JSON, any text), the rule parser (any string: policy staff write
//! rules), and the engine on any profile that reads. No panic, no hang,
//! bounded memory; what is written reads back the same.
//!
//! The test command runs each property 300 to 1,000 times. A long run:
//! `PROPTEST_CASES=200000 cargo test --release -p guide-catalog --test untrusted`.

use guide_catalog::load;
use guide_core::catalog::Catalog;
use guide_core::engine::rule::Rule;
use guide_core::engine::Evaluation;
use guide_core::profile::facts::{Kind, Scope, FACTS};
use guide_core::profile::{share, Profile};
use guide_core::text::Lang;
use proptest::prelude::*;

/// `cases` runs, or as many as `PROPTEST_CASES` asks for a long run.
fn runs(cases: u32) -> ProptestConfig {
    ProptestConfig::with_cases(std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(cases))
}

fn catalog() -> &'static Catalog {
    static CATALOG: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
    CATALOG.get_or_init(|| load().expect("the catalog reads"))
}

/// Any JSON value for a fact: right kind or wrong, in range or not.
fn fact_value() -> impl Strategy<Value = serde_json::Value> {
    prop_oneof![
        Just(serde_json::Value::Null),
        Just(serde_json::json!("unknown")),
        any::<bool>().prop_map(serde_json::Value::from),
        (-5i64..130).prop_map(serde_json::Value::from),
        prop::sample::select(FACTS.iter().flat_map(|f| match f.kind {
            Kind::Enum { values, .. } | Kind::Set { values, .. } => values.to_vec(),
            _ => vec![],
        }).collect::<Vec<_>>()).prop_map(serde_json::Value::from),
        prop::collection::vec(prop::sample::select(vec!["hypertension", "diabetes", "other", "x"]), 0..3).prop_map(|v| serde_json::json!(v)),
        (1i64..6, any::<bool>()).prop_map(|(g, b)| serde_json::json!({"grade": g, "kind": "physical", "disabled": b, "entitled": b})),
    ]
}

fn row(scope: Scope) -> impl Strategy<Value = serde_json::Map<String, serde_json::Value>> {
    let keys: Vec<&str> = FACTS.iter().filter(|f| f.scope == scope && f.parent.is_none()).map(|f| f.key).collect();
    prop::collection::vec((prop::sample::select(keys), fact_value()), 0..20).prop_map(|kv| kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}

proptest! {
    #![proptest_config(runs(300))]
    #[test]
    fn engine_never_panics_on_a_profile_that_parses(household in row(Scope::Household), members in prop::collection::vec(row(Scope::Member), 0..14)) {
        let json = serde_json::json!({"v": 1, "household": household, "members": members}).to_string();
        let c = catalog();
        if let Ok(parsed) = Profile::from_json(&json) {
            let e = Evaluation::new(c, &parsed.profile);
            for o in &e.outcomes {
                e.reasons(c, o, Lang::Zh);
                e.reasons(c, o, Lang::En);
            }
            e.next_questions(c, &|_| true, &|_, _| false);
            // What the app writes it can read back, unchanged.
            let again = Profile::from_json(&parsed.profile.to_json()).unwrap();
            prop_assert!(again.issues.is_empty());
            prop_assert_eq!(again.profile, parsed.profile);
        }
    }
}


/// Any JSON at all, nested a few levels.
fn any_json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(serde_json::Value::Null, serde_json::Value::Number)),
        ".{0,12}".prop_map(serde_json::Value::from),
        prop::sample::select(FACTS.iter().map(|f| f.key).collect::<Vec<_>>()).prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(serde_json::Value::from),
            prop::collection::btree_map(prop_oneof![".{0,8}".boxed(), Just("members".to_string()).boxed(), Just("household".to_string()).boxed(), Just("v".to_string()).boxed()], inner, 0..8)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Text made of a rule's own words, so the parser is pushed past its lexer.
fn rule_words() -> impl Strategy<Value = String> {
    let words: Vec<String> = ["and", "or", "not", "(", ")", "[", "]", ",", "someone", "in", "true", "false", "==", "!=", "<", "<=", ">", ">=", "0", "18", "120", "-1", "99999999999999999999"]
        .iter()
        .map(|w| w.to_string())
        .chain(FACTS.iter().map(|f| f.key.to_string()))
        .chain(FACTS.iter().flat_map(|f| match f.kind {
            Kind::Enum { values, .. } | Kind::Set { values, .. } => values.iter().map(|v| v.to_string()).collect(),
            _ => vec![],
        }))
        .collect();
    prop::collection::vec(prop::sample::select(words), 0..40).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(runs(1000))]

    #[test]
    fn the_fragment_reader_takes_any_text(text in ".{0,300}", prefix in prop::sample::select(vec!["", "#", "p=", "#p=", "z=", "#z=", "p=eyJ"])) {
        let _ = share::decode_fragment(&format!("{prefix}{text}"));
    }

    #[test]
    fn the_fragment_reader_takes_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600), z in any::<bool>()) {
        use base64::Engine;
        let data = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&bytes);
        let _ = share::decode_fragment(&format!("{}={data}", if z { "z" } else { "p" }));
    }

    #[test]
    fn the_profile_reader_takes_any_json(value in any_json(), text in ".{0,200}") {
        let _ = Profile::from_value(&value);
        let _ = Profile::from_json(&value.to_string());
        let _ = Profile::from_json(&text);
    }

    #[test]
    fn the_rule_parser_takes_any_string(text in ".{0,120}", words in rule_words(), per_person in any::<bool>()) {
        let scope = if per_person { Scope::Member } else { Scope::Household };
        let _ = Rule::parse(&text, scope);
        let _ = Rule::parse(&words, scope);
    }
}

proptest! {
    #![proptest_config(runs(300))]

    #[test]
    fn a_profile_travels_in_a_link_unchanged(household in row(Scope::Household), members in prop::collection::vec(row(Scope::Member), 0..13)) {
        let json = serde_json::json!({"v": 1, "household": household, "members": members}).to_string();
        if let Ok(parsed) = Profile::from_json(&json) {
            let link = share::encode_p(&parsed.profile);
            let back = share::decode_fragment(&link).expect("a link with a profile").expect("it reads");
            prop_assert!(back.issues.is_empty());
            prop_assert_eq!(back.profile, parsed.profile);
        }
    }
}

#[test]
fn a_deflate_bomb_is_refused_without_inflating_it() {
    use base64::Engine;
    // 50 MB of zeros deflate to about 50 KB; the reader stops at 64 KB.
    let bomb = miniz_oxide::deflate::compress_to_vec(&vec![b' '; 50 << 20], 10);
    let link = format!("z={}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bomb));
    assert!(matches!(share::decode_fragment(&link), Some(Err(_))));
}

#[test]
fn a_rule_nested_beyond_reason_is_an_error_not_a_crash() {
    for deep in ["(".repeat(100_000), "not ".repeat(100_000), format!("{}true{}", "(".repeat(40), ")".repeat(40))] {
        let err = Rule::parse(&deep, Scope::Member).unwrap_err();
        assert!(err.message.contains("nested too deeply") || err.message.contains("ends too early"), "{err}");
    }
    assert!(Rule::parse(&format!("{}true{}", "(".repeat(20), ")".repeat(20)), Scope::Member).is_ok(), "as deep as a person writes");
}
