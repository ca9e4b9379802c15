// The gallery page: one buyer search box, themed and translated from the address
// (?theme=custom&locale=fr&insurer=allianz-trade), for screenshots.
import '/pkg/define.js';

const params = new URLSearchParams(window.location.search);
const box = document.getElementById('buyer-search');
if (params.get('theme') === 'custom') box.classList.add('themed');
const locale = params.get('locale');
if (locale) {
  box.locale = locale;
  document.documentElement.lang = locale;
}
const insurer = params.get('insurer');
if (insurer) box.insurer = insurer;
