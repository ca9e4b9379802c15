// The script of cover.html: the buyer chosen in the search box goes to the cover request form.
// The chosen buyer is kept in sessionStorage, so that a reload finds the form (and its draft)
// again.
import '/pkg/define.js';

const BUYER_KEY = 'tradecover-demo.buyer';
const form = document.getElementById('cover-form');
const noBuyer = document.getElementById('no-buyer');
const decision = document.getElementById('decision');

function showForm(buyer) {
  form.buyer = buyer;
  form.hidden = false;
  noBuyer.hidden = true;
}

const kept = sessionStorage.getItem(BUYER_KEY);
if (kept) showForm(JSON.parse(kept));

document.addEventListener('tradecover-select', (event) => {
  sessionStorage.setItem(BUYER_KEY, JSON.stringify(event.detail.buyer));
  showForm(event.detail.buyer);
});
document.addEventListener('tradecover-decision', (event) => {
  decision.textContent = JSON.stringify(event.detail, null, 2);
});
