// The script of csp.html: an external module, as a strict Content-Security-Policy requires.
import '/pkg/define.js';

const selected = document.getElementById('selected');
document.addEventListener('tradecover-select', (event) => {
  selected.textContent = JSON.stringify(event.detail.buyer, null, 2);
});
document.addEventListener('tradecover-unknown-buyer', (event) => {
  selected.textContent = `Not found at the insurer: ${JSON.stringify(event.detail, null, 2)}`;
});
