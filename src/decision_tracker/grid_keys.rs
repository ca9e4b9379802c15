//! Arrow-key navigation between the cells of the grid (the APG grid pattern): where a key moves
//! the active cell.

/// The cell `key` moves to from `(row, column)` in a grid of `rows` × `columns` cells, `page`
/// rows being visible; `None` when the key does not move (or the grid is empty).
pub fn next_cell(
    key: &str,
    ctrl: bool,
    (row, column): (usize, usize),
    rows: usize,
    columns: usize,
    page: usize,
) -> Option<(usize, usize)> {
    if rows == 0 || columns == 0 {
        return None;
    }
    let last_row = rows - 1;
    let last_column = columns - 1;
    let row = row.min(last_row);
    let column = column.min(last_column);
    let page = page.max(1);
    let next = match key {
        "ArrowDown" => (row.saturating_add(1).min(last_row), column),
        "ArrowUp" => (row.saturating_sub(1), column),
        "ArrowRight" => (row, column.saturating_add(1).min(last_column)),
        "ArrowLeft" => (row, column.saturating_sub(1)),
        "PageDown" => (row.saturating_add(page).min(last_row), column),
        "PageUp" => (row.saturating_sub(page), column),
        "Home" if ctrl => (0, 0),
        "Home" => (row, 0),
        "End" if ctrl => (last_row, last_column),
        "End" => (row, last_column),
        _ => return None,
    };
    Some(next)
}
