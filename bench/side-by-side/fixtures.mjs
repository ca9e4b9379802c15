// The data of the side-by-side benchmark, synthetic and deterministic (same bytes every run):
// - an Atradius portfolio of 100,000 covers in the wire format of
//   `GET /credit-insurance/cover-management/v1/covers` (core/src/atradius/covers.rs: one page,
//   no pagination), with valid French and Belgian VAT numbers;
// - Coface answers of `GET /companies/name` (core/src/coface/company_search.rs) for the search box.
import { seededRandom } from '../lib/statistics.mjs';

/** The Atradius list the tracker loads (pathname under the proxy). */
export const ATRADIUS_COVERS_PATH = '/proxy/atradius/credit-insurance/cover-management/v1/covers';
/** The Coface name search the search box calls (pathname under the proxy). */
export const COFACE_NAME_SEARCH_PATH = '/proxy/coface/companies/name';
/** The insured the tracker and the form are set up with (Atradius needs both). */
export const ATRADIUS_CUSTOMER_ID = '10000001';
export const ATRADIUS_POLICY_ID = 'POL-000123';
/** A word found in about one buyer name in 24 and nowhere else in a row: the G4 filter. */
export const FILTER_WORD = 'zephyr';

const FIRST = ['Dupont', 'Martin', 'Bernard', 'Lefèvre', 'Moreau', 'Laurent', 'Girard', 'Roux',
  'Vandamme', 'Peeters', 'Janssens', 'Maes', 'Fontaine', 'Chevalier', 'Robin', 'Gauthier',
  'Zephyr', 'Mercier', 'Blanc', 'Guérin', 'Boyer', 'Garnier', 'Faure', 'André'];
const TRADE = ['Logistique', 'Transports', 'Bâtiment', 'Métallurgie', 'Textiles', 'Alimentaire',
  'Distribution', 'Ingénierie', 'Emballages', 'Plastiques', 'Électricité', 'Menuiserie',
  'Imprimerie', 'Chimie', 'Négoce', 'Services'];
const FORM = ['SAS', 'SA', 'SARL', 'NV', 'BV', 'SPRL', 'EURL', 'SNC'];

function luhnDigit(digits) {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return String((10 - (sum % 10)) % 10);
}

/** A valid French VAT number (key + Luhn-valid SIREN) from an integer. */
export function frenchVat(seed) {
  const body = String(10_000_000 + (seed % 89_999_999)).padStart(8, '0');
  const siren = body + luhnDigit(body);
  const key = (12 + 3 * (Number(siren) % 97)) % 97;
  return { siren, vat: `FR${String(key).padStart(2, '0')}${siren}` };
}

/** A valid Belgian VAT number (BE0 + 7 digits + mod-97 check) from an integer. */
export function belgianVat(seed) {
  const body = `0${String(2_000_000 + (seed % 7_999_999)).padStart(7, '0')}`;
  const check = 97 - (Number(body) % 97);
  return `BE${body}${String(check).padStart(2, '0')}`;
}

const DATE0 = Date.UTC(2024, 0, 1);
const isoDate = (days) => new Date(DATE0 + days * 86_400_000).toISOString().slice(0, 10);

/** The `index`th buyer name (deterministic; FILTER_WORD in about one in 24). */
export function buyerName(index, random) {
  const first = FIRST[Math.floor(random() * FIRST.length)];
  const trade = TRADE[Math.floor(random() * TRADE.length)];
  const form = FORM[index % FORM.length];
  return `${first} ${trade} ${form}`;
}

/** One Atradius cover (wire JSON object) of the portfolio. */
function cover(index, random) {
  const belgian = index % 5 === 0;
  const identifiers = belgian
    ? [{ uid: belgianVat(index * 7919), uidType: 'VAT' }]
    : [{ uid: frenchVat(index * 7919).vat, uidType: 'VAT' }];
  const kind = random();
  const requested = (5 + Math.floor(random() * 495)) * 1000;
  const applied = Math.floor(random() * 900);
  const base = {
    coverId: 9_000_000 + index,
    buyerId: 20_000_000 + index,
    buyerName: buyerName(index, random),
    uniqueIdentifiers: identifiers,
    coverType: index % 9 === 0 ? 'credit-check' : 'credit-limit',
    policyCurrencyCode: 'EUR',
    creditLimitApplicationAmountInPolicyCurrency: requested,
    applicationDate: isoDate(applied),
  };
  if (index % 4 === 0) base.customerRefNumber = `REF-${(index * 31) % 100_000}`;
  if (kind < 0.12) return { ...base, coverStatus: 'REFERRED' };
  const [code, granted] =
    kind < 0.7 ? ['DC01', requested] : kind < 0.85 ? ['DC04', requested / 2] : ['DC03', 0];
  return {
    ...base,
    coverStatus: 'DECISION',
    decisionCode: code,
    totalDecision: { decisionAmtInPolicyCurrency: granted },
    decisionDate: isoDate(applied + 1 + Math.floor(random() * 20)),
  };
}

/** The portfolio answer body of `count` covers, as bytes (`{"data":[…]}`). */
export function atradiusPortfolio(count = 100_000) {
  const random = seededRandom(8);
  const parts = [];
  for (let index = 0; index < count; index += 1) parts.push(JSON.stringify(cover(index, random)));
  return Buffer.from(`{"data":[${parts.join(',')}]}`, 'utf8');
}

/** The keys the tracker sorts and filters by, for the bare-JS floor of G4: names and haystacks. */
export function portfolioKeys(bytes) {
  const { data } = JSON.parse(bytes.toString('utf8'));
  return data.map((row) => ({
    id: row.buyerId,
    name: (row.buyerName || '').toLowerCase(),
  }));
}

/** A Coface `/companies/name` answer: up to 10 companies whose names start with `query`. */
export function cofaceNameAnswer(query, country = 'FRA') {
  const text = query.trim();
  const random = seededRandom(text.length * 131 + (text.charCodeAt(0) || 0));
  const companies = [];
  for (let index = 0; index < 10; index += 1) {
    const { siren, vat } = frenchVat(Math.floor(random() * 1e9));
    const branch = index % 4 === 3;
    const easy = String(1_234_567_890 + index * 1_000_003).padStart(12, '0') + '4700000';
    companies.push({
      easyNumber: easy,
      companyName: `${text.toUpperCase()} ${TRADE[index % TRADE.length]} ${FORM[index % 3]}`,
      establishmentType: branch ? 'ESTABLISHMENT' : 'HEAD_OFFICE',
      headOfficeEasyNumber: branch ? companies[0].easyNumber : null,
      address: {
        streetAddress: `${1 + index * 3} rue de la République`,
        postalCode: String(75_001 + index),
        town: 'Paris',
        region: null,
        countryCode: country,
      },
      legalIdentifiers: [
        { identifierType: 'VAT_FRA', identifierValue: vat },
        { identifierType: 'SIREN_FRA', identifierValue: siren },
      ],
    });
  }
  return { companies, count: 137 };
}
