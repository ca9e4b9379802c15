//! `pagination {page, pageSize, isTotalRequired}` of the portfolio searches: pages count from
//! 1, `pageSize` is 1–5000 (default: page 1 of 100). With `isTotalRequired` (a boolean, or the
//! string `"true"` one client sends) the answer carries the totals: `totalItems` in the body
//! and the `Total-Items` / `Total-Pages` headers.

use super::body::{bool_at, count_at, object_at, Object};
use super::error::AllianzError;

/// Largest page.
pub(crate) const MAX_PAGE_SIZE: u64 = 5000;
/// Page size when none is given.
const DEFAULT_PAGE_SIZE: u64 = 100;

/// Which page is asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Pagination {
    /// Page number, from 1.
    pub(crate) page: u64,
    /// Items per page.
    pub(crate) page_size: u64,
    /// Whether the totals are wanted.
    pub(crate) total_required: bool,
}

impl Pagination {
    /// Reads `pagination` from a search body; 400 for a page below 1 or a size out of bounds.
    pub(crate) fn read(fields: &Object) -> Result<Self, AllianzError> {
        let Some(pagination) = object_at(fields, "pagination", "pagination")? else {
            return Ok(Self {
                page: 1,
                page_size: DEFAULT_PAGE_SIZE,
                total_required: false,
            });
        };
        let page = count_at(pagination, "page", "pagination.page")?.unwrap_or(1);
        if page < 1 {
            return Err(AllianzError::bad_request("pagination.page starts at 1"));
        }
        let page_size =
            count_at(pagination, "pageSize", "pagination.pageSize")?.unwrap_or(DEFAULT_PAGE_SIZE);
        if !(1..=MAX_PAGE_SIZE).contains(&page_size) {
            return Err(AllianzError::bad_request(format!(
                "pagination.pageSize must be between 1 and {MAX_PAGE_SIZE}"
            )));
        }
        let total_required =
            bool_at(pagination, "isTotalRequired", "pagination.isTotalRequired")?.unwrap_or(false);
        Ok(Self {
            page,
            page_size,
            total_required,
        })
    }

    /// The part of `items` on this page.
    pub(crate) fn slice<'i, T>(&self, items: &'i [T]) -> &'i [T] {
        let start = (self.page - 1).saturating_mul(self.page_size);
        let start = usize::try_from(start)
            .unwrap_or(usize::MAX)
            .min(items.len());
        let end = start
            .saturating_add(usize::try_from(self.page_size).unwrap_or(usize::MAX))
            .min(items.len());
        &items[start..end]
    }

    /// How many pages `total` items fill.
    pub(crate) fn pages(&self, total: usize) -> u64 {
        (total as u64).div_ceil(self.page_size)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn read(value: Value) -> Result<Pagination, AllianzError> {
        match value {
            Value::Object(fields) => Pagination::read(&fields),
            _ => unreachable!(),
        }
    }

    #[test]
    fn reads_and_slices_pages() {
        let page =
            read(json!({"pagination": {"page": 2, "pageSize": 3, "isTotalRequired": "true"}}))
                .unwrap();
        assert_eq!(
            page,
            Pagination {
                page: 2,
                page_size: 3,
                total_required: true
            }
        );
        let items = [1, 2, 3, 4, 5, 6, 7];
        assert_eq!(page.slice(&items), &[4, 5, 6]);
        assert_eq!(page.pages(items.len()), 3);
        let last = Pagination { page: 3, ..page };
        assert_eq!(last.slice(&items), &[7]);
        let beyond = Pagination { page: 9, ..page };
        assert!(beyond.slice(&items).is_empty());
        assert_eq!(read(json!({})).unwrap().page_size, 100);
        for bad in [
            json!({"pagination": {"page": 0}}),
            json!({"pagination": {"pageSize": 0}}),
            json!({"pagination": {"pageSize": 5001}}),
            json!({"pagination": {"page": "one"}}),
            json!({"pagination": 3}),
        ] {
            assert!(read(bad.clone()).is_err(), "{bad}");
        }
    }
}
