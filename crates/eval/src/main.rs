//! The eval tool of `shared/design/profile-v1.md`:
//!
//! ```text
//! guide-eval eval FILE|-    results for a profile, as JSON
//! guide-eval list           the catalog, as JSON
//! guide-eval check          validate the catalog; non-zero exit on any problem
//! guide-eval pages          question pages each household case sees, as JSON
//! guide-eval cases          the household cases' profiles, as JSON
//! ```
//!
//! It reads the catalog through `guide-catalog`, as the app's build does,
//! and evaluates with `guide-core`, as the app does.

use guide_catalog::cases;
use guide_core::catalog::{Catalog, Per};
use guide_core::engine::Evaluation;
use guide_core::profile::facts::FACTS;
use guide_core::profile::Profile;
use guide_core::questionnaire::{LifeEvent, Session};
use guide_core::results::{Group, Results};
use guide_core::text::Lang;
use serde_json::{json, Value};
use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "usage: guide-eval eval FILE|-  |  guide-eval list  |  guide-eval check  |  guide-eval pages  |  guide-eval cases";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let catalog = match guide_catalog::load() {
        Ok(c) => c,
        Err(problems) => return fail(&format!("the built-in catalog is broken:\n{}", problems.join("\n"))),
    };
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["eval", file] => eval(&catalog, file),
        ["list"] => print(&list(&catalog)),
        ["check"] => check_all(&catalog),
        ["pages"] => pages(&catalog),
        ["cases"] => profiles(),
        _ => fail(USAGE),
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("guide-eval: {message}");
    ExitCode::from(2)
}

fn print(value: &Value) -> ExitCode {
    use std::io::Write;
    // A closed pipe (`| head`) is not an error worth a panic.
    match writeln!(std::io::stdout(), "{}", serde_json::to_string_pretty(value).expect("JSON values serialize")) {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(1),
    }
}

fn read_input(file: &str) -> Result<String, String> {
    let mut text = String::new();
    let result = if file == "-" { std::io::stdin().read_to_string(&mut text).map(|_| ()) } else { std::fs::read_to_string(file).map(|t| text = t) };
    result.map(|_| text).map_err(|e| format!("cannot read {file}: {e}"))
}

fn eval(catalog: &Catalog, file: &str) -> ExitCode {
    let text = match read_input(file) {
        Ok(t) => t,
        Err(e) => return fail(&e),
    };
    // The tool is strict where the app is lenient: any bad field is an error.
    let profile = match Profile::from_json(&text) {
        Err(fatal) => return fail(&format!("invalid profile: {}", fatal.0.message.en)),
        Ok(parsed) if !parsed.issues.is_empty() => {
            let lines: Vec<String> = parsed.issues.iter().map(|i| format!("  {}: {}", i.path, i.message.en)).collect();
            return fail(&format!("invalid profile:\n{}", lines.join("\n")));
        }
        Ok(parsed) => parsed.profile,
    };
    let evaluation = Evaluation::new(catalog, &profile);
    let has_members = !profile.members.is_empty();
    let results: Vec<Value> = evaluation
        .outcomes
        .iter()
        .map(|o| {
            let s = &catalog.services[o.service];
            json!({
                "service": s.id,
                // A profile without members is evaluated for an implicit
                // "self" that is not in members[], so it has no index.
                "member": o.member.filter(|_| has_members),
                "status": o.status.as_str(),
                "title_zh": s.title.zh,
                "reasons_zh": evaluation.reasons(catalog, o, Lang::Zh),
                "reasons_en": evaluation.reasons(catalog, o, Lang::En),
            })
        })
        .collect();
    let next: Vec<Value> = evaluation
        .next_questions(catalog, &|_| true, &|_, _| false)
        .iter()
        .map(|a| json!({"fact": FACTS[a.fact].key, "member": a.member, "settles": a.settles}))
        .collect();
    let r = Results::new(catalog, &evaluation);
    // The results page's 再回答, for a household whose answers are this profile.
    let session = Session { answers: profile.clone(), ..Session::default() };
    let summary = json!({
        "mine": r.count(Group::Mine),
        "mine_free": r.mine_free,
        "apply_at_zh": r.apply_at.iter().filter_map(|d| catalog.department(d)).map(|d| d.name.zh.clone()).collect::<Vec<_>>(),
        "department_decides": r.count(Group::DepartmentDecides),
        "open": r.count(Group::Open),
        "to_ask": r.to_ask.len(),
        "to_ask_pages": session.pages_to_ask(catalog, &r.to_ask),
        "everyone": r.count(Group::Everyone),
        "not_eligible": r.count(Group::NotEligible),
    });
    print(&json!({ "results": results, "next_questions": next, "summary": summary }))
}

fn list(catalog: &Catalog) -> Value {
    // The rules as policy staff wrote them.
    let json = guide_catalog::json().unwrap_or_default();
    let rule_of = |id: &str| json["service"].as_array().into_iter().flatten().find(|s| s["id"] == id).map(|s| s["rule"].clone());
    let services: Vec<Value> = catalog
        .services
        .iter()
        .map(|s| {
            json!({
                "id": s.id,
                "category": s.category,
                "title_zh": s.title.zh,
                "title_en": s.title.en,
                "summary_zh": s.summary.zh,
                "department_zh": catalog.department(&s.department).map(|d| d.name.zh.as_str()),
                "source": { "chapter": s.source.chapter, "section": s.source.section, "quote": s.source.quote },
                "per": if s.per == Per::Person { "person" } else { "household" },
                "rule": rule_of(&s.id),
            })
        })
        .collect();
    let documents: Vec<Value> = catalog
        .documents
        .iter()
        .map(|d| json!({ "id": d.id, "title_zh": d.title.zh, "title_en": d.title.en, "number": d.number, "issued": d.issued, "published": d.published, "period": d.period }))
        .collect();
    json!({ "document": documents.first(), "documents": documents, "services": services })
}

/// For every household case: its members, and the question pages it sees
/// answering truthfully, for a full check and for each life event.
fn pages(catalog: &Catalog) -> ExitCode {
    let cases = match cases::all() {
        Ok(c) => c,
        Err(e) => return fail(&e),
    };
    let mut rows = Vec::new();
    for case in &cases {
        let Ok(truth) = case.household() else { continue };
        let count = |event| Session::answered_from(catalog, &truth, event).1;
        let events: serde_json::Map<String, Value> = LifeEvent::ALL.iter().map(|&e| (e.slug().to_string(), count(Some(e)).into())).collect();
        rows.push(json!({ "case": case.name, "file": case.file, "members": truth.members.len().max(1), "full_check": count(None), "life_events": events }));
    }
    print(&json!({ "cases": rows }))
}

/// Each household case's profile, for tests that open its results in a browser.
fn profiles() -> ExitCode {
    let cases = match cases::all() {
        Ok(c) => c,
        Err(e) => return fail(&e),
    };
    let rows: Vec<Value> = cases.iter().filter_map(|c| Some(json!({ "case": c.name, "file": c.file, "profile": c.household().ok()?.to_value() }))).collect();
    print(&json!({ "cases": rows }))
}

/// The catalog itself was checked when it was read; this adds the cases.
fn check_all(catalog: &Catalog) -> ExitCode {
    let cases = match cases::all() {
        Ok(c) => c,
        Err(e) => return fail(&e),
    };
    let mut problems = cases::check_witnesses(catalog, &cases);
    problems.extend(cases.iter().flat_map(|c| c.run(catalog)));
    if problems.is_empty() {
        println!("catalog ok: {} services in {} categories, {} test cases", catalog.services.len(), catalog.categories.len(), cases.len());
        ExitCode::SUCCESS
    } else {
        for p in &problems {
            eprintln!("{p}");
        }
        eprintln!("{} problem(s)", problems.len());
        ExitCode::from(1)
    }
}
