//! A reading place in a rendered lesson, and what it means for progress: the one
//! rule both the tutor and the plain session follow, so reading a lesson either way
//! records the same place, the same "how far" and the same "finished".

use crate::markdown::Rendered;
use crate::progress::Progress;

/// Record that lines `top .. top + visible` of lesson `id` (rendered as `doc`) were
/// on screen: the place is the top line; how far is the last line seen; reaching the
/// last line finishes the lesson. True if the progress changed.
pub fn record(progress: &mut Progress, id: &str, doc: &Rendered, top: usize, visible: usize) -> bool {
    let total = doc.lines.len().max(1);
    let seen = (top + visible).min(total);
    let percent = (seen * 100 / total) as u8;
    let (offset, lines_into_block) = place_of_line(doc, top);
    let before = progress.lessons.get(id).cloned();
    progress.record_place(id, offset, lines_into_block, percent, seen >= total);
    progress.lessons.get(id) != before.as_ref()
}

/// The line to open lesson `id` at: where the person left off, or the top.
pub fn saved_line(progress: &Progress, id: &str, doc: &Rendered) -> usize {
    progress.lessons.get(id).map_or(0, |p| line_at_place(doc, p.offset, p.lines_into_block))
}

/// The first rendered line at or after a source offset (a saved reading place).
pub fn line_at_offset(doc: &Rendered, offset: usize) -> usize {
    doc.source_offsets.partition_point(|&o| o < offset).min(doc.lines.len().saturating_sub(1))
}

/// A saved place: the block's first line, then down the block's own wrapped lines.
pub fn line_at_place(doc: &Rendered, offset: usize, lines_into_block: usize) -> usize {
    let first = line_at_offset(doc, offset);
    let Some(&block) = doc.source_offsets.get(first) else { return 0 };
    let block_len = doc.source_offsets[first..].iter().take_while(|&&o| o == block).count();
    first + lines_into_block.min(block_len.saturating_sub(1))
}

/// The place of a rendered line: (source offset of its block, lines into the block).
pub fn place_of_line(doc: &Rendered, line: usize) -> (usize, usize) {
    let Some(&offset) = doc.source_offsets.get(line) else { return (0, 0) };
    let first = doc.source_offsets.partition_point(|&o| o < offset);
    (offset, line - first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::{MdTheme, render};

    fn doc() -> Rendered {
        let text = (0..30).map(|i| format!("Paragraph {i} has some words in it.")).collect::<Vec<_>>().join("\n\n");
        render(&text, 20, &MdTheme::plain())
    }

    #[test]
    fn a_page_records_its_top_and_how_far_and_the_last_page_finishes() {
        let doc = doc();
        let total = doc.lines.len();
        let mut p = Progress::default();
        assert!(record(&mut p, "a", &doc, 0, 10));
        assert_eq!(p.lessons["a"].percent as usize, 10 * 100 / total);
        assert_eq!((p.lessons["a"].offset, p.lessons["a"].read), (0, false));
        assert_eq!(p.last_lesson.as_deref(), Some("a"));
        assert!(!record(&mut p, "a", &doc, 0, 10), "the same page again changes nothing");

        // A page starting on a block's second line keeps that line.
        let second = (1..total).find(|&l| doc.source_offsets[l] == doc.source_offsets[l - 1]).unwrap();
        record(&mut p, "a", &doc, second, 10);
        assert_eq!(saved_line(&p, "a", &doc), second);

        assert!(record(&mut p, "a", &doc, total - 10, 10));
        assert_eq!((p.lessons["a"].percent, p.lessons["a"].read), (100, true));
        // Back to the top: still read, how far stays at its best.
        record(&mut p, "a", &doc, 0, 10);
        assert_eq!((p.lessons["a"].percent, p.lessons["a"].read), (100, true));
        assert_eq!(saved_line(&p, "a", &doc), 0);
    }

    #[test]
    fn places_survive_a_change_of_width() {
        let text = "One two three four five six seven.\n\nEight nine ten eleven twelve.";
        let narrow = render(text, 10, &MdTheme::plain());
        let wide = render(text, 80, &MdTheme::plain());
        let second_block = narrow.source_offsets.iter().position(|&o| o > 0).unwrap();
        let (offset, _) = place_of_line(&narrow, second_block);
        assert_eq!(wide.source_offsets[line_at_place(&wide, offset, 0)], offset);
        assert_eq!(line_at_place(&Rendered::default(), 5, 3), 0);
        assert_eq!(place_of_line(&Rendered::default(), 4), (0, 0));
    }
}
