// Fails when the built package is heavier than the checked-in budget (size-budget.json).
//
// Reads target/size-report.json (written by scripts/size-report.mjs during the package build)
// and compares each budgeted figure — brotli bytes of the wasm and of everything the browser
// loads — with its limit. Raising a limit is a deliberate act: edit size-budget.json in a
// commit that says why. A build well under its limit is reported, so the budget can be lowered.
import { readFileSync } from 'node:fs';

const [reportPath = 'target/size-report.json', budgetPath = 'size-budget.json'] = process.argv.slice(2);
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const budget = JSON.parse(readFileSync(budgetPath, 'utf8'));

/** Brotli bytes of one budgeted item: `total` or a file name of the report. */
function measured(item) {
  const row = item === 'total' ? report.total : report.files.find((file) => file.file === item);
  if (!row) throw new Error(`${reportPath} has no entry for "${item}"`);
  return row.brotli;
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
let over = 0;
for (const [item, limit] of Object.entries(budget.brotli)) {
  const size = measured(item);
  const share = size / limit;
  const verdict = size > limit ? 'OVER BUDGET' : share < 0.95 ? 'ok (well under: lower the budget?)' : 'ok';
  console.log(`  ${item.padEnd(20)} brotli ${kib(size).padStart(10)} of ${kib(limit).padStart(10)}  ${verdict}`);
  if (size > limit) over += 1;
}
if (over > 0) {
  console.error(
    `size budget exceeded (${budgetPath}): make the package smaller, or raise the budget in a commit that says why`,
  );
  process.exit(1);
}
