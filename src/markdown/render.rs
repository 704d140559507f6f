//! One pass over pulldown-cmark events → width-aware lines.
//!
//! Inline content is gathered per block and wrapped when the block ends; containers
//! (quotes, list items) supply each line's prefix. Blank lines are owed after a block
//! and paid when the next one starts, so the output never ends with one.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Parser, Tag, TagEnd};
use ratatui::style::Style;
use ratatui::text::Span;

use super::inline::Inline;
use super::out::{Emit, Out, OutSink};
use super::prefix::{Containers, Plan, budget, trimmed};
use super::sanitize::{Newlines, push_sanitized, sanitize};
use super::slug::{Slugger, anchor_of};
use super::table::{Row, Table, separator};
use super::theme::MdTheme;
use super::wrap::{WrapBufs, wrap_hard, wrap_words};
use super::{Anchor, Linear, LinkRef, LinkTitles, Rendered};
use crate::words::t;

const CODE_INDENT: &str = "  ";
const CODE_CONTINUED: &str = "↪ ";
/// A rule in linear output: short, and read aloud as what it is.
const LINEAR_RULE: &str = "---";

pub(super) fn render(
    markdown: &str,
    width: u16,
    theme: &MdTheme,
    linear: Option<&Linear>,
    titles: Option<LinkTitles>,
) -> Rendered {
    let mut r = Renderer::new(usize::from(width).max(1), theme, Out::default(), linear);
    r.titles = titles;
    // a guess at the line count, to spare regrowing two large vectors
    let guess = markdown.len() / 24;
    r.out.lines.reserve(guess);
    r.out.offsets.reserve(guess);
    for (event, range) in Parser::new_ext(markdown, super::slug::options()).into_offset_iter() {
        r.event(event, range);
    }
    r.finish()
}

/// Render, handing each line to `emit` as soon as it is made; nothing is kept.
/// Stops early when `emit` says so. With `linear`, the lines are for plain output.
pub(super) fn stream(markdown: &str, width: u16, theme: &MdTheme, linear: Option<&Linear>, emit: &mut dyn Emit) {
    let mut r = Renderer::new(usize::from(width).max(1), theme, Out::streaming(emit), linear);
    for (event, range) in Parser::new_ext(markdown, super::slug::options()).into_offset_iter() {
        if r.out.stopped {
            return;
        }
        r.event(event, range);
    }
    r.flush();
}

/// "the staging explorer" says nothing more than a link reading "staging explorer".
fn same_words(a: &str, b: &str) -> bool {
    let bare = |s: &str| {
        let s = s.trim();
        let lower = s.to_lowercase();
        match lower.strip_prefix("the ") {
            Some(rest) => rest.to_string(),
            None => lower,
        }
    };
    bare(a) == bare(b)
}

#[derive(Default)]
struct CodeBlock {
    text: String,
    /// `(position in text, source offset)` of each text event.
    starts: Vec<(usize, usize)>,
}

struct Renderer<'t, 'e> {
    theme: &'t MdTheme,
    /// Plain, linear output: no grids or bars, link targets in words.
    linear: Option<&'t Linear<'t>>,
    /// Words for link targets on screen (else the targets as written).
    titles: Option<LinkTitles<'t>>,
    width: usize,
    budget: usize,
    out: Out<'e>,
    anchors: Vec<Anchor>,
    links: Vec<LinkRef>,
    link_placed: Vec<bool>,
    slugger: Slugger,
    containers: Containers,
    /// One entry per open tag: the style its content gets.
    styles: Vec<Style>,
    inline: Inline,
    /// Source offset of the block whose inline content is being gathered.
    block_offset: usize,
    /// A blank line is owed before the next block.
    need_blank: bool,
    heading: Option<(HeadingLevel, String)>,
    /// The open heading's own `{#id}`, if it names one.
    heading_id: Option<String>,
    open_links: Vec<usize>,
    /// Inside a code block; its text gathers in `code` (buffers reused).
    in_code: bool,
    code: CodeBlock,
    table: Option<Table>,
    cells: Vec<Inline>,
    in_head: bool,
    wrap_bufs: WrapBufs,
    line_buf: String,
    prefix_first: Vec<Span<'static>>,
    prefix_rest: Vec<Span<'static>>,
}

impl<'t, 'e> Renderer<'t, 'e> {
    fn new(width: usize, theme: &'t MdTheme, out: Out<'e>, linear: Option<&'t Linear<'t>>) -> Self {
        let mut containers = Containers::new(theme.quote, theme.list_marker, theme.rule);
        if linear.is_some() {
            containers.use_plain_quote_marks();
        }
        Renderer {
            heading_id: None,
            theme,
            linear,
            titles: None,
            width,
            budget: budget(width),
            out,
            anchors: Vec::new(),
            links: Vec::new(),
            link_placed: Vec::new(),
            slugger: Slugger::default(),
            containers,
            styles: Vec::new(),
            inline: Inline::default(),
            block_offset: 0,
            need_blank: false,
            heading: None,
            open_links: Vec::new(),
            in_code: false,
            code: CodeBlock::default(),
            table: None,
            cells: Vec::new(),
            in_head: false,
            wrap_bufs: WrapBufs::default(),
            line_buf: String::new(),
            prefix_first: Vec::new(),
            prefix_rest: Vec::new(),
        }
    }

    fn style(&self) -> Style {
        self.styles.last().copied().unwrap_or_default()
    }

    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => {
                let style = self.start(tag, range.start);
                self.styles.push(style);
            }
            Event::End(tag) => {
                self.end(tag);
                self.styles.pop();
            }
            Event::Text(text) => self.text(&text, range.start),
            Event::Code(text) | Event::InlineMath(text) | Event::DisplayMath(text) => {
                self.capture(&text);
                let style = self.style().patch(self.theme.code);
                self.inline.push(&text, style);
            }
            Event::Html(text) => {
                // raw HTML is shown as text, line by line, never interpreted
                let style = self.style();
                self.inline.push_with(&text, style, Newlines::Keep);
            }
            Event::InlineHtml(text) => {
                let style = self.style();
                self.inline.push(&text, style);
            }
            Event::FootnoteReference(label) => {
                let style = self.style();
                self.inline.push("[^", style);
                self.inline.push(&label, style);
                self.inline.push("]", style);
            }
            Event::SoftBreak => {
                self.capture(" ");
                let style = self.style();
                self.inline.push(" ", style);
            }
            Event::HardBreak => {
                self.capture(" ");
                let style = self.style();
                self.inline.hard_break(style);
            }
            Event::Rule => {
                self.begin_block(range.start);
                self.rule();
                self.need_blank = true;
            }
            Event::TaskListMarker(done) => {
                let style = self.style().patch(self.theme.list_marker);
                self.inline.push(if done { "[x] " } else { "[ ] " }, style);
            }
        }
    }

    /// Handle a start tag; returns the style for its content.
    fn start(&mut self, tag: Tag<'_>, offset: usize) -> Style {
        let style = self.style();
        let theme = self.theme;
        match tag {
            Tag::Paragraph => {
                self.begin_block(offset);
                self.containers.note_paragraph();
            }
            Tag::Heading { level, id, .. } => {
                self.begin_block(offset);
                self.heading = Some((level, String::new()));
                self.heading_id = id.map(|id| id.to_string());
                return style.patch(match level {
                    HeadingLevel::H1 => theme.h1,
                    HeadingLevel::H2 => theme.h2,
                    _ => theme.h3,
                });
            }
            Tag::BlockQuote(_) => {
                self.begin_block(offset);
                self.containers.push_quote();
                return style.patch(theme.quote);
            }
            Tag::CodeBlock(_) | Tag::MetadataBlock(_) => {
                self.begin_block(offset);
                self.in_code = true;
                self.code.text.clear();
                self.code.starts.clear();
            }
            Tag::List(start) => {
                self.begin_block(offset);
                self.containers.push_list(start);
            }
            Tag::Item => {
                self.begin_block(offset);
                self.containers.push_item();
            }
            Tag::Table(aligns) => {
                self.begin_block(offset);
                self.table = Some(Table { aligns, rows: Vec::new() });
            }
            Tag::TableHead => {
                self.in_head = true;
                self.block_offset = offset;
                return style.patch(theme.table_header);
            }
            Tag::TableRow => self.block_offset = offset,
            Tag::TableCell => self.inline.clear(),
            Tag::Emphasis => return style.patch(theme.emphasis),
            Tag::Strong => return style.patch(theme.strong),
            Tag::Strikethrough => return style.patch(theme.strikethrough),
            Tag::Link { dest_url, .. } => {
                let index = self.links.len();
                self.links.push(LinkRef { target: sanitize(&dest_url).into_owned(), text: String::new(), line: 0 });
                self.link_placed.push(false);
                self.inline.mark(index);
                self.open_links.push(index);
                return style.patch(theme.link);
            }
            Tag::Image { .. } => self.inline.push("[image: ", style),
            Tag::HtmlBlock
            | Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition => self.begin_block(offset),
            Tag::Superscript | Tag::Subscript => {}
        }
        style
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::HtmlBlock | TagEnd::FootnoteDefinition => self.end_block(),
            TagEnd::DefinitionList | TagEnd::DefinitionListTitle | TagEnd::DefinitionListDefinition => self.end_block(),
            TagEnd::Heading(_) => self.end_heading(),
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.containers.pop();
                self.need_blank = true;
            }
            TagEnd::CodeBlock | TagEnd::MetadataBlock(_) => {
                self.flush_code();
                self.need_blank = true;
            }
            TagEnd::List(_) => {
                self.flush();
                self.containers.pop();
                self.need_blank = self.containers.blank_after_list();
            }
            TagEnd::Item => {
                self.flush();
                if self.containers.markers_pending() {
                    // an empty item still shows its marker
                    let plan = self.containers.plan(self.budget, 0);
                    let spans = self.prefix_line(plan, true);
                    self.out.push(spans, self.block_offset);
                    self.containers.consume_markers();
                }
                self.containers.pop();
            }
            TagEnd::Table => {
                self.flush_table();
                self.need_blank = true;
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                let header = std::mem::take(&mut self.in_head);
                let cells = std::mem::take(&mut self.cells);
                if let Some(table) = &mut self.table {
                    table.rows.push(Row { cells, offset: self.block_offset, header });
                }
            }
            TagEnd::TableCell => {
                let cell = std::mem::take(&mut self.inline);
                self.cells.push(cell);
            }
            TagEnd::Link => {
                if let Some(index) = self.open_links.pop() {
                    self.end_link(index);
                }
            }
            TagEnd::Image => {
                let style = self.style();
                self.inline.push("]", style);
            }
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Superscript | TagEnd::Subscript => {}
        }
    }

    /// A link's text is gathered: show where it goes after it, and record the range
    /// of both (the target is kept on one line when it fits in one).
    fn end_link(&mut self, index: usize) {
        let start = self.inline.marks.iter().rev().find(|m| m.1 == index).map_or(self.inline.text.len(), |m| m.0);
        self.link_target(index);
        self.inline.links.push((start..self.inline.text.len(), index));
    }

    /// ` [→ where it goes]` after a link's text, unless the text says it already.
    fn link_target(&mut self, index: usize) {
        let link = &self.links[index];
        let shown = !link.target.is_empty()
            && link.target != link.text
            && link.target.strip_prefix("mailto:") != Some(link.text.as_str());
        if !shown {
            return;
        }
        // the link's own style is on top of the stack; the target gets what encloses it
        let outer = self.styles.len().checked_sub(2).map(|i| self.styles[i]).unwrap_or_default();
        let target_style = outer.patch(self.theme.link_target);
        if let Some(linear) = self.linear {
            self.linear_link_target(linear, index, outer, target_style);
            return;
        }
        self.inline.push(" ", outer);
        let start = self.inline.text.len();
        match self.titles.and_then(|titles| titles(&self.links[index].target)) {
            Some(words) if same_words(&words, &self.links[index].text) => self.inline.push("[→]", target_style),
            Some(words) => {
                self.inline.push("[→ ", target_style);
                self.inline.push(&words, target_style);
                self.inline.push("]", target_style);
            }
            None => {
                self.inline.push("[→ ", target_style);
                // `target` is already sanitized; push_sanitized leaves it as is
                let target = std::mem::take(&mut self.links[index].target);
                self.inline.push(&target, target_style);
                self.links[index].target = target;
                self.inline.push("]", target_style);
            }
        }
        self.inline.keep.push(start..self.inline.text.len());
    }

    /// " (see: How stage 4 is decided, section T, N and M)" after a link's text; the
    /// target as written when it has no words (a web address), nothing when the
    /// words are the link's own text.
    fn linear_link_target(&mut self, linear: &Linear, index: usize, outer: Style, target_style: Style) {
        let link = &self.links[index];
        let (words, see) = match (linear.link_words)(&link.target) {
            Some(words) => (words, true),
            None => (link.target.clone(), false),
        };
        if same_words(&words, &link.text) {
            return;
        }
        self.inline.push(" (", outer);
        if see {
            self.inline.push(t("plain.link.see"), target_style);
        }
        self.inline.push(&words, target_style);
        self.inline.push(")", outer);
    }

    fn text(&mut self, text: &CowStr<'_>, offset: usize) {
        if self.in_code {
            let code = &mut self.code;
            code.starts.push((code.text.len(), offset));
            code.text.push_str(text);
            return;
        }
        self.capture(text);
        let style = self.style();
        self.inline.push(text, style);
    }

    /// Keep the plain text of headings (for slugs) and links (for `LinkRef::text`).
    fn capture(&mut self, text: &str) {
        if let Some((_, heading)) = &mut self.heading {
            push_sanitized(heading, text, Newlines::Space);
        }
        if let Some(&index) = self.open_links.last() {
            push_sanitized(&mut self.links[index].text, text, Newlines::Space);
        }
    }

    /// A block starts: finish gathered inline text, pay an owed blank line.
    fn begin_block(&mut self, offset: usize) {
        self.flush();
        if self.need_blank && self.out.len() > 0 {
            self.blank(offset);
        }
        self.need_blank = false;
        self.block_offset = offset;
    }

    fn end_block(&mut self) {
        self.flush();
        self.need_blank = true;
    }

    fn end_heading(&mut self) {
        let line = self.out.len();
        if self.flush() == 0 {
            // an empty heading still gets a line for its anchor
            let plan = self.containers.plan(self.budget, 0);
            let spans = self.prefix_line(plan, true);
            self.out.push(spans, self.block_offset);
            self.containers.consume_markers();
        }
        if let Some((level, title)) = self.heading.take() {
            let slug = self.slugger.unique(anchor_of(self.heading_id.take().as_deref(), &title));
            self.anchors.push(Anchor { slug, title, level: level as u8, line });
        }
        self.need_blank = true;
    }

    /// Wrap the gathered inline content into lines. Returns the number of lines.
    fn flush(&mut self) -> usize {
        if self.inline.is_empty() {
            return 0;
        }
        let inline = std::mem::take(&mut self.inline);
        let made = self.emit_inline(&inline, self.block_offset);
        self.inline = inline;
        self.inline.clear();
        made
    }

    fn emit_inline(&mut self, inline: &Inline, offset: usize) -> usize {
        let plan = self.containers.plan(self.budget, 0);
        let mut first = std::mem::take(&mut self.prefix_first);
        let mut rest = std::mem::take(&mut self.prefix_rest);
        self.containers.spans_into(plan, true, "", &mut first);
        self.containers.spans_into(plan, false, "", &mut rest);
        let start = self.out.len();
        let avail = self.avail(plan);
        let mut sink = OutSink::new(&mut self.out, &first, &rest, offset).with_links(&inline.links);
        let made = wrap_words(inline, avail, &mut sink, &mut self.wrap_bufs);
        sink.finish();
        self.prefix_first = first;
        self.prefix_rest = rest;
        if made > 0 {
            self.containers.consume_markers();
        }
        for i in 0..self.wrap_bufs.marks.len() {
            let (link, line) = self.wrap_bufs.marks[i];
            self.place_link(link, start + line);
        }
        made
    }

    /// A line with only the prefix (trailing blanks dropped): blank lines, empty items.
    fn prefix_line(&mut self, plan: Plan, first: bool) -> Vec<Span<'static>> {
        let mut buf = std::mem::take(&mut self.prefix_first);
        self.containers.spans_into(plan, first, "", &mut buf);
        let line = trimmed(&buf);
        self.prefix_first = buf;
        line
    }

    fn avail(&self, plan: Plan) -> usize {
        self.width.saturating_sub(plan.width).max(1)
    }

    fn place_link(&mut self, link: usize, line: usize) {
        if let Some(placed) = self.link_placed.get_mut(link)
            && !*placed
        {
            *placed = true;
            self.links[link].line = line;
        }
    }

    fn rule(&mut self) {
        let plan = self.containers.plan(self.budget, 0);
        let mut spans = self.containers.spans(plan, true, "");
        let avail = self.avail(plan);
        let rule = match self.linear {
            Some(_) => LINEAR_RULE[..avail.min(LINEAR_RULE.len())].to_string(),
            None => "─".repeat(avail),
        };
        spans.push(Span::styled(rule, self.theme.rule));
        self.out.push(spans, self.block_offset);
        self.containers.consume_markers();
    }

    /// Code lines: indented, hard-wrapped, continuation lines marked "↪".
    fn flush_code(&mut self) {
        if !std::mem::take(&mut self.in_code) {
            return;
        }
        let code = std::mem::take(&mut self.code);
        let plan = self.containers.plan(self.budget, CODE_INDENT.len());
        let avail = self.avail(plan);
        let style = self.style().patch(self.theme.code);
        let mut first = std::mem::take(&mut self.prefix_first);
        first.clear();
        let mut continued = std::mem::take(&mut self.prefix_rest);
        self.containers.spans_into(plan, false, CODE_CONTINUED, &mut continued);
        // an empty block shows nothing; "\n" alone is one empty line
        let text = code.text.strip_suffix('\n').unwrap_or(&code.text);
        let mut raw_lines = text.split('\n');
        if code.text.is_empty() {
            raw_lines.next();
        }
        let mut line_buf = std::mem::take(&mut self.line_buf);
        let mut event = 0;
        let mut pos = 0;
        let mut stale = false;
        for raw in raw_lines {
            while event + 1 < code.starts.len() && code.starts[event + 1].0 <= pos {
                event += 1;
            }
            let offset = code.starts.get(event).map_or(self.block_offset, |&(at, src)| src + (pos - at));
            pos += raw.len() + 1;
            line_buf.clear();
            push_sanitized(&mut line_buf, raw.strip_suffix('\r').unwrap_or(raw), Newlines::Space);
            // the prefix changes only while item markers are still to be shown
            let pending = self.containers.markers_pending();
            if pending || stale || first.is_empty() {
                self.containers.spans_into(plan, true, CODE_INDENT, &mut first);
                stale = pending;
            }
            if line_buf.is_empty() {
                self.out.push(trimmed(&first), offset);
            } else {
                let mut sink = OutSink::new(&mut self.out, &first, &continued, offset);
                wrap_hard(&line_buf, style, avail, &mut sink);
                sink.finish();
            }
            self.containers.consume_markers();
        }
        self.line_buf = line_buf;
        self.prefix_first = first;
        self.prefix_rest = continued;
        self.code = code;
    }

    fn flush_table(&mut self) {
        let Some(table) = self.table.take() else {
            return;
        };
        let plan = self.containers.plan(self.budget, 0);
        let avail = self.avail(plan);
        match table.column_widths(avail).filter(|_| self.linear.is_none()) {
            Some(widths) => self.grid(&table, &widths, plan),
            None => self.table_as_list(&table),
        }
    }

    fn grid(&mut self, table: &Table, widths: &[usize], plan: Plan) {
        let border = self.theme.table_border;
        let rows: Vec<_> = table.rows.iter().map(|row| (row, table.grid_row(row, widths, border))).collect();
        // wrapped rows need rules between them to show where a row ends
        let ruled = rows.iter().any(|(row, g)| !row.header && g.lines.len() > 1);
        let rest = self.containers.spans(plan, false, "");
        let body_rows = rows.iter().filter(|(row, _)| !row.header).count();
        let mut body_seen = 0;
        for (row, grid) in rows {
            let start = self.out.len();
            let mut links = grid.link_spans.into_iter().peekable();
            for (j, spans) in grid.lines.into_iter().enumerate() {
                let mut line = self.containers.spans(plan, true, "");
                let shift: usize = line.iter().map(|s| s.content.len()).sum();
                line.extend(spans);
                self.out.push(line, row.offset);
                self.containers.consume_markers();
                while let Some((_, link, range)) = links.next_if(|l| l.0 == j) {
                    self.out.link_span(link, range.start + shift..range.end + shift);
                }
            }
            for (link, l) in grid.marks {
                self.place_link(link, start + l);
            }
            if !row.header {
                body_seen += 1;
            }
            if row.header || (ruled && body_seen < body_rows) {
                let mut line = rest.clone();
                line.push(separator(widths, border));
                self.out.push(line, row.offset);
            }
        }
    }

    /// Too narrow for columns: each row as "Header: value" lines, rows apart.
    fn table_as_list(&mut self, table: &Table) {
        let header = table.rows.iter().find(|r| r.header);
        let label_style = self.style().patch(self.theme.table_header);
        let mut item = Inline::default();
        let mut first_row = true;
        let mut body = table.rows.iter().filter(|r| !r.header).peekable();
        if body.peek().is_none() {
            // header only: show the header cells
            if let Some(h) = header {
                for cell in &h.cells {
                    self.emit_inline(cell, h.offset);
                }
            }
            return;
        }
        for row in body {
            if !first_row {
                self.blank(row.offset);
            }
            first_row = false;
            for (i, cell) in row.cells.iter().enumerate() {
                if cell.text.trim().is_empty() && cell.marks.is_empty() {
                    continue;
                }
                item.clear();
                if let Some(label) = header.and_then(|h| h.cells.get(i))
                    && !label.text.is_empty()
                {
                    item.append(label);
                    item.push(": ", label_style);
                }
                item.append(cell);
                self.emit_inline(&item, row.offset);
            }
        }
    }

    fn blank(&mut self, offset: usize) {
        let plan = self.containers.plan(self.budget, 0);
        let spans = self.prefix_line(plan, false);
        self.out.push(spans, offset);
    }

    fn finish(mut self) -> Rendered {
        self.flush();
        let last = self.out.len().saturating_sub(1);
        for link in &mut self.links {
            link.line = link.line.min(last);
        }
        for anchor in &mut self.anchors {
            anchor.line = anchor.line.min(last);
        }
        Rendered {
            lines: self.out.lines,
            anchors: self.anchors,
            links: self.links,
            link_spans: self.out.link_spans,
            source_offsets: self.out.offsets,
        }
    }
}
