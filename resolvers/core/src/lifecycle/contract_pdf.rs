//! The contract as a PDF, made from its rendered text with `pdf-writer` (typst's PDF writer: no
//! dependencies of its own beyond four small crates, no fonts to ship — the text is set in
//! Helvetica, one of the 14 fonts every PDF reader has).
//!
//! The layout is the text's own: `#` and `##` lines are headings, `- ` lines bullets, other lines
//! paragraphs, wrapped to the page. A4, several pages when needed.

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

const PAGE_WIDTH: f32 = 595.0;
const PAGE_HEIGHT: f32 = 842.0;
const MARGIN: f32 = 56.0;
/// Helvetica's average advance is about half the font size; a little more keeps lines inside.
const AVERAGE_ADVANCE: f32 = 0.53;

/// How a line is set.
#[derive(Clone, Copy)]
struct Style {
    bold: bool,
    size: f32,
    indent: f32,
    space_before: f32,
}

const TITLE: Style = Style {
    bold: true,
    size: 16.0,
    indent: 0.0,
    space_before: 0.0,
};
const HEADING: Style = Style {
    bold: true,
    size: 12.0,
    indent: 0.0,
    space_before: 10.0,
};
const BODY: Style = Style {
    bold: false,
    size: 10.0,
    indent: 0.0,
    space_before: 4.0,
};
const BULLET: Style = Style {
    bold: false,
    size: 10.0,
    indent: 14.0,
    space_before: 1.0,
};

/// The byte of `c` in WinAnsiEncoding (Latin-1 plus typographic quotes and dashes); `?` for
/// characters Helvetica cannot show there.
fn win_ansi(c: char) -> u8 {
    match c {
        ' '..='~' => c as u8,
        '\u{a0}'..='\u{ff}' => c as u32 as u8,
        '€' => 0x80,
        '…' => 0x85,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        _ => b'?',
    }
}

/// `text` cut into lines of at most `width` characters at spaces (a longer word is cut).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        while word.len() > width {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            lines.push(word.drain(..width).collect());
        }
        let word: String = word.into_iter().collect();
        let needed = if line.is_empty() { 0 } else { 1 } + word.chars().count();
        if line.chars().count() + needed > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The lines to set, each with its style.
fn layout(text: &str) -> Vec<(Style, String)> {
    let mut out = Vec::new();
    for raw in text.lines() {
        let raw = raw.trim_end();
        let (style, content, prefix) = if let Some(title) = raw.strip_prefix("# ") {
            (TITLE, title, "")
        } else if let Some(heading) = raw.strip_prefix("## ") {
            (HEADING, heading, "")
        } else if let Some(item) = raw.strip_prefix("- ") {
            (BULLET, item, "• ")
        } else if raw.trim().is_empty() {
            continue;
        } else {
            (BODY, raw, "")
        };
        let width =
            ((PAGE_WIDTH - 2.0 * MARGIN - style.indent) / (style.size * AVERAGE_ADVANCE)) as usize;
        for (index, line) in wrap(content, width.max(10)).into_iter().enumerate() {
            let mut style = style;
            if index > 0 {
                style.space_before = 0.0;
            }
            let line = if index == 0 {
                format!("{prefix}{line}")
            } else if prefix.is_empty() {
                line
            } else {
                format!("  {line}")
            };
            out.push((style, line));
        }
    }
    out
}

/// The PDF of a contract's text, titled `title`.
pub fn contract_pdf(title: &str, text: &str) -> Vec<u8> {
    let mut pdf = Pdf::new();
    let catalog = Ref::new(1);
    let page_tree = Ref::new(2);
    let regular = Ref::new(3);
    let bold = Ref::new(4);
    let info = Ref::new(5);
    let mut next = 6;

    // Pages: fill each from the top until the next line would cross the bottom margin.
    let mut pages: Vec<Content> = Vec::new();
    let mut content = Content::new();
    let mut y = PAGE_HEIGHT - MARGIN;
    for (style, line) in layout(text) {
        let leading = style.size * 1.35;
        if y - style.space_before - leading < MARGIN {
            pages.push(std::mem::replace(&mut content, Content::new()));
            y = PAGE_HEIGHT - MARGIN;
        }
        y -= style.space_before + leading;
        let bytes: Vec<u8> = line.chars().map(win_ansi).collect();
        content.begin_text();
        content.set_font(Name(if style.bold { b"F2" } else { b"F1" }), style.size);
        content.next_line(MARGIN + style.indent, y);
        content.show(Str(&bytes));
        content.end_text();
    }
    pages.push(content);

    let page_ids: Vec<(Ref, Ref)> = pages
        .iter()
        .map(|_| {
            let ids = (Ref::new(next), Ref::new(next + 1));
            next += 2;
            ids
        })
        .collect();
    pdf.catalog(catalog).pages(page_tree);
    pdf.pages(page_tree)
        .kids(page_ids.iter().map(|(page, _)| *page))
        .count(page_ids.len() as i32);
    for ((page_id, content_id), content) in page_ids.iter().zip(pages) {
        let mut page = pdf.page(*page_id);
        page.media_box(Rect::new(0.0, 0.0, PAGE_WIDTH, PAGE_HEIGHT));
        page.parent(page_tree);
        page.contents(*content_id);
        let mut resources = page.resources();
        let mut fonts = resources.fonts();
        fonts.pair(Name(b"F1"), regular);
        fonts.pair(Name(b"F2"), bold);
        fonts.finish();
        resources.finish();
        page.finish();
        pdf.stream(*content_id, &content.finish());
    }
    pdf.type1_font(regular)
        .base_font(Name(b"Helvetica"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.type1_font(bold)
        .base_font(Name(b"Helvetica-Bold"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.document_info(info)
        .title(TextStr(title))
        .producer(TextStr("Leadmetrics Graph"));
    pdf.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_contract_becomes_a_pdf_with_its_text_and_a_page_per_screenful() {
        let text = "# Title\n\n## 1. Parties\nShort paragraph.\n- Legal name: Acme “Quotes” – ok\n";
        let pdf = contract_pdf("Contract", text);
        assert!(pdf.starts_with(b"%PDF-"));
        assert!(pdf.ends_with(b"%%EOF") || pdf.ends_with(b"%%EOF\n"));
        let body = String::from_utf8_lossy(&pdf);
        assert!(body.contains("Short paragraph."));
        assert!(body.contains("/Count 1"));
        let long = "A line of the contract that goes on.\n".repeat(200);
        let body = String::from_utf8_lossy(&contract_pdf("Long", &long)).into_owned();
        assert!(!body.contains("/Count 1\n") && body.contains("/Count "));
    }

    #[test]
    fn long_words_and_lines_are_wrapped_inside_the_page() {
        let lines = wrap(&format!("{} end", "x".repeat(30)), 12);
        assert!(
            lines.iter().all(|line| line.chars().count() <= 12),
            "{lines:?}"
        );
        assert_eq!(lines.last().map(String::as_str), Some("xxxxxx end"));
    }
}
