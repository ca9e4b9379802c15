//! Allianz Trade company ids (the "EH id", 6–10 digits) of the sandbox's companies.
//!
//! A data-set company's id is derived from its index, `1000003 + 13 × index` (7 digits for the
//! whole data set), so it is stable across runs and seeds of the same size and can be read
//! back without a table. Companies created through the API get 8-digit ids from
//! [`CREATED_BASE`] on, in creation order, which never collide with the derived ones.

/// Id of the data set's first company.
const DATASET_BASE: u64 = 1_000_003;
/// Distance between the ids of consecutive data-set companies.
const DATASET_STRIDE: u64 = 13;
/// Id of the first company created through the API.
pub(crate) const CREATED_BASE: u64 = 90_000_000;

/// The company id of the data-set company at `index`.
pub(crate) fn of_index(index: usize) -> String {
    (DATASET_BASE + DATASET_STRIDE * index as u64).to_string()
}

/// The company id of the `n`-th created company (from 0).
pub(crate) fn of_created(n: usize) -> String {
    (CREATED_BASE + n as u64).to_string()
}

/// Which company an id names, before checking that it exists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CompanyKey {
    /// The data-set company at this index.
    Dataset(usize),
    /// The `n`-th created company.
    Created(usize),
}

/// Reads a company id (digits, surrounding spaces ignored); `None` when it cannot be one the
/// sandbox issues.
pub(crate) fn parse(id: &str) -> Option<CompanyKey> {
    let id = id.trim();
    if !(6..=10).contains(&id.len()) || !id.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value = id.parse::<u64>().ok()?;
    if value >= CREATED_BASE {
        return usize::try_from(value - CREATED_BASE)
            .ok()
            .map(CompanyKey::Created);
    }
    let offset = value.checked_sub(DATASET_BASE)?;
    if offset % DATASET_STRIDE != 0 {
        return None;
    }
    usize::try_from(offset / DATASET_STRIDE)
        .ok()
        .map(CompanyKey::Dataset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_back() {
        for index in [0, 1, 12, 76_999, 500_000] {
            let id = of_index(index);
            assert!((6..=10).contains(&id.len()), "{id}");
            assert_eq!(parse(&id), Some(CompanyKey::Dataset(index)));
        }
        assert_eq!(parse(&of_created(4)), Some(CompanyKey::Created(4)));
        assert_eq!(parse(" 1000003 "), Some(CompanyKey::Dataset(0)));
        for bad in [
            "1000004",
            "999999",
            "12345",
            "12345678901",
            "10000a3",
            "",
            "-1000003",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
