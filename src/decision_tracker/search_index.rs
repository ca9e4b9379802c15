//! The rows' lower-case search texts kept one after the other in one string, so that the
//! free-text filter runs one substring search (`memchr::memmem`) over the whole table instead
//! of one per row (a search per row set up its searcher 100,000 times), and 100,000 rows hold
//! one allocation instead of one each.
//!
//! A row whose text is replaced (a live update) gets a new segment at the end; its old one
//! stays, owned by no row, until dead segments outweigh live ones and the text is rebuilt.

/// One row's text in [`SearchIndex::text`]: it ends at `end` (exclusive) and starts where the
/// previous segment ends.
#[derive(Debug, Clone, Copy)]
struct Segment {
    end: usize,
    /// The row it belongs to, or [`NO_ROW`] when the row's text was replaced since.
    row: u32,
}

/// The owner of a segment whose row has a newer one.
const NO_ROW: u32 = u32::MAX;

/// Every row's search text, searchable at once.
#[derive(Debug, Default)]
pub struct SearchIndex {
    text: String,
    segments: Vec<Segment>,
    /// The segment of each row.
    of_row: Vec<usize>,
    dead: usize,
}

impl SearchIndex {
    /// Adds the text of the next row (rows are numbered in the order they are pushed).
    pub fn push(&mut self, text: &str) {
        self.of_row.push(self.segments.len());
        self.append(text, self.of_row.len() - 1);
    }

    /// Makes room for `rows` more rows' segments.
    pub fn reserve(&mut self, rows: usize) {
        self.segments.reserve(rows);
        self.of_row.reserve(rows);
    }

    /// Replaces the text of `row`.
    pub fn replace(&mut self, row: usize, text: &str) {
        let Some(&segment) = self.of_row.get(row) else {
            return;
        };
        if self.row_text_of(segment) == text {
            return;
        }
        self.segments[segment].row = NO_ROW;
        self.dead += 1;
        self.of_row[row] = self.segments.len();
        self.append(text, row);
        if self.dead > self.of_row.len() {
            self.compact();
        }
    }

    /// The text of `row` (empty for a row never pushed).
    pub fn row_text(&self, row: usize) -> &str {
        self.of_row
            .get(row)
            .map_or("", |&segment| self.row_text_of(segment))
    }

    /// The rows whose text contains `word`, in row order when no row was replaced (in segment
    /// order otherwise), each once.
    pub fn rows_containing(&self, word: &str) -> Vec<u32> {
        let mut rows = Vec::new();
        if word.is_empty() {
            return (0..self.of_row.len() as u32).collect();
        }
        let finder = memchr::memmem::Finder::new(word.as_bytes());
        let text = self.text.as_bytes();
        let (mut from, mut segment) = (0, 0);
        while let Some(found) = text.get(from..).and_then(|rest| finder.find(rest)) {
            let start = from + found;
            // The segment the match starts in: segments are in text order.
            while self.segments.get(segment).is_some_and(|s| s.end <= start) {
                segment += 1;
            }
            let Some(&Segment { end, row }) = self.segments.get(segment) else {
                break;
            };
            if start + word.len() <= end && row != NO_ROW {
                rows.push(row);
            }
            // Past this row: one hit per row, and a match running into the next row is none.
            from = end;
            segment += 1;
        }
        rows
    }

    fn append(&mut self, text: &str, row: usize) {
        self.text.push_str(text);
        self.segments.push(Segment {
            end: self.text.len(),
            row: u32::try_from(row).unwrap_or(NO_ROW),
        });
    }

    fn row_text_of(&self, segment: usize) -> &str {
        let start = segment
            .checked_sub(1)
            .and_then(|previous| self.segments.get(previous))
            .map_or(0, |previous| previous.end);
        let end = self.segments.get(segment).map_or(start, |s| s.end);
        self.text.get(start..end).unwrap_or_default()
    }

    /// Rewrites the text with the live segments only, in row order.
    fn compact(&mut self) {
        let texts: Vec<String> = (0..self.of_row.len())
            .map(|row| self.row_text(row).to_owned())
            .collect();
        *self = Self::default();
        for text in &texts {
            self.push(text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(texts: &[&str]) -> SearchIndex {
        let mut index = SearchIndex::default();
        for text in texts {
            index.push(text);
        }
        index
    }

    fn sorted(mut rows: Vec<u32>) -> Vec<u32> {
        rows.sort_unstable();
        rows
    }

    #[test]
    fn finds_each_row_once_and_never_across_rows() {
        let index = index(&[
            "dupont\u{1f}",
            "acme acme\u{1f}",
            "",
            "dup\u{1f}",
            "ont\u{1f}",
        ]);
        assert_eq!(index.rows_containing("acme"), [1]);
        assert_eq!(index.rows_containing("dup"), [0, 3]);
        // "dup" + "ont" only meet across rows 3 and 4.
        assert_eq!(index.rows_containing("dupont"), [0]);
        assert_eq!(index.rows_containing("ont"), [0, 4]);
        assert_eq!(index.rows_containing("zzz"), Vec::<u32>::new());
        assert_eq!(index.rows_containing("").len(), 5);
        assert_eq!(index.row_text(1), "acme acme\u{1f}");
        assert_eq!(index.row_text(2), "");
        assert_eq!(index.row_text(9), "");
    }

    #[test]
    fn a_replaced_row_is_found_by_its_new_text_only() {
        let mut index = index(&["alpha\u{1f}", "beta\u{1f}", "gamma\u{1f}"]);
        index.replace(0, "delta\u{1f}");
        assert_eq!(index.rows_containing("alpha"), Vec::<u32>::new());
        assert_eq!(sorted(index.rows_containing("delta")), [0]);
        assert_eq!(sorted(index.rows_containing("a\u{1f}")), [0, 1, 2]);
        assert_eq!(index.row_text(0), "delta\u{1f}");
    }

    #[test]
    fn many_replacements_compact_the_text() {
        let mut index = index(&["one\u{1f}", "two\u{1f}"]);
        for round in 0..10 {
            index.replace(round % 2, &format!("round {round}\u{1f}"));
        }
        assert!(index.segments.len() <= 2 * index.of_row.len() + 1);
        assert_eq!(index.row_text(0), "round 8\u{1f}");
        assert_eq!(index.row_text(1), "round 9\u{1f}");
        assert_eq!(sorted(index.rows_containing("round")), [0, 1]);
        assert_eq!(index.rows_containing("one"), Vec::<u32>::new());
    }
}
