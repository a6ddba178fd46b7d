use super::*;
use crate::profile::facts::find;
use crate::profile::Profile;

/// Four services, one of each kind a household can meet.
fn catalog() -> Catalog {
    let service = |id: &str, rule: &str, extra: &str| {
        format!(r#"{{"id":"{id}","category":"c","per":"person","rule":"{rule}","department":"d"{extra},
          "title":{{"zh":"t","en":"t"}},"summary":{{"zh":"s","en":"s"}},"gets":{{"zh":"g","en":"g"}},"apply":{{"zh":"a","en":"a"}},
          "source":{{"chapter":"c","section":"s","quote":"q"}}}}"#)
    };
    let services = [service("library", "true", ""), service("baby-checks", "age < 3", r#","free":true"#), service("nursery", "age < 3", ""), service("elder-care", "age >= 60", r#","confirm":true"#), service("pregnancy", "pregnant", "")];
    let json = format!(
        r#"{{"document":[{{"id":"p","title":{{"zh":"规划","en":"plan"}},"number":"n","issued":"i","published":"p","period":"p","text":"t"}}],"department":[{{"id":"d","name":{{"zh":"卫健部门","en":"health"}}}}],"service":[{}]}}"#,
        services.join(",")
    );
    Catalog::from_json(&json, true).unwrap()
}

fn results(profile: &str) -> Results {
    let c = catalog();
    Results::new(&c, &Evaluation::new(&c, &Profile::from_json(profile).unwrap().profile))
}

#[test]
fn each_service_is_in_the_group_that_says_why() {
    let r = results(r#"{"v":1,"members":[{"role":"self","age":70,"sex":"male"},{"role":"grandchild","age":1,"sex":"female"}]}"#);
    use Group::*;
    assert_eq!(r.groups, [Everyone, Mine, Mine, DepartmentDecides, NotEligible]);
    assert_eq!((r.count(Mine), r.mine_free, r.apply_at.as_slice()), (2, 1, ["d".to_string()].as_slice()));
    assert!(r.to_ask.is_empty());
}

#[test]
fn what_is_open_names_the_questions_that_settle_it() {
    // Nothing known: the baby and elder services hang on an age, pregnancy on a sex or pregnancy.
    let r = results(r#"{"v":1}"#);
    assert_eq!(r.groups[0], Group::Everyone, "the library is everyone's whatever is known");
    assert_eq!(r.count(Group::Open), 4);
    assert!(r.to_ask.contains(&(find("age").unwrap(), Some(0))));
    assert_eq!(r.count(Group::Mine) + r.count(Group::DepartmentDecides), 0, "nothing is claimed for the household");
}

#[test]
fn a_household_nothing_particular_applies_to_has_only_everyones_services() {
    let r = results(r#"{"v":1,"members":[{"role":"self","age":30,"sex":"male"}]}"#);
    assert_eq!((r.count(Group::Mine), r.count(Group::DepartmentDecides), r.count(Group::Open), r.count(Group::Everyone)), (0, 0, 0, 1));
}
