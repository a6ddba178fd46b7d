//! Finding a quoted sentence in a source document's text: the catalog's
//! quote check and the app's source view both use it.

/// The captured plan uses ASCII `,` `:` `;` `(` `)` where print uses
/// full-width marks; quotes may use either. One character maps to one, so
/// character positions in a folded text are those of the original.
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

/// The part of the text under a heading line: from the line that is
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

/// The paragraph under `chapter` › `section` that holds `quote`, split
/// around it: (before, quote as the document writes it, after).
pub fn cited_paragraph(text: &str, chapter: &str, section: &str, quote: &str) -> Option<(String, String, String)> {
    let text = section_of(text, chapter).and_then(|c| section_of(c, section))?;
    let wanted = fold(quote.trim());
    text.lines().find_map(|line| {
        let line = line.trim();
        let at = fold(line).find(&wanted)?;
        let start = fold(line)[..at].chars().count();
        let len = wanted.chars().count();
        let chars: Vec<char> = line.chars().collect();
        let part = |r: std::ops::Range<usize>| chars[r].iter().collect::<String>();
        Some((part(0..start), part(start..start + len), part(start + len..chars.len())))
    })
}
