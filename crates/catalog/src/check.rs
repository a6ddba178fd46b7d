//! Everything that can be wrong with a catalog that reads: ids, references,
//! texts in both languages, and each quote, which must stand verbatim in
//! the cited chapter and section of its document. (Reading already failed
//! on a misspelt key or a rule that does not parse.)

use guide_core::catalog::{Catalog, Problem};
use guide_core::plan::{fold, section_of};
use guide_core::text::Bi;
use std::collections::HashSet;

fn bi(problems: &mut Vec<Problem>, file: &str, id: &str, key: &str, text: &Bi) {
    for (lang, t) in [("Chinese", &text.zh), ("English", &text.en)] {
        if t.trim().is_empty() {
            problems.push(Problem::new(file, id, key, format!("{key}: {lang} text is missing")));
        }
    }
}

pub fn check(catalog: &Catalog) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    let mut twice = |kind: &str, id: &str| !seen.insert(format!("{kind}:{id}"));
    for d in &catalog.documents {
        if twice("document", &d.id) {
            problems.push(Problem::new("", &d.id, "id", "document id is used twice".into()));
        }
        if super::document_text(&d.file).is_none() {
            problems.push(Problem::new("", &d.id, "text", format!("no file plan/{}", d.file)));
        }
    }
    for c in &catalog.categories {
        if twice("category", &c.id) {
            problems.push(Problem::new("", &c.id, "id", "category id is used twice".into()));
        }
        bi(&mut problems, "", &c.id, "title", &c.title);
    }
    for d in &catalog.departments {
        if twice("department", &d.id) {
            problems.push(Problem::new("", &d.id, "id", "department id is used twice".into()));
        }
        bi(&mut problems, "", &d.id, "name", &d.name);
    }
    for s in &catalog.services {
        let mut problem = |key: &str, message: String| problems.push(Problem::new(&s.file, &s.id, key, message));
        if twice("service", &s.id) {
            problem("id", "service id is used twice".into());
        }
        if s.id.is_empty() || !s.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
            problem("id", "id must be lowercase letters, digits and -".into());
        }
        if catalog.category(&s.category).is_none() {
            problem("category", format!("unknown category `{}`", s.category));
        }
        if catalog.department(&s.department).is_none() {
            problem("department", format!("unknown department `{}`", s.department));
        }
        let quote = fold(s.source.quote.trim());
        if quote.chars().count() < 8 {
            problem("source", "the quote is too short to identify a sentence".into());
        }
        let text = catalog.document(s).and_then(|d| super::document_text(&d.file)).map(fold).unwrap_or_default();
        match section_of(&text, &s.source.chapter) {
            None => problem("source", format!("chapter heading `{}` is not in the plan", s.source.chapter)),
            Some(chapter) => match section_of(chapter, &s.source.section) {
                None => problem("source", format!("section heading `{}` is not in {}", s.source.section, s.source.chapter)),
                Some(section) if !section.contains(&quote) => {
                    let elsewhere = if text.contains(&quote) { "it is elsewhere in the plan" } else { "it is not in the plan" };
                    problem("source", format!("the quote is not verbatim in {} {} ({elsewhere}): {}", s.source.chapter, s.source.section, s.source.quote));
                }
                Some(_) => {}
            },
        }
        for (key, text) in [("title", &s.title), ("summary", &s.summary), ("gets", &s.gets), ("apply", &s.apply)] {
            bi(&mut problems, &s.file, &s.id, key, text);
        }
        if let Some(b) = &s.bring {
            bi(&mut problems, &s.file, &s.id, "bring", b);
        }
    }
    problems
}
