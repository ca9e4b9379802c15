// The script of tracker.html: buyer search → cover request form → decision tracker, for the
// three insurers on one page. The form's decisions reach the tracker by themselves
// (`tradecover-decision` on the document); the insurer's later answer comes through the proxy's
// event stream, or by polling while the stream is down.
//
// Query parameters (for the demo and the end-to-end tests):
// - `policy`: the policy / contract whose events are followed (default: the Coface contract
//   `scripts/start.sh` gives the embedded sandbox);
// - `polling`: seconds between checks of pending rows while the stream is down (default: the
//   core's policy, 30 s doubling up to an hour).
/** The demo portal's own policies (the sandbox accepts any). */
const DEMO_CONTRACT = 'DEMO-CONTRACT-1';
const ATRADIUS = { customerId: '10000001', policyId: 'POL-DEMO-1' };
const ALLIANZ_POLICY = { businessUnitCode: 'FRA', policyId: DEMO_CONTRACT, extensionId: 'DCL' };
const BUYER_KEY = 'tradecover-demo.tracker-buyer';

const query = new URLSearchParams(location.search);
const insurerSelect = document.getElementById('insurer');
const search = document.getElementById('buyer-search');
const form = document.getElementById('cover-form');
const noBuyer = document.getElementById('no-buyer');
const allianzHint = document.getElementById('allianz-hint');
const tracker = document.getElementById('tracker');

document.getElementById('allianz-policy').textContent =
  `${ALLIANZ_POLICY.businessUnitCode} / ${ALLIANZ_POLICY.policyId} / ${ALLIANZ_POLICY.extensionId}`;
for (const element of [form, tracker]) {
  element.setAttribute('atradius-customer-id', ATRADIUS.customerId);
  element.setAttribute('atradius-policy-id', ATRADIUS.policyId);
}
const seconds = Number.parseInt(query.get('polling') ?? '', 10);
if (seconds > 0) {
  tracker.polling = { initialDelay: seconds, factor: 1, maxDelay: seconds, jitter: 0 };
}
tracker.setAttribute('allianz-policies', JSON.stringify([ALLIANZ_POLICY]));
tracker.setAttribute('policy', query.get('policy') ?? DEMO_CONTRACT);

function showForm(buyer) {
  form.buyer = buyer;
  form.hidden = false;
  noBuyer.hidden = true;
}

function chooseInsurer(insurer) {
  insurerSelect.value = insurer;
  search.insurer = insurer;
  form.setAttribute('insurer', insurer);
  allianzHint.hidden = insurer !== 'allianz-trade';
  form.hidden = true;
  noBuyer.hidden = false;
}

const kept = JSON.parse(sessionStorage.getItem(BUYER_KEY) ?? 'null');
if (kept) {
  chooseInsurer(kept.insurer);
  showForm(kept.buyer);
}

insurerSelect.addEventListener('change', (event) => {
  sessionStorage.removeItem(BUYER_KEY);
  chooseInsurer(event.target.value);
});
document.addEventListener('tradecover-select', (event) => {
  const buyer = event.detail.buyer;
  sessionStorage.setItem(BUYER_KEY, JSON.stringify({ insurer: insurerSelect.value, buyer }));
  showForm(buyer);
});
document.addEventListener('tradecover-unknown-buyer', () => {
  sessionStorage.removeItem(BUYER_KEY);
  showForm(null);
});

// The elements are defined (and mounted) once configured above.
await import('/pkg/define.js');
