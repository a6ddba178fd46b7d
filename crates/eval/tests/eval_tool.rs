//! The eval tool as policy staff and the portal use it (profile-v1.md).

use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_guide-eval")).args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into())
}

#[test]
fn eval_prints_one_result_per_service_and_member() {
    let (code, out, _) = run(&["eval", "-"], r#"{"v":1,"members":[{"role":"self","age":28,"sex":"female","pregnant":true},{"role":"child","age":1}]}"#);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let results = v["results"].as_array().unwrap();
    let r = results.iter().find(|r| r["service"] == "prenatal-screening" && r["member"] == 0).unwrap();
    assert_eq!(r["status"], "eligible");
    assert_eq!(r["title_zh"], "免费产前筛查和产前诊断");
    assert!(r["reasons_zh"][0].as_str().unwrap().contains("正在怀孕"));
    assert!(results.iter().any(|r| r["member"].is_null()), "household services have member null");
}

#[test]
fn bad_profiles_exit_non_zero_naming_the_field() {
    let thirteen = format!(r#"{{"v":1,"members":[{}]}}"#, vec![r#"{"age":30}"#; 13].join(","));
    for (input, names) in [
        ("{not json", "not valid JSON"),
        (r#"{"v":2}"#, "version"),
        (r#"{"v":1,"household":{"area":"moon"}}"#, "household.area"),
        (r#"{"v":1,"members":[{"age":-1}]}"#, "members[0].age"),
        (r#"{"v":1,"members":[{"age":500}]}"#, "members[0].age"),
        (thirteen.as_str(), "members"),
    ] {
        let (code, out, err) = run(&["eval", "-"], input);
        assert_eq!(code, 2, "{input}");
        assert!(out.is_empty(), "{input}");
        assert!(err.contains(names), "{input}: {err}");
    }
}

#[test]
fn list_and_check() {
    let (code, out, _) = run(&["list"], "");
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let s = &v["services"][0];
    for key in ["id", "category", "title_zh", "title_en", "summary_zh", "department_zh"] {
        assert!(s[key].is_string(), "{key}");
    }
    assert!(s["source"]["quote"].is_string());
    assert_eq!(v["document"]["number"], "安政〔2022〕16号");
    let (code, out, _) = run(&["check"], "");
    assert_eq!(code, 0);
    assert!(out.starts_with("catalog ok"));
    assert_eq!(run(&["frobnicate"], "").0, 2);
}

#[test]
fn pages_counts_the_question_pages_of_every_household_case() {
    let (code, out, _) = run(&["pages"], "");
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let cases = v["cases"].as_array().unwrap();
    assert!(cases.len() >= 40, "every household case");
    for c in cases {
        let full = c["full_check"].as_u64().unwrap();
        for (event, n) in c["life_events"].as_object().unwrap() {
            assert!(n.as_u64().unwrap() <= full, "{}: a life event ({event}) asks no more than the full check", c["case"]);
        }
    }
}

#[test]
fn cases_gives_each_household_case_its_profile() {
    let (code, out, _) = run(&["cases"], "");
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let cases = v["cases"].as_array().unwrap();
    assert!(cases.len() >= 40, "every household case");
    // What it prints is a profile the eval tool reads back.
    let first = serde_json::to_string(&cases[0]["profile"]).unwrap();
    assert_eq!(run(&["eval", "-"], &first).0, 0);
}
