//! `guide-eval check`: everything that can be wrong with the catalog,
//! named one problem per line.

use super::Catalog;
use crate::text::Bi;
use std::collections::HashSet;

/// The captured plan uses ASCII `,` `:` `;` `(` `)` where print uses
/// full-width marks; quotes may use either.
pub fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '，' => ',',
            '：' => ':',
            '；' => ';',
            '（' => '(',
            '）' => ')',
            '！' => '!',
            '？' => '?',
            c => c,
        })
        .collect()
}

/// The part of the plan under a heading line: from the line that contains
/// `heading` to the next heading of the same or a higher level.
pub fn section_of<'p>(within: &'p str, heading: &str) -> Option<&'p str> {
    let folded_heading = fold(heading);
    let start = within.lines().find(|l| fold(l.trim()) == folded_heading)?;
    let offset = start.as_ptr() as usize - within.as_ptr() as usize;
    let rest = &within[offset + start.len()..];
    let is_chapter = heading.starts_with('第') && heading.contains('章');
    let end = rest
        .lines()
        .find(|l| {
            let l = l.trim();
            let chapter = l.starts_with('第') && l.contains('章') && l.chars().count() < 40;
            let section = (l.starts_with('第') && l.contains('节') && l.chars().count() < 40) || l.starts_with("专栏");
            chapter || (!is_chapter && section)
        })
        .map_or(rest.len(), |l| l.as_ptr() as usize - rest.as_ptr() as usize);
    Some(&within[offset..offset + start.len() + end])
}

fn bi(problems: &mut Vec<String>, what: &str, text: &Bi) {
    if text.zh.trim().is_empty() {
        problems.push(format!("{what}: Chinese text is missing"));
    }
    if text.en.trim().is_empty() {
        problems.push(format!("{what}: English text is missing"));
    }
}

/// Checks ids, references, texts, rules and quotes against `plan_text`. Reachability needs the
/// test cases and is checked in `cases::check_witnesses`.
pub fn check(catalog: &Catalog, plan_text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    for c in &catalog.categories {
        if !seen.insert(format!("category:{}", c.id)) {
            problems.push(format!("{}: category id `{}` is used twice", c.file, c.id));
        }
        bi(&mut problems, &format!("category {}", c.id), &c.title);
    }
    for d in &catalog.departments {
        if !seen.insert(format!("department:{}", d.id)) {
            problems.push(format!("{}: department id `{}` is used twice", d.file, d.id));
        }
        bi(&mut problems, &format!("department {}", d.id), &d.name);
    }
    let plan = fold(plan_text);
    for s in &catalog.services {
        let at = format!("{} ({})", s.id, s.file);
        if !seen.insert(format!("service:{}", s.id)) {
            problems.push(format!("{at}: service id is used twice"));
        }
        if s.id.is_empty() || !s.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
            problems.push(format!("{at}: id must be lowercase letters, digits and -"));
        }
        if catalog.category(&s.category).is_none() {
            problems.push(format!("{at}: unknown category `{}`", s.category));
        }
        if catalog.department(&s.department).is_none() {
            problems.push(format!("{at}: unknown department `{}`", s.department));
        }
        for (name, text) in [("title", &s.title), ("summary", &s.summary), ("gets", &s.gets), ("apply", &s.apply)] {
            bi(&mut problems, &format!("{at} {name}"), text);
        }
        if let Some(b) = &s.bring {
            bi(&mut problems, &format!("{at} bring"), b);
        }
        let quote = fold(s.source.quote.trim());
        if quote.chars().count() < 8 {
            problems.push(format!("{at}: the quote is too short to identify a sentence"));
        }
        match section_of(&plan, &s.source.chapter) {
            None => problems.push(format!("{at}: chapter heading `{}` is not in the plan", s.source.chapter)),
            Some(chapter) => match section_of(chapter, &s.source.section) {
                None => problems.push(format!("{at}: section heading `{}` is not in {}", s.source.section, s.source.chapter)),
                Some(section) if !section.contains(&quote) => {
                    let elsewhere = if plan.contains(&quote) { " (it is elsewhere in the plan)" } else { " (it is not in the plan)" };
                    problems.push(format!("{at}: the quote is not verbatim in {} {}{elsewhere}: {}", s.source.chapter, s.source.section, s.source.quote));
                }
                Some(_) => {}
            },
        }
    }
    for (id, e) in &catalog.rule_errors {
        problems.push(format!("{id}: rule does not parse: {e}"));
    }
    problems
}
