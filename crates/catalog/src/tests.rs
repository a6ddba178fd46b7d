#[test]
fn a_rule_naming_an_unknown_fact_is_reported_at_its_line() {
    let mut files: Vec<(&str, &str)> = crate::files::SERVICE_FILES.to_vec();
    let bad = files.iter().find(|(path, _)| path.ends_with("03-childcare.toml")).unwrap().1.replacen("rule = \"", "rule = \"shoe_size > 40 and ", 1);
    let line = bad.lines().position(|l| l.contains("shoe_size")).unwrap() + 1;
    files.retain(|(path, _)| !path.ends_with("03-childcare.toml"));
    files.push(("services/03-childcare.toml", &bad));
    let problems = crate::load_from(&files).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].starts_with(&format!("crates/catalog/services/03-childcare.toml:{line}: ")), "{}", problems[0]);
    assert!(problems[0].contains("shoe_size"), "{}", problems[0]);
}

#[test]
fn a_problem_names_the_line_of_its_key() {
    let text = "[[service]]\nid = \"a\"\nrule = \"age < 3\"\n\n[[service]]\nid = \"b\"\nper = \"person\"\nrule = \"shoe_size > 40\"\n";
    assert_eq!(crate::line_of(text, "b", "rule"), Some(8));
    assert_eq!(crate::line_of(text, "b", ""), Some(6));
    assert_eq!(crate::line_of(text, "a", "per"), Some(2), "a key the entry lacks: the entry's line");
}
