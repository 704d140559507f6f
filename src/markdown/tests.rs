use std::borrow::Cow;

use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag};
use ratatui::style::{Modifier, Style};

use super::sanitize::is_unsafe_char;
use super::*;

fn lines_at(md: &str, width: u16) -> Vec<String> {
    render(md, width, &MdTheme::plain()).lines.iter().map(line_to_string).collect()
}

fn mono(md: &str, width: u16) -> Rendered {
    render(md, width, &MdTheme::monochrome())
}

/// Style of the span whose trimmed content is `text` (panics if none).
fn style_of(r: &Rendered, text: &str) -> Style {
    r.lines
        .iter()
        .flat_map(|l| l.spans.iter())
        .find(|s| s.content.trim() == text)
        .unwrap_or_else(|| panic!("no span {text:?} in {:?}", r.lines))
        .style
}

fn has(style: Style, modifier: Modifier) -> bool {
    style.add_modifier.contains(modifier)
}

/// The invariants every rendering keeps, whatever the input.
fn check_invariants(md: &str, width: u16) -> Rendered {
    let r = render(md, width, &MdTheme::color());
    let w = usize::from(width.max(1));
    assert_eq!(r.lines.len(), r.source_offsets.len(), "one offset per line");
    assert!(r.source_offsets.windows(2).all(|p| p[0] <= p[1]), "offsets non-decreasing: {:?}", r.source_offsets);
    for line in &r.lines {
        for span in &line.spans {
            assert!(
                !span.content.chars().any(is_unsafe_char),
                "control character in {:?} (input {md:?})",
                span.content
            );
        }
        let lw = line.width();
        if lw > w {
            // the one exception: a single character wider than the whole width
            let s = line_to_string(line);
            let visible: Vec<char> = s.chars().filter(|c| display_width(c.encode_utf8(&mut [0; 4])) > 0).collect();
            assert!(visible.len() == 1 && display_width(&s) > w, "line {s:?} is {lw} wide at width {w} (input {md:?})");
        }
    }
    for link in &r.links {
        assert!(!link.target.chars().any(is_unsafe_char));
        assert!(!link.text.chars().any(is_unsafe_char));
        assert!(link.line < r.lines.len().max(1));
    }
    for anchor in &r.anchors {
        assert!(!anchor.title.chars().any(is_unsafe_char));
        assert!(anchor.line < r.lines.len().max(1));
    }
    check_streams_agree(md, width, &r);
    check_link_spans(&r, md);
    check_titled(md, width);
    r
}

/// Each link span lies inside its line's text, on character boundaries, in line order.
fn check_link_spans(r: &Rendered, md: &str) {
    assert!(r.link_spans.windows(2).all(|p| p[0].line <= p[1].line), "spans in line order (input {md:?})");
    for span in &r.link_spans {
        let text = line_to_string(&r.lines[span.line]);
        assert!(span.link < r.links.len() && span.range.start < span.range.end, "{span:?} (input {md:?})");
        assert!(text.get(span.range.clone()).is_some(), "{span:?} outside {text:?} (input {md:?})");
    }
}

/// Words for every link target: long ones, so that they wrap.
fn long_titles(target: &str) -> Option<String> {
    (!target.is_empty()).then(|| format!("A lesson title: and a section {}", target.len()))
}

/// Link targets shown as words keep the width, and stay on one line when they fit.
fn check_titled(md: &str, width: u16) {
    let r = render_titled(md, width, &MdTheme::color(), &long_titles);
    let w = usize::from(width.max(1));
    for line in &r.lines {
        let s = line_to_string(line);
        let visible = s.chars().filter(|c| display_width(c.encode_utf8(&mut [0; 4])) > 0).count();
        assert!(line.width() <= w || visible == 1, "line {s:?} is {} wide at width {w} (input {md:?})", line.width());
    }
    check_link_spans(&r, md);
}

/// `render_each` and `write_plain` (for `read`) give the same lines as `render`.
fn check_streams_agree(md: &str, width: u16, r: &Rendered) {
    let mut streamed = Vec::new();
    render_each(md, width, &MdTheme::color(), &mut |line| {
        streamed.push(line.clone());
        Ok(())
    })
    .unwrap();
    assert_eq!(streamed, r.lines, "render_each differs from render (input {md:?}, width {width})");
    let mut plain = Vec::new();
    write_plain(md, width, &mut plain).unwrap();
    let expected: String = lines_at(md, width).iter().map(|l| format!("{}\n", l.trim_end())).collect();
    assert_eq!(String::from_utf8(plain).unwrap(), expected, "write_plain differs (input {md:?}, width {width})");
}

// ---------------------------------------------------------------- streaming

#[test]
fn streaming_stops_at_the_first_write_error() {
    let md = "para\n\n".repeat(50_000);
    let mut calls = 0;
    let result = render_each(&md, 80, &MdTheme::plain(), &mut |_| {
        calls += 1;
        if calls == 3 { Err(std::io::Error::new(std::io::ErrorKind::BrokenPipe, "closed")) } else { Ok(()) }
    });
    assert_eq!(result.unwrap_err().kind(), std::io::ErrorKind::BrokenPipe);
    assert!(calls < 10, "went on after the error: {calls} calls");

    struct Closed(usize);
    impl std::io::Write for Closed {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            self.0 += 1;
            Err(std::io::Error::new(std::io::ErrorKind::BrokenPipe, "closed"))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut out = Closed(0);
    assert_eq!(write_plain(&md, 80, &mut out).unwrap_err().kind(), std::io::ErrorKind::BrokenPipe);
    assert_eq!(out.0, 1, "one failed write, then no more");
}

// ---------------------------------------------------------------- elements

#[test]
fn heading_shows_text_without_marks_with_blank_lines_around() {
    assert_eq!(lines_at("Intro\n# Title\nText", 80), ["Intro", "", "Title", "", "Text"]);
}

#[test]
fn heading_styles_by_level() {
    let r = mono("# One\n\n## Two\n\n### Three\n\n#### Four", 80);
    let h1 = style_of(&r, "One");
    assert!(has(h1, Modifier::BOLD) && has(h1, Modifier::UNDERLINED));
    let h2 = style_of(&r, "Two");
    assert!(has(h2, Modifier::BOLD) && !has(h2, Modifier::UNDERLINED));
    for h in ["Three", "Four"] {
        let s = style_of(&r, h);
        assert!(has(s, Modifier::BOLD) && has(s, Modifier::ITALIC));
    }
}

#[test]
fn paragraphs_are_separated_by_one_blank_line() {
    assert_eq!(lines_at("one\n\n\n\ntwo\n\nthree", 80), ["one", "", "two", "", "three"]);
}

#[test]
fn inline_styles() {
    let r = mono("a **bold** *it* ~~gone~~ `code` z", 80);
    assert_eq!(line_to_string(&r.lines[0]), "a bold it gone code z");
    assert!(has(style_of(&r, "bold"), Modifier::BOLD));
    assert!(has(style_of(&r, "it"), Modifier::ITALIC));
    assert!(has(style_of(&r, "gone"), Modifier::CROSSED_OUT));
    assert_eq!(style_of(&r, "code"), MdTheme::monochrome().code);
}

#[test]
fn styles_merge_across_nesting() {
    let r = mono("- **bold [link *deep*](t)**", 80);
    let deep = style_of(&r, "deep");
    assert!(has(deep, Modifier::BOLD));
    assert!(has(deep, Modifier::UNDERLINED));
    assert!(has(deep, Modifier::ITALIC));
}

#[test]
fn themes() {
    let md = "# H\n\n> **b** *i* ~~s~~ `c` [l](t)\n\n- x\n\n| a |\n|---|\n| b |\n\n---";
    let plain = render(md, 80, &MdTheme::plain());
    assert!(plain.lines.iter().flat_map(|l| l.spans.iter()).all(|s| s.style == Style::default()));
    let mono = mono(md, 80);
    assert!(mono.lines.iter().flat_map(|l| l.spans.iter()).all(|s| s.style.fg.is_none() && s.style.bg.is_none()));
    let color = render(md, 80, &MdTheme::color());
    assert!(color.lines.iter().flat_map(|l| l.spans.iter()).any(|s| s.style.fg.is_some()));
    assert!(has(style_of(&color, "s"), Modifier::CROSSED_OUT));
}

#[test]
fn same_style_spans_are_merged() {
    let r = render("one two three", 80, &MdTheme::plain());
    assert_eq!(r.lines[0].spans.len(), 1);
}

#[test]
fn bullets_by_level() {
    assert_eq!(lines_at("- a\n  - b\n    - c\n      - d\n- e", 80), ["• a", "  ◦ b", "    ▪ c", "      ▪ d", "• e"]);
}

#[test]
fn numbered_list_honours_start() {
    assert_eq!(
        lines_at("3. a\n1. b\n\n---\n\n1. x\n1. y", 80),
        [
            "3. a",
            "4. b",
            "",
            "────────────────────────────────────────────────────────────────────────────────",
            "",
            "1. x",
            "2. y"
        ]
    );
}

#[test]
fn loose_list_items_are_separated() {
    assert_eq!(lines_at("- a\n\n- b", 80), ["• a", "", "• b"]);
}

#[test]
fn list_then_paragraph() {
    assert_eq!(lines_at("- a\n- b\n\nafter", 80), ["• a", "• b", "", "after"]);
}

#[test]
fn hanging_indent_for_wrapped_items() {
    assert_eq!(lines_at("- one two three four five six", 12), ["• one two", "  three four", "  five six"]);
    assert_eq!(lines_at("10. alpha beta gamma", 12), ["10. alpha", "    beta", "    gamma"]);
    assert_eq!(lines_at("- a\n  - one two three four", 12), ["• a", "  ◦ one two", "    three", "    four"]);
}

#[test]
fn task_list_markers() {
    assert_eq!(lines_at("- [ ] open\n- [x] done", 80), ["• [ ] open", "• [x] done"]);
}

#[test]
fn empty_item_shows_its_marker() {
    assert_eq!(lines_at("-\n- b", 80), ["•", "• b"]);
}

#[test]
fn quote_bar_on_every_wrapped_line() {
    assert_eq!(
        lines_at("> one two three four five six seven", 12),
        ["│ one two", "│ three four", "│ five six", "│ seven"]
    );
    assert_eq!(lines_at("> > one two three four", 10), ["│ │ one", "│ │ two", "│ │ three", "│ │ four"]);
    assert_eq!(lines_at("> a\n>\n> b", 80), ["│ a", "│", "│ b"]);
}

#[test]
fn quote_with_list_inside() {
    assert_eq!(lines_at("> - one two three", 10), ["│ • one", "│   two", "│   three"]);
}

#[test]
fn code_block_indented_and_wrapped_with_continuation_mark() {
    assert_eq!(
        lines_at("```\nabcdefghijkl\n    x = 1\n\nend\n```", 8),
        ["  abcdef", "↪ ghijkl", "      x ", "↪ = 1", "", "  end"]
    );
    let r = mono("```\ncode\n```", 80);
    assert_eq!(style_of(&r, "code"), MdTheme::monochrome().code);
}

#[test]
fn code_block_in_list_item() {
    assert_eq!(lines_at("- item\n\n  ```\n  code\n  ```", 80), ["• item", "", "    code"]);
    assert_eq!(lines_at("- ```\n  code\n  ```", 80), ["•   code"]);
}

#[test]
fn code_tabs_become_spaces() {
    assert_eq!(lines_at("```\n\tx\n```", 80), ["      x"]);
}

#[test]
fn link_target_is_shown() {
    let md = "Ask your care team [care team](palliative-care#what-palliative-care-is).";
    assert_eq!(lines_at(md, 80), ["Ask your care team care team [→ palliative-care#what-palliative-care-is]."]);
    let r = mono(md, 80);
    assert_eq!(
        r.links,
        [LinkRef { target: "palliative-care#what-palliative-care-is".into(), text: "care team".into(), line: 0 }]
    );
    assert_eq!(style_of(&r, "care team"), MdTheme::monochrome().link);
    assert!(has(style_of(&r, "[→ palliative-care#what-palliative-care-is]"), Modifier::DIM));
}

/// The words the tutor gives for two targets.
fn titles(target: &str) -> Option<String> {
    match target {
        "treatment#goals" => Some("Treatment: Goals of treatment".into()),
        "app:body-map" => Some("Body map".into()),
        _ => None,
    }
}

fn titled_at(md: &str, width: u16) -> Vec<String> {
    render_titled(md, width, &MdTheme::plain(), &titles).lines.iter().map(line_to_string).collect()
}

#[test]
fn titled_link_targets_show_words_or_just_the_arrow() {
    let md = "See [goals](treatment#goals), the [body map](app:body-map) and [web](https://a.org).";
    assert_eq!(
        titled_at(md, 200),
        ["See goals [→ Treatment: Goals of treatment], the body map [→] and web [→ https://a.org]."]
    );
}

#[test]
fn a_link_target_goes_whole_onto_the_next_line_when_it_fits_in_one() {
    let md = "You can read about this in the [goals](treatment#goals) part.";
    assert_eq!(titled_at(md, 40), ["You can read about this in the goals", "[→ Treatment: Goals of treatment] part."]);
    // Wider than a line: on a line of its own, broken at spaces only, no word cut.
    assert_eq!(
        titled_at(md, 14),
        ["You can read", "about this in", "the goals", "[→ Treatment:", "Goals of", "treatment]", "part."]
    );
    // A list item keeps its hanging indent.
    assert_eq!(
        titled_at("- Read about this in [goals](treatment#goals).", 40),
        ["• Read about this in goals", "  [→ Treatment: Goals of treatment]."]
    );
}

#[test]
fn link_spans_cover_each_link_and_its_target_on_every_line() {
    let spans_of = |md: &str, width: u16| {
        let r = render_titled(md, width, &MdTheme::plain(), &titles);
        r.link_spans
            .iter()
            .map(|s| (s.link, s.line, line_to_string(&r.lines[s.line])[s.range.clone()].to_string()))
            .collect::<Vec<_>>()
    };
    let md = "See [goals](treatment#goals) or the [body map](app:body-map).";
    assert_eq!(
        spans_of(md, 80),
        [(0, 0, "goals [→ Treatment: Goals of treatment]".to_string()), (1, 0, "body map [→]".to_string())]
    );
    assert_eq!(
        spans_of(md, 24),
        [
            (0, 0, "goals".to_string()),
            (0, 1, "[→ Treatment: Goals of".to_string()),
            (0, 2, "treatment]".to_string()),
            (1, 2, "body".to_string()),
            (1, 3, "map [→]".to_string())
        ],
        "a target wider than the line starts a line and wraps like words"
    );
    // In a quote, after its bar; in a table cell, where the cell is.
    assert_eq!(spans_of("> a [body map](app:body-map)", 80), [(0, 0, "body map [→]".to_string())]);
    let table = "| a | b |\n|---|---|\n| x | [body map](app:body-map) |";
    assert_eq!(spans_of(table, 80), [(0, 2, "body map [→]".to_string())]);
    assert_eq!(spans_of(table, 14), [(0, 2, "body map".to_string()), (0, 3, "[→]".to_string())], "wrapped in its cell");
    assert_eq!(
        spans_of(table, 6),
        [(0, 2, "body".to_string()), (0, 3, "map".to_string()), (0, 4, "[→]".to_string())],
        "as a list"
    );
}

#[test]
fn autolink_target_not_repeated() {
    assert_eq!(lines_at("<https://example.org> <me@example.org>", 80), ["https://example.org me@example.org"]);
}

#[test]
fn link_lines_point_at_link_text() {
    let r = render("a\n\nb [x](y)\n\nc d e f g h [z](w)", 6, &MdTheme::plain());
    let text: Vec<String> = r.lines.iter().map(line_to_string).collect();
    assert_eq!(r.links.len(), 2);
    assert_eq!(r.links[0].line, 2);
    assert!(text[r.links[0].line].contains('x'));
    assert!(text[r.links[1].line].contains('z'), "{text:?} {:?}", r.links);
}

#[test]
fn image_shows_alt_text() {
    assert_eq!(lines_at("![a body map](map.png)", 80), ["[image: a body map]"]);
}

#[test]
fn html_is_shown_as_text() {
    assert_eq!(lines_at("<div>\n*hi*\n</div>\n\na <b>b</b>", 80), ["<div>", "*hi*", "</div>", "", "a <b>b</b>"]);
}

#[test]
fn soft_and_hard_breaks() {
    assert_eq!(lines_at("a\nb", 80), ["a b"]);
    assert_eq!(lines_at("a  \nb", 80), ["a", "b"]);
    assert_eq!(lines_at("a\\\nb", 80), ["a", "b"]);
}

#[test]
fn rule_spans_the_width() {
    assert_eq!(lines_at("a\n\n---\n\nb", 10), ["a", "", "──────────", "", "b"]);
    assert_eq!(lines_at("> ***", 10), ["│ ────────"]);
}

const TABLE: &str = "\
| Symptom | Spread site | What helps |
|---|:---:|--:|
| Shortness of breath | Lungs | Oxygen, fans |
| Bone pain | Bones | Radiotherapy |
";

#[test]
fn table_fits_at_80() {
    assert_eq!(
        lines_at(TABLE, 80),
        [
            "Symptom             │ Spread site │   What helps",
            "────────────────────┼─────────────┼─────────────",
            "Shortness of breath │    Lungs    │ Oxygen, fans",
            "Bone pain           │    Bones    │ Radiotherapy",
        ]
    );
    let r = mono(TABLE, 80);
    assert!(has(style_of(&r, "Spread site"), Modifier::BOLD));
}

#[test]
fn table_shrinks_and_wraps_cells() {
    let lines = lines_at(TABLE, 44);
    assert_eq!(
        lines,
        [
            "Symptom           │  Spread   │   What helps",
            "                  │   site    │",
            "──────────────────┼───────────┼─────────────",
            "Shortness of      │   Lungs   │ Oxygen, fans",
            "breath            │           │",
            "──────────────────┼───────────┼─────────────",
            "Bone pain         │   Bones   │ Radiotherapy",
        ]
    );
}

#[test]
fn table_falls_back_to_list_at_20() {
    assert_eq!(
        lines_at(TABLE, 20),
        [
            "Symptom: Shortness",
            "of breath",
            "Spread site: Lungs",
            "What helps: Oxygen,",
            "fans",
            "",
            "Symptom: Bone pain",
            "Spread site: Bones",
            "What helps:",
            "Radiotherapy",
        ]
    );
}

#[test]
fn table_links_get_row_lines() {
    let md = "| a | b |\n|---|---|\n| x | [go](there) |\n| y | z |";
    let r = render(md, 80, &MdTheme::plain());
    assert_eq!(r.links[0].line, 2);
    let r = render(md, 1, &MdTheme::plain());
    let text: Vec<String> = r.lines.iter().map(line_to_string).collect();
    assert_eq!(text[r.links[0].line], "g");
}

// ---------------------------------------------------------------- wrapping

#[test]
fn wraps_at_80_20_and_1() {
    let md = "Metastatic cancer is cancer that has spread from where it started to another part of the body.";
    assert_eq!(
        lines_at(md, 80),
        ["Metastatic cancer is cancer that has spread from where it started to another", "part of the body.",]
    );
    assert_eq!(
        lines_at(md, 20),
        ["Metastatic cancer is", "cancer that has", "spread from where it", "started to another", "part of the body.",]
    );
    assert_eq!(lines_at("ab cd", 1), ["a", "b", "c", "d"]);
    assert_eq!(lines_at("ab cd", 0), ["a", "b", "c", "d"], "width 0 is 1");
}

#[test]
fn long_words_break_by_grapheme() {
    assert_eq!(lines_at("abcdefghij", 4), ["abcd", "efgh", "ij"]);
    assert_eq!(lines_at("e\u{301}e\u{301}e\u{301}", 2), ["e\u{301}e\u{301}", "e\u{301}"]);
}

#[test]
fn cjk_and_emoji_wrap_by_width() {
    assert_eq!(lines_at("你好世界 你好", 5), ["你好", "世界", "你好"]);
    assert_eq!(lines_at("😀😀😀 ok", 4), ["😀😀", "😀", "ok"]);
    // a ZWJ family is one 2-column cluster: never split
    let family = "👨\u{200d}👩\u{200d}👧";
    assert_eq!(lines_at(&format!("{family}{family}"), 3), [family, family]);
    // at width 1 a wide character is alone on its line (the one allowed overflow)
    assert_eq!(lines_at("你好", 1), ["你", "好"]);
    check_invariants("你好 😀 > 你好\n\n- 你好", 1);
}

#[test]
fn tiny_widths_drop_indentation() {
    let md = "> > > - 1. deeply nested words here\n\n  ```\n  code line\n  ```";
    for width in 1..=12 {
        let r = check_invariants(md, width);
        assert!(!r.lines.is_empty());
    }
    assert_eq!(lines_at("> quoted", 5), ["│ quo", "│ ted"]);
    assert_eq!(lines_at("> quoted", 3), ["quo", "ted"], "no room for the bar");
    assert_eq!(lines_at("> ab", 2), ["ab"]);
}

#[test]
fn wrap_text_plain() {
    assert_eq!(wrap_text("the quick brown fox", 10), ["the quick", "brown fox"]);
    assert_eq!(wrap_text("a\n\nb", 10), ["a", "", "b"]);
    assert_eq!(wrap_text("abc", 0), ["a", "b", "c"]);
    assert_eq!(wrap_text("tab\there\x1b[0m", 80), ["tab    here[0m"]);
    assert!(wrap_text("", 10).is_empty());
}

#[test]
fn simple_characters_are_one_column() {
    // the plain-line shortcut counts one column per character in these ranges
    let simple = ('\u{a0}'..='\u{2ff}')
        .filter(|&c| c != '\u{ad}')
        .chain(('\u{2010}'..='\u{2027}').filter(|c| !"‘’“”".contains(*c)));
    for c in simple {
        assert_eq!(display_width(c.encode_utf8(&mut [0; 4])), 1, "{c:?}");
    }
}

#[test]
fn display_width_counts_columns() {
    assert_eq!(display_width("abc"), 3);
    assert_eq!(display_width("你好"), 4);
    assert_eq!(display_width("😀"), 2);
    assert_eq!(display_width("e\u{301}"), 1);
}

// ---------------------------------------------------------------- anchors, offsets

#[test]
fn slugify_cases() {
    assert_eq!(slugify("T, N and M"), "t-n-and-m");
    assert_eq!(slugify("What 'distant' means"), "what-distant-means");
    assert_eq!(slugify("  --Hello--  World--  "), "hello-world");
    assert_eq!(slugify("Émile Zola"), "émile-zola");
    assert_eq!(slugify("数字 2"), "数字-2");
    assert_eq!(slugify("a_b.c"), "abc");
    assert_eq!(slugify("?!"), "");
}

/// A pack in another language keeps the English anchors: `## Remisión {#remission}`.
#[test]
fn a_heading_can_name_its_own_anchor_and_the_braces_are_not_shown() {
    let r = render(
        "# Estadificación\n\n## Remisión {#remission}\n\n## Qué es {#what-it-is}\n\n## Sin id\n",
        80,
        &MdTheme::plain(),
    );
    let anchors: Vec<(&str, &str)> = r.anchors.iter().map(|a| (a.slug.as_str(), a.title.as_str())).collect();
    assert_eq!(
        anchors,
        [
            ("estadificación", "Estadificación"),
            ("remission", "Remisión"),
            ("what-it-is", "Qué es"),
            ("sin-id", "Sin id")
        ]
    );
    let text: String = r.lines.iter().map(line_to_string).collect::<Vec<_>>().join("\n");
    assert!(!text.contains('{') && !text.contains("#remission"), "{text}");
}

#[test]
fn duplicate_headings_get_suffixes() {
    let r = render("# A\n# A\n# A-1\n# A", 80, &MdTheme::plain());
    let slugs: Vec<&str> = r.anchors.iter().map(|a| a.slug.as_str()).collect();
    assert_eq!(slugs, ["a", "a-1", "a-1-1", "a-2"]);
}

#[test]
fn anchors_point_at_heading_lines() {
    let md = "Intro text that is long enough to wrap.\n\n# First heading\n\nBody\n\n- item\n\n  ## In a list\n\n### `code` *title*\n\n#";
    for width in [80, 10, 3] {
        let r = render(md, width, &MdTheme::plain());
        let text: Vec<String> = r.lines.iter().map(line_to_string).collect();
        assert_eq!(r.anchors.len(), 4);
        assert_eq!(r.anchors[0].title, "First heading");
        assert_eq!(r.anchors[0].level, 1);
        assert_eq!(r.anchors[2].slug, "code-title");
        assert_eq!(r.anchors[2].level, 3);
        for a in &r.anchors[..3] {
            let first_word: String = a.title.chars().take_while(|c| *c != ' ').collect();
            let first_piece: String = first_word.chars().take(usize::from(width) - 2).collect();
            assert!(text[a.line].contains(&first_piece), "{a:?} → {:?} at {width}", text[a.line]);
            if width == 80 {
                assert!(text[a.line].ends_with(&a.title));
            }
        }
        // the empty heading still has a line of its own
        assert_eq!(r.anchors[3].line, r.lines.len() - 1);
    }
}

#[test]
fn source_offsets_follow_blocks() {
    let md = "# Head\n\npara one\n\n- item\n\n```\nl1\nl2\n```\n";
    let r = render(md, 80, &MdTheme::plain());
    let text: Vec<String> = r.lines.iter().map(line_to_string).collect();
    assert_eq!(text, ["Head", "", "para one", "", "• item", "", "  l1", "  l2"]);
    assert_eq!(r.source_offsets.len(), r.lines.len());
    assert_eq!(r.source_offsets[0], 0);
    assert_eq!(r.source_offsets[2], md.find("para").unwrap());
    assert_eq!(r.source_offsets[4], md.find("- item").unwrap());
    assert_eq!(r.source_offsets[6], md.find("l1").unwrap());
    assert_eq!(r.source_offsets[7], md.find("l2").unwrap());
}

#[test]
fn reading_position_survives_a_width_change() {
    let md = format!("{TABLE}\n# Where it spreads\n\n{}", "word ".repeat(200));
    let wide = render(&md, 80, &MdTheme::plain());
    let top = wide.anchors[0].line;
    let saved = wide.source_offsets[top];
    let narrow = render(&md, 20, &MdTheme::plain());
    let restored = narrow.source_offsets.iter().position(|&o| o >= saved).unwrap();
    assert_eq!(line_to_string(&narrow.lines[restored]), "", "the blank line before the heading");
    assert_eq!(line_to_string(&narrow.lines[restored + 1]), "Where it spreads");
}

// ---------------------------------------------------------------- sanitizing

#[test]
fn sanitize_removes_controls() {
    assert_eq!(sanitize("\x1b[31mred\x1b[0m"), "[31mred[0m");
    assert_eq!(sanitize("\x1b]0;title\x07x"), "]0;titlex");
    assert_eq!(sanitize("a\u{9b}31mb\u{85}c"), "a31mbc");
    assert_eq!(sanitize("bs\x08 del\x7f nul\0"), "bs del nul");
    assert_eq!(sanitize("\u{202e}evil\u{202c} \u{2066}x\u{2069} \u{200e}\u{200f}\u{61c}y"), "evil x y");
    assert_eq!(sanitize("a\tb"), "a    b");
    assert_eq!(sanitize("a\r\nb\nc\rd"), "a b c d");
    assert_eq!(sanitize_multiline("a\r\nb\nc\rd\u{2028}e"), "a\nb\nc\nd\ne");
    assert!(matches!(sanitize("clean “text” ünïcödé"), Cow::Borrowed(_)));
    // break hints terminals show 0 or 1 column wide: gone, so widths count right
    assert_eq!(sanitize("ex\u{ad}tra wo\u{200b}rd"), "extra word");
    assert!(matches!(sanitize("\u{ac}\u{ae} \u{200a}\u{200c}"), Cow::Borrowed(_)));
}

#[test]
fn no_control_characters_reach_the_output() {
    let md = "# T\x1b[2Jitle\u{202e}\n\npara \x07 bel \u{9b}c1\r\n\n```\ncode\x1b[31m\t\x08\n```\n\n\
              [li\x1bnk](tar&#27;get) ![al\x1bt](x) <b\x1b>html</b>\n\n<div\x1b>\n\x1b]0;x\x07\n</div>\n\n\
              | h\x1b | k |\n|---|---|\n| c\x07 | d |";
    for width in [1, 20, 80] {
        let r = check_invariants(md, width);
        assert_eq!(r.links[0].target, "target");
        assert_eq!(r.links[0].text, "link");
        assert_eq!(r.anchors[0].title, "T[2Jitle");
    }
}

#[test]
fn footnotes_and_odd_input_do_not_panic() {
    for md in ["[^1]\n\n[^1]: note", "", "\n\n\n", "#", ">", "-", "```", "|a|\n|-|", "\0"] {
        check_invariants(md, 10);
    }
    // without the footnote extension "[^1]: note" is a link reference definition
    assert_eq!(lines_at("x[^1]\n\n[^1]: note", 80), ["x^1 [→ note]"]);
    assert_eq!(lines_at("x[^2]", 80), ["x[^2]"]);
    assert!(lines_at("", 80).is_empty());
}

#[test]
fn large_inputs_stay_linear() {
    // would take minutes if anything were quadratic in these
    let long_word = "x".repeat(200_000);
    assert_eq!(render(&long_word, 80, &MdTheme::plain()).lines.len(), 2500);
    let deep = ">".repeat(5_000) + " a\n";
    check_invariants(&deep, 40);
    let many = "- a\n".repeat(20_000);
    assert_eq!(render(&many, 80, &MdTheme::plain()).lines.len(), 20_000);
}

// ---------------------------------------------------------------- properties

const TOKENS: &[&str] = &[
    "# ",
    "## ",
    "#### ",
    "- ",
    "* ",
    "1. ",
    "7) ",
    "> ",
    "```\n",
    "~~~",
    "    ",
    "\n",
    "\n\n",
    " ",
    "  \n",
    "\\\n",
    "|",
    "| a | b |\n|---|:-:|\n",
    "| c | d |\n",
    "*",
    "**",
    "_",
    "`",
    "~~",
    "[",
    "](",
    ")",
    "](x#y)",
    "<",
    ">",
    "!",
    "![",
    "word",
    "more words here",
    "Ω",
    "longwordlongwordlongwordlongword",
    "你好世界",
    "😀",
    "👨\u{200d}👩\u{200d}👧",
    "e\u{301}",
    "\t",
    "\x1b[31m",
    "\u{9b}",
    "\u{202e}",
    "\r\n",
    "\r",
    "&amp;",
    "&#27;",
    "<div>",
    "</div>",
    "<b>",
    "- [ ] ",
    "- [x] ",
    "---\n",
    "***",
    "\u{17d8}",
    "\u{644}\u{627}",
    "[^1]",
    "<http://a.b>",
];

fn markdownish() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TOKENS), 0..60).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn any_string_keeps_invariants(md in any::<String>(), width in 1u16..200) {
        check_invariants(&md, width);
    }

    #[test]
    fn markdownish_keeps_invariants(md in markdownish(), width in 1u16..200) {
        check_invariants(&md, width);
    }

    #[test]
    fn wrap_text_fits(text in any::<String>(), width in 0usize..100) {
        for line in wrap_text(&text, width) {
            prop_assert!(!line.chars().any(is_unsafe_char));
            let w = display_width(&line);
            prop_assert!(w <= width.max(1) || line.chars().filter(|c| display_width(c.encode_utf8(&mut [0; 4])) > 0).count() == 1,
                "{line:?} at {width}");
        }
    }

    #[test]
    fn plain_line_shortcut_breaks_like_word_by_word(
        text in "([a-z]{1,12}|[ ]{1,3}|日本|e\u{301}|\n|\\.|\u{a0}|é|—|‘|\u{ad}|\u{2c6}\u{300}|•){0,80}",
        width in 1usize..40,
    ) {
        use super::inline::Inline;
        use super::wrap::{StringSink, WrapBufs, wrap_words_with};
        let mut inline = Inline::default();
        inline.push_with(&text, Style::default(), super::sanitize::Newlines::Keep);
        let run = |fast| {
            let mut sink = StringSink(Vec::new());
            wrap_words_with(&inline, width, &mut sink, &mut WrapBufs::default(), fast);
            sink.0
        };
        prop_assert_eq!(run(true), run(false));
    }

    #[test]
    fn kept_ranges_break_the_same_either_way_and_stay_whole(
        words in prop::collection::vec("[a-z]{1,9}|日本|é—", 1..30),
        kept in prop::collection::vec(any::<bool>(), 30),
        width in 1usize..40,
    ) {
        use super::inline::Inline;
        use super::wrap::{StringSink, WrapBufs, wrap_words_with};
        let mut inline = Inline::default();
        // each kept range is three words from a word start
        let mut starts = Vec::new();
        for (i, word) in words.iter().enumerate() {
            if i > 0 {
                inline.push(" ", Style::default());
            }
            starts.push(inline.text.len());
            inline.push(word, Style::default());
        }
        let mut i = 0;
        while i < words.len() {
            if kept[i] {
                let end = (i + 3).min(words.len());
                let stop = starts[end - 1] + words[end - 1].len();
                inline.keep.push(starts[i]..stop);
                i = end;
            } else {
                i += 1;
            }
        }
        let run = |fast| {
            let mut sink = StringSink(Vec::new());
            wrap_words_with(&inline, width, &mut sink, &mut WrapBufs::default(), fast);
            sink.0
        };
        let lines = run(true);
        prop_assert_eq!(&lines, &run(false));
        for range in &inline.keep {
            let kept = &inline.text[range.clone()];
            if display_width(kept) <= width {
                prop_assert!(lines.iter().any(|l| l.contains(kept)), "{kept:?} broken at {width}: {lines:?}");
            }
        }
    }

    #[test]
    fn sanitize_leaves_nothing_unsafe(text in any::<String>()) {
        prop_assert!(!sanitize(&text).chars().any(|c| is_unsafe_char(c) || c == '\t'));
        prop_assert!(!sanitize_multiline(&text).chars().any(|c| c != '\n' && is_unsafe_char(c)));
    }
}

// ---------------------------------------------------------------- corpus

fn spec_text() -> Option<String> {
    [
        concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/testdata/commonmark-spec.txt"),
        "/work/shared/testdata/commonmark-spec.txt",
    ]
    .iter()
    .find_map(|p| std::fs::read_to_string(p).ok())
}

/// The Markdown of each example: between "```````````````````````````````` example"
/// and ".", with "→" standing for a tab.
fn spec_examples(spec: &str) -> Vec<String> {
    let fence = "`".repeat(32);
    let open = format!("{fence} example");
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for line in spec.lines() {
        match &mut current {
            None if line == open => current = Some(String::new()),
            Some(md) if line == "." => {
                out.push(md.replace('→', "\t"));
                current = None;
            }
            Some(md) => {
                md.push_str(line);
                md.push('\n');
            }
            None => {}
        }
    }
    out
}

/// Words (alphanumeric runs) of the text and code events, in document order.
fn source_words(md: &str) -> (Vec<String>, bool) {
    let mut words = Vec::new();
    let mut has_table = false;
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    options.insert(Options::ENABLE_TASKLISTS);
    for event in Parser::new_ext(md, options) {
        match event {
            Event::Text(t) | Event::Code(t) => {
                words.extend(t.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_owned))
            }
            Event::Start(Tag::Table(_)) => has_table = true,
            _ => {}
        }
    }
    (words, has_table)
}

#[test]
fn commonmark_spec_corpus() {
    let Some(spec) = spec_text() else {
        eprintln!("commonmark-spec.txt not found: corpus test skipped");
        return;
    };
    let examples = spec_examples(&spec);
    assert!(examples.len() > 600, "found {} examples", examples.len());
    for md in &examples {
        let (words, has_table) = source_words(md);
        for width in [1u16, 20, 80] {
            let r = check_invariants(md, width);
            // all alphanumerics of the output, in order: wrapped words join up again
            let stream: String = r
                .lines
                .iter()
                .flat_map(|l| l.spans.iter())
                .flat_map(|s| s.content.chars())
                .filter(|c| c.is_alphanumeric())
                .collect();
            let mut from = 0;
            for word in &words {
                match stream[from..].find(word.as_str()) {
                    Some(at) => from += at + word.len(),
                    // table cells sit side by side, so their words interleave
                    None if has_table => assert!(stream.contains(word.as_str())),
                    None => panic!("word {word:?} lost at width {width} in {md:?}\n{stream}"),
                }
            }
        }
    }
}
