//! Open containers (quotes, lists, list items) and the line prefix they give:
//! quote bars, list markers, hanging indents.
//!
//! A prefix never takes more than a `budget` of columns, so that at small widths
//! content keeps room and no line gets wider than the width: segments are kept from
//! the innermost outwards while they fit, the rest are dropped.

use std::borrow::Cow;

use ratatui::style::Style;
use ratatui::text::Span;

use super::wrap::display_width;

const SPACES: &str = "                                                                ";
const QUOTE_BAR: &str = "│ ";
/// The quote mark of plain, linear output: no box drawing (a screen reader says it).
const QUOTE_MARK: &str = "> ";

/// `n` spaces, borrowed when short.
pub(super) fn spaces(n: usize) -> Cow<'static, str> {
    match SPACES.get(..n) {
        Some(s) => Cow::Borrowed(s),
        None => Cow::Owned(" ".repeat(n)),
    }
}

/// Columns a prefix may use at `width`: content keeps at least half the width, up to
/// 10 columns, and never less than 2 (so a wide character fits from width 2 on).
pub(super) fn budget(width: usize) -> usize {
    let min_content = (width / 2).clamp(2, 10).min(width);
    width - min_content
}

enum Container {
    Quote,
    /// `next` is the number of the next item of an ordered list.
    List {
        next: Option<u64>,
        depth: usize,
    },
    Item {
        marker: Cow<'static, str>,
        width: usize,
        /// Not yet shown: the item's first line is still to come.
        pending: bool,
        /// A paragraph started directly in it (loose list: blank lines between items).
        loose: bool,
    },
}

impl Container {
    fn width(&self) -> usize {
        match self {
            Container::Quote => 2,
            Container::List { .. } => 0,
            Container::Item { width, .. } => *width,
        }
    }
}

/// Which segments of the prefix are shown, decided once per block.
#[derive(Clone, Copy)]
pub(super) struct Plan {
    from: usize,
    /// Total columns of the prefix.
    pub width: usize,
    /// Whether the block's own segment (code indent) is shown.
    extra: bool,
}

pub(super) struct Containers {
    stack: Vec<Container>,
    /// Items whose marker is pending (they are the innermost items).
    pending: usize,
    quote_bar: &'static str,
    quote_style: Style,
    marker_style: Style,
    extra_style: Style,
}

impl Containers {
    pub fn new(quote_style: Style, marker_style: Style, extra_style: Style) -> Self {
        Containers { stack: Vec::new(), pending: 0, quote_bar: QUOTE_BAR, quote_style, marker_style, extra_style }
    }

    /// Quotes marked `> ` instead of a bar (same width).
    pub fn use_plain_quote_marks(&mut self) {
        self.quote_bar = QUOTE_MARK;
    }

    pub fn push_quote(&mut self) {
        self.stack.push(Container::Quote);
    }

    pub fn push_list(&mut self, start: Option<u64>) {
        let depth = 1 + self
            .stack
            .iter()
            .rev()
            .find_map(|c| match c {
                Container::List { depth, .. } => Some(*depth),
                _ => None,
            })
            .unwrap_or(0);
        self.stack.push(Container::List { next: start, depth });
    }

    /// Open an item of the innermost list: "•" "◦" "▪" by depth, or its number.
    pub fn push_item(&mut self) {
        let marker: Cow<'static, str> = match self.stack.last_mut() {
            Some(Container::List { next: Some(n), depth: _ }) => {
                let m = format!("{n}. ");
                *n = n.saturating_add(1);
                Cow::Owned(m)
            }
            Some(Container::List { next: None, depth }) => Cow::Borrowed(match depth {
                1 => "• ",
                2 => "◦ ",
                _ => "▪ ",
            }),
            _ => Cow::Borrowed("• "),
        };
        let width = display_width(&marker);
        self.stack.push(Container::Item { marker, width, pending: true, loose: false });
        self.pending += 1;
    }

    /// Close the innermost container.
    pub fn pop(&mut self) {
        if let Some(Container::Item { pending: true, .. }) = self.stack.pop() {
            self.pending -= 1;
        }
    }

    /// A paragraph starts: if directly in an item, that item's list is loose.
    pub fn note_paragraph(&mut self) {
        if let Some(Container::Item { loose, .. }) = self.stack.last_mut() {
            *loose = true;
        }
    }

    /// Whether a list that just closed should be followed by a blank line: not when
    /// it sits in a tight item (nested tight lists stay together).
    pub fn blank_after_list(&self) -> bool {
        match self.stack.last() {
            Some(Container::Item { loose, .. }) => *loose,
            _ => true,
        }
    }

    /// The item markers have been shown on a line.
    pub fn consume_markers(&mut self) {
        for c in self.stack.iter_mut().rev() {
            if self.pending == 0 {
                break;
            }
            if let Container::Item { pending, .. } = c
                && *pending
            {
                *pending = false;
                self.pending -= 1;
            }
        }
    }

    pub fn markers_pending(&self) -> bool {
        self.pending > 0
    }

    /// Decide which segments fit in `budget`, innermost first; `extra_w` is the width
    /// of the block's own innermost segment (0 for none).
    pub fn plan(&self, budget: usize, extra_w: usize) -> Plan {
        let mut plan = Plan { from: self.stack.len(), width: 0, extra: false };
        if extra_w > budget {
            return plan;
        }
        plan.extra = extra_w > 0;
        plan.width = extra_w;
        for (i, c) in self.stack.iter().enumerate().rev() {
            let w = c.width();
            if plan.width + w > budget {
                break;
            }
            plan.width += w;
            plan.from = i;
        }
        plan
    }

    /// Prefix spans for a line. `first`: the block's first line (shows pending
    /// markers). `extra`: the block's own segment, shown if the plan kept it.
    pub fn spans(&self, plan: Plan, first: bool, extra: &'static str) -> Vec<Span<'static>> {
        let mut out = Vec::with_capacity(self.stack.len() - plan.from + 1);
        self.spans_into(plan, first, extra, &mut out);
        out
    }

    /// [`Self::spans`] into a reused vector.
    pub fn spans_into(&self, plan: Plan, first: bool, extra: &'static str, out: &mut Vec<Span<'static>>) {
        out.clear();
        for c in &self.stack[plan.from..] {
            match c {
                Container::Quote => out.push(Span::styled(self.quote_bar, self.quote_style)),
                Container::List { .. } => {}
                Container::Item { marker, width, pending, .. } => {
                    if first && *pending {
                        out.push(Span::styled(marker.clone(), self.marker_style));
                    } else {
                        out.push(Span::raw(spaces(*width)));
                    }
                }
            }
        }
        if plan.extra {
            out.push(Span::styled(extra, self.extra_style));
        }
    }
}

/// A copy of a prefix without its trailing whitespace, for lines with no content
/// (allocates nothing when nothing is left).
pub(super) fn trimmed(spans: &[Span<'static>]) -> Vec<Span<'static>> {
    let keep = spans.iter().rposition(|s| !s.content.trim_end().is_empty()).map_or(0, |i| i + 1);
    trim_end(spans[..keep].to_vec())
}

/// Drop trailing whitespace from a line.
pub(super) fn trim_end(mut spans: Vec<Span<'static>>) -> Vec<Span<'static>> {
    while let Some(last) = spans.last_mut() {
        let trimmed = last.content.trim_end().len();
        if trimmed == 0 {
            spans.pop();
        } else {
            match &mut last.content {
                Cow::Borrowed(s) => *s = &s[..trimmed],
                Cow::Owned(s) => s.truncate(trimmed),
            }
            break;
        }
    }
    spans
}
