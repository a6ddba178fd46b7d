//! The rule language and the engine on hand-made rules; the catalog's own
//! cases live in `crates/catalog/cases/`.

use super::eval::{eval, Tri, View};
use super::rule::{Cond, Rule, Test};
use super::*;
use crate::profile::facts::Scope;

fn profile(json: &str) -> Profile {
    let parsed = Profile::from_json(json).expect("valid");
    assert!(parsed.issues.is_empty(), "{:?}", parsed.issues);
    parsed.profile
}

fn tri(rule: &str, json: &str) -> Tri {
    let rule = Rule::parse(rule, Scope::Member).unwrap();
    eval(&rule, &View::new(&profile(json)).profile, Some(0))
}

fn one(member: &str) -> String {
    format!(r#"{{"v":1,"members":[{member}]}}"#)
}

#[test]
fn kleene_unknown_only_where_it_matters() {
    // (name, rule, member facts, expected)
    let cases = [
        ("false and unknown is false", "age < 3 and pregnant", r#"{"age":30,"sex":"male"}"#, Tri::False),
        ("true or unknown is true", "age < 3 or hukou == local_urban", r#"{"age":2}"#, Tri::True),
        ("true and unknown is unknown", "age < 3 and hukou == local_urban", r#"{"age":2}"#, Tri::Unknown),
        ("false or unknown is unknown", "age < 3 or hukou == local_urban", r#"{"age":9}"#, Tri::Unknown),
        ("not unknown is unknown", "not orphan", r#"{"age":9}"#, Tri::Unknown),
        ("absent detail is false", "disability.grade in [1, 2]", r#"{"disability":false}"#, Tri::False),
        ("unknown parent is unknown", "disability.grade in [1, 2]", r#"{}"#, Tri::Unknown),
        ("list overlap", "chronic in [diabetes]", r#"{"chronic":["hypertension","diabetes"]}"#, Tri::True),
        ("empty list", "chronic in [diabetes]", r#"{"chronic":[]}"#, Tri::False),
    ];
    for (name, rule, member, want) in cases {
        assert_eq!(tri(rule, &one(member)), want, "{name}");
    }
}

#[test]
fn age_boundaries() {
    for (rule, age, want) in [("age < 3", 2, Tri::True), ("age < 3", 3, Tri::False), ("age >= 60", 59, Tri::False), ("age >= 60", 60, Tri::True), ("age <= 5", 5, Tri::True), ("age <= 5", 6, Tri::False)] {
        assert_eq!(tri(rule, &one(&format!(r#"{{"age":{age}}}"#))), want, "{rule} at {age}");
    }
}

#[test]
fn facts_that_do_not_apply_are_inferred_not_asked() {
    // A 5-year-old is not pregnant, not working, not a veteran.
    let kid = one(r#"{"age":5,"sex":"female"}"#);
    assert_eq!(tri("pregnant", &kid), Tri::False);
    assert_eq!(tri("work == not_working", &kid), Tri::True);
    assert_eq!(tri("veteran", &kid), Tri::False);
    // An adult's answers are not overridden.
    assert_eq!(tri("pregnant", &one(r#"{"age":30,"sex":"female"}"#)), Tri::Unknown);
}

#[test]
fn someone_looks_at_every_member() {
    let rule = Rule::parse("someone(age < 3)", Scope::Household).unwrap();
    let at = |json: &str| eval(&rule, &View::new(&profile(json)).profile, None);
    assert_eq!(at(r#"{"v":1,"members":[{"age":30},{"age":1}]}"#), Tri::True);
    assert_eq!(at(r#"{"v":1,"members":[{"age":30},{"age":10}]}"#), Tri::False);
    assert_eq!(at(r#"{"v":1,"members":[{"age":30},{}]}"#), Tri::Unknown);
    // No members yet: the person answering is there, age unknown.
    assert_eq!(at(r#"{"v":1}"#), Tri::Unknown);
}

fn test_catalog() -> Catalog {
    Catalog::from_json(&test_catalog_json("age < 3"), true).unwrap()
}

/// A catalog of two services, the first with `rule`.
fn test_catalog_json(rule: &str) -> String {
    r#"{"document":[{"id":"plan","title":{"zh":"规划","en":"plan"},"number":"n","issued":"i","published":"p","period":"p","text":"plan.txt"}],"category":[],"department":[{"id":"d","name":{"zh":"民政部门","en":"civil affairs"},"file":"t"}],"service":[
      {"id":"baby","category":"c","per":"person","title":{"zh":"婴儿","en":"baby"},"summary":{"zh":"s","en":"s"},"gets":{"zh":"g","en":"g"},
       "rule":"RULE","department":"d","apply":{"zh":"a","en":"a"},"source":{"chapter":"c","section":"s","quote":"q"},"file":"t"},
      {"id":"poor-elder","category":"c","per":"household","title":{"zh":"老人","en":"elder"},"summary":{"zh":"s","en":"s"},"gets":{"zh":"g","en":"g"},
       "rule":"support_status in [dibao, tekun] and someone(age >= 60)","confirm":true,"department":"d","apply":{"zh":"a","en":"a"},"source":{"chapter":"c","section":"s","quote":"q"},"file":"t"}
    ]}"#.replace("RULE", rule)
}

#[test]
fn a_rule_that_does_not_parse_is_no_catalog() {
    let problems = Catalog::from_json(&test_catalog_json("age < three"), true).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!((problems[0].file.as_str(), problems[0].id.as_str(), problems[0].key.as_str()), ("t", "baby", "rule"));
    let unknown_fact = Catalog::from_json(&test_catalog_json("shoe_size > 40"), true).unwrap_err();
    assert!(unknown_fact[0].message.contains("shoe_size"), "{unknown_fact:?}");
}

#[test]
fn reasons_say_why_in_plain_words() {
    let c = test_catalog();
    let e = Evaluation::new(&c, &profile(r#"{"v":1,"household":{"support_status":"dibao"},"members":[{"role":"self","age":35},{"role":"child","age":2},{"role":"parent","age":70}]}"#));
    let baby = e.outcomes.iter().find(|o| o.service == 0 && o.member == Some(1)).unwrap();
    assert_eq!(baby.status, Status::Eligible);
    assert_eq!(e.reasons(&c, baby, Lang::Zh), ["年龄 2岁，符合条件：年龄不满3岁"]);
    let adult = e.outcomes.iter().find(|o| o.service == 0 && o.member == Some(0)).unwrap();
    assert_eq!(e.reasons(&c, adult, Lang::En), ["Age: 35 years, but this needs: Age under 3 years"]);
    let elder = e.outcomes.iter().find(|o| o.service == 1).unwrap();
    assert_eq!(elder.status, Status::Maybe, "the department confirms");
    let why = e.reasons(&c, elder, Lang::Zh);
    assert!(why.iter().any(|r| r.contains("父母：年龄 70岁")), "{why:?}");
    assert!(why.last().unwrap().contains("由民政部门按现行政策认定"), "{why:?}");
}

#[test]
fn next_questions_rank_by_what_they_settle_and_skip_settled_ones() {
    let c = test_catalog();
    let e = Evaluation::new(&c, &profile(r#"{"v":1,"members":[{"role":"self"},{"role":"child"}]}"#));
    let asks = e.next_questions(&c, &|_| true, &|_, _| false);
    let names: Vec<_> = asks.iter().map(|a| (FACTS[a.fact].key, a.member)).collect();
    assert_eq!(names[0], ("age", Some(0)), "age settles both services");
    assert!(names.contains(&("support_status", None)));
    assert!(names.contains(&("age", Some(1))));
    // Once the household is known not to be on dibao, only the baby service is open.
    let e = Evaluation::new(&c, &profile(r#"{"v":1,"household":{"support_status":"none"},"members":[{"role":"self","age":30},{"role":"child"}]}"#));
    let asks = e.next_questions(&c, &|_| true, &|_, _| false);
    assert_eq!(asks.iter().map(|a| (FACTS[a.fact].key, a.member)).collect::<Vec<_>>(), [("age", Some(1))]);
    // "不确定" answers are not asked again.
    assert!(e.next_questions(&c, &|_| true, &|_, m| m == Some(1)).is_empty());
}

use crate::profile::facts::FACTS;

#[test]
fn comparisons_read_naturally_in_both_languages() {
    // (rule, Chinese, English)
    let cases = [
        ("age < 3", "年龄不满3岁", "Age under 3 years"),
        ("age <= 3", "年龄3岁及以下", "Age 3 years or under"),
        ("age > 3", "年龄超过3岁", "Age over 3 years"),
        ("age >= 60", "年龄60岁及以上", "Age 60 years or over"),
        ("age == 3", "年龄3岁", "Age 3 years"),
        ("age != 3", "年龄不是3岁", "Age not 3 years"),
    ];
    for (rule, zh, en) in cases {
        let Rule::Test(t) = Rule::parse(rule, Scope::Member).unwrap() else { panic!("{rule} is one test") };
        assert_eq!(explain::requirement(&t, false, Lang::Zh), zh, "{rule}");
        assert_eq!(explain::requirement(&t, false, Lang::En), en, "{rule}");
    }
    let Rule::Test(t) = Rule::parse("age < 3", Scope::Member).unwrap() else { unreachable!() };
    assert_eq!(explain::requirement(&t, true, Lang::Zh), "年龄3岁及以上", "negated, the comparison flips");
}

#[test]
fn members_who_share_a_role_can_be_told_apart() {
    use super::explain::person;
    let p = profile(r#"{"v":1,"members":[{"role":"self","age":35},{"role":"child","age":9},{"role":"child"},{"role":"parent","age":70},{"role":"parent","age":70},{"role":"spouse","age":40}]}"#);
    let names: Vec<String> = (0..6).map(|m| person(&p, m, Lang::Zh)).collect();
    // The only spouse needs no age: names change only when they must.
    assert_eq!(names, ["您", "子女（9岁）", "第2位子女", "第1位父母", "第2位父母", "配偶"]);
    assert_eq!(person(&p, 2, Lang::En), "Child 2");
    // A role whose label is a list goes by a short name in sentences.
    let p = profile(r#"{"v":1,"members":[{"role":"self"},{"role":"grandchild","age":8},{"role":"grandchild","age":12},{"role":"grandparent"}]}"#);
    let names: Vec<String> = (0..4).map(|m| person(&p, m, Lang::Zh)).collect();
    assert_eq!(names, ["您", "孙辈（8岁）", "孙辈（12岁）", "祖辈"]);
    assert_eq!(person(&p, 3, Lang::En), "Grandparent");
}

#[test]
fn questions_about_you_are_asked_in_your_own_grammar() {
    use super::explain::question;
    use crate::profile::facts::{find, group_of};
    let p = profile(r#"{"v":1,"members":[{"role":"self"},{"role":"spouse"}]}"#);
    let ask = |key: &str, member, lang| question(&FACTS[find(key).unwrap()].question, &p, member, lang);
    assert_eq!(ask("age", Some(0), Lang::En), "How old are you?");
    assert_eq!(ask("age", Some(1), Lang::En), "How old is Spouse?");
    assert_eq!(ask("age", Some(0), Lang::Zh), "您多大了？");
    assert_eq!(ask("self_care", Some(0), Lang::En), "Can you look after yourself day to day?");
    assert_eq!(ask("hazardous_job", Some(0), Lang::En), "Does your job expose you to dust, noise or chemicals?");
    assert_eq!(ask("area", None, Lang::En), "Do you live in a town or city, or in the countryside?");
    let group = group_of(find("veteran").unwrap()).unwrap();
    assert_eq!(question(&group.question, &p, Some(0), Lang::En), "Are you any of these? (choose all that apply)");
    // Every question has its own "you" form: none fills "you" into {who}.
    for f in FACTS {
        assert!(!f.question.en_you.contains("{who}"), "{}: {}", f.key, f.question.en_you);
    }
}

// ---- the rule language (rule.rs) ----

fn ok(src: &str) -> Rule {
    Rule::parse(src, Scope::Member).unwrap_or_else(|e| panic!("{src}: {e}"))
}

#[test]
fn precedence_and_binds_tighter_than_or() {
    let r = ok("pregnant or age < 3 and hukou == local_urban");
    assert!(matches!(r, Rule::Any(ref v) if matches!(v[1], Rule::All(_))));
}

#[test]
fn values_are_checked_against_the_profile() {
    for bad in ["agee < 3", "age < 300", "area == moon", "pregnant == 1", "age", "age = 3", "chronic in [flu]", "someone(someone(age < 3))", "age < 3 and", "(age < 3"] {
        assert!(Rule::parse(bad, Scope::Member).is_err(), "{bad}");
    }
}

#[test]
fn household_rules_reach_people_only_through_someone() {
    assert!(Rule::parse("age < 3", Scope::Household).is_err());
    assert!(Rule::parse("someone(age < 3) and area == rural", Scope::Household).is_ok());
}

#[test]
fn not_equal_is_the_other_values() {
    let Rule::Test(t) = ok("area != rural") else { panic!() };
    assert_eq!(t.cond, Cond::OneOf(0b01));
    assert_eq!(ok("pregnant == false"), Rule::Not(Box::new(ok("pregnant"))));
    assert!(matches!(ok("disability.grade in [1, 2]"), Rule::Test(Test { cond: Cond::OneOf(0b11), .. })));
}
