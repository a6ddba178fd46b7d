use super::*;
use facts::{find, group_of, GROUPS};

fn parse(json: &str) -> Parsed {
    Profile::from_json(json).expect("parses")
}

#[test]
fn empty_profile_is_valid() {
    let p = parse(r#"{"v":1}"#);
    assert!(p.issues.is_empty());
    assert!(p.profile.members.is_empty());
}

#[test]
fn contract_example_round_trips() {
    let json = r#"{"v":1,"household":{"area":"rural","support_status":"dibao","housing":"adequate"},
      "members":[{"role":"self","age":41,"sex":"female","hukou":"local_rural","work":"flexible"},
                 {"role":"child","age":9,"education":"primary","hukou":"local_rural"},
                 {"role":"parent","age":76,"self_care":"partial","pension_insurance":"resident",
                  "disability":{"grade":2,"kind":"physical"},"veteran":false,"chronic":["hypertension"]}]}"#;
    let p = parse(json);
    assert!(p.issues.is_empty(), "{:?}", p.issues);
    let again = parse(&p.profile.to_json());
    assert_eq!(again.profile, p.profile);
    assert_eq!(p.profile.to_value(), serde_json::from_str::<serde_json::Value>(json).unwrap());
}

#[test]
fn unknown_is_absent_null_or_the_word() {
    let p = parse(r#"{"v":1,"household":{"area":null,"housing":"unknown"},"members":[{"age":"unknown"}]}"#);
    assert!(p.issues.is_empty());
    assert_eq!(p.profile, { let mut e = Profile::default(); e.members.push(blank_row()); e });
}

#[test]
fn bad_fields_are_dropped_one_by_one_and_named() {
    let p = parse(r#"{"v":1,"household":{"area":"moon","tenure":"rent"},
        "members":[{"age":500,"sex":"female"},{"age":-1},{"disability":{"grade":9}}]}"#);
    let paths: Vec<_> = p.issues.iter().map(|i| i.path.as_str()).collect();
    assert_eq!(paths, ["household.area", "members[0].age", "members[1].age", "members[2].disability.grade"]);
    assert!(p.issues[1].message.zh.contains("第 1 位家庭成员的“年龄”"), "{}", p.issues[1].message.zh);
    let tenure = facts::find("tenure").unwrap();
    assert_eq!(p.profile.get(tenure, None), sym(tenure, "rent").unwrap());
    let sex = facts::find("sex").unwrap();
    assert_eq!(p.profile.get(sex, Some(0)), sym(sex, "female").unwrap());
}

#[test]
fn fatal_only_when_nothing_is_usable() {
    for bad in ["", "[1]", "{\"v\":2}", "{}", "{\"v\":\"1\"}", "not json"] {
        assert!(Profile::from_json(bad).is_err(), "{bad}");
    }
}

#[test]
fn thirteen_members_keep_twelve() {
    let members = [r#"{"age":30}"#; 13].join(",");
    let p = parse(&format!(r#"{{"v":1,"members":[{members}]}}"#));
    assert_eq!(p.profile.members.len(), MAX_MEMBERS);
    assert_eq!(p.issues[0].path, "members");
}

#[test]
fn clearing_a_parent_clears_its_children() {
    let mut p = parse(r#"{"v":1,"members":[{"disability":{"grade":1}}]}"#).profile;
    let (d, g) = (facts::find("disability").unwrap(), facts::find("disability.grade").unwrap());
    assert_eq!(p.get(g, Some(0)), Val::Int(1));
    p.set(d, Some(0), Val::Bool(false));
    assert_eq!(p.get(g, Some(0)), Val::Unknown);
    assert_eq!(p.to_value(), serde_json::json!({"v":1,"members":[{"disability":false}]}));
}

mod fragments {
    use super::super::share::*;
    use super::*;

    #[test]
    fn p_and_z_forms_round_trip() {
        let p = parse(r#"{"v":1,"household":{"area":"urban"},"members":[{"role":"self","age":70}]}"#).profile;
        let deflated = miniz_oxide::deflate::compress_to_vec(p.to_json().as_bytes(), 9);
        let z = format!("z={}", base64::Engine::encode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, deflated));
        for frag in [encode_p(&p), z, encode_c(&p)] {
            let back = decode_fragment(&format!("#{frag}")).unwrap().unwrap();
            assert_eq!(back.profile, p, "{frag}");
        }
    }

    fn example() -> Profile {
        parse(r#"{"v":1,"household":{"area":"rural","region":"linzhou"},"members":[{"role":"parent","age":0,"disability":{"grade":1},"chronic":["diabetes","other"]},{},{"age":120}]}"#).profile
    }

    #[test]
    fn c_form_is_digits_of_a_fixed_width() {
        let p = example();
        let c = encode_c(&p);
        assert_eq!(c.len(), "c=1".len() + 12 + 3 * 38, "{c}");
        assert!(c[2..].bytes().all(|b| b.is_ascii_digit()));
        let back = decode_fragment(&c).unwrap().unwrap();
        assert!(back.issues.is_empty(), "{:?}", back.issues);
        assert_eq!(back.profile, p);
    }

    #[test]
    fn c_form_drops_a_bad_digit_and_refuses_a_bad_length_or_version() {
        let c = encode_c(&example());
        // The first member's age (after 12 household digits and a 1-digit role) set to 999.
        let aged = format!("{}999{}", &c[..3 + 12 + 1], &c[3 + 12 + 1 + 3..]);
        let back = decode_fragment(&aged).unwrap().unwrap();
        assert_eq!(back.issues.len(), 1, "{:?}", back.issues);
        assert!(back.issues[0].message.zh.contains("第 1 位家庭成员的“年龄”"), "{}", back.issues[0].message.zh);
        assert_eq!(back.profile.members[0][facts::AGE], Val::Unknown);
        for bad in [&c[..c.len() - 1], "c=2", "c=1x", "c=", "c=11"] {
            assert!(decode_fragment(bad).unwrap().is_err(), "{bad}");
        }
    }

    #[test]
    fn p_form_is_plain_base64url_json() {
        // {"v":1} in base64url without padding.
        let back = decode_fragment("p=eyJ2IjoxfQ").unwrap().unwrap();
        assert_eq!(back.profile, Profile::default());
    }

    #[test]
    fn damaged_fragments_are_errors_not_panics() {
        for frag in ["p=%%%", "p=bm90IGpzb24", "z=AAAA", "z=", "p="] {
            assert!(decode_fragment(frag).unwrap().is_err(), "{frag}");
        }
        assert!(decode_fragment("#/results").is_none());
    }
}

// ---- the facts table (facts.rs) ----

#[test]
fn keys_are_unique_so_rules_need_no_scope_prefix() {
    for (i, f) in FACTS.iter().enumerate() {
        assert_eq!(find(f.key), Some(i), "duplicate key {}", f.key);
    }
}

#[test]
fn enum_labels_match_values() {
    for f in FACTS {
        if let Kind::Enum { values, labels } | Kind::Set { values, labels } = f.kind {
            assert_eq!(values.len(), labels.len(), "{}", f.key);
        }
    }
}

#[test]
fn groups_hold_yes_no_facts_of_one_scope() {
    for g in GROUPS {
        let ids: Vec<FactId> = g.facts.iter().map(|k| find(k).unwrap_or_else(|| panic!("{k}"))).collect();
        assert!(ids.iter().all(|&i| matches!(FACTS[i].kind, Kind::Bool) && FACTS[i].scope == FACTS[ids[0]].scope));
        assert!(ids.iter().all(|&i| group_of(i).is_some_and(|h| std::ptr::eq(h, g))), "a fact is in one group");
    }
}

#[test]
fn member_questions_name_the_person() {
    for f in FACTS.iter().filter(|f| f.scope == Scope::Member && f.key != "role") {
        assert!(f.question.zh.contains("{who}") && f.question.en.contains("{who}"), "{}", f.key);
    }
}
