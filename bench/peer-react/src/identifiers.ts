// Legal identifiers: canonical forms and check digits of the kinds the benchmark's buyers carry
// (France, Belgium, Netherlands, Germany, Italy, Spain, United Kingdom, Switzerland, United
// States, LEI, DUNS), which kinds a typed text may be in a country, and each insurer's wire code.

import type { Identifier } from './types';

export type Checked = { ok: true; value: string } | { ok: false; code: string; params?: Record<string, string> };

interface Kind {
  country: string | null;
  /** Validates a compact upper-case text (blanks, dots, dashes and slashes removed). */
  check(compact: string): Checked;
}

const ok = (value: string): Checked => ({ ok: true, value });
const fail = (code: string, params?: Record<string, string>): Checked => ({ ok: false, code, params });
const digits = (text: string) => /^\d+$/.test(text);

function luhn(number: string): boolean {
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let digit = number.charCodeAt(number.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** `text` modulo 97, for long digit strings. */
function mod97(text: string): number {
  let rest = 0;
  for (const char of text) rest = (rest * 10 + (char.charCodeAt(0) - 48)) % 97;
  return rest;
}

/** ISO 7064 MOD 11,10 (German VAT). */
function mod1110(number: string): boolean {
  let product = 10;
  for (let i = 0; i < number.length - 1; i++) {
    let sum = (number.charCodeAt(i) - 48 + product) % 10;
    if (sum === 0) sum = 10;
    product = (2 * sum) % 11;
  }
  let check = 11 - product;
  if (check === 10) check = 0;
  return check === number.charCodeAt(number.length - 1) - 48;
}

function fixedDigits(length: number, example: string, compact: string): Checked | null {
  if (!digits(compact)) return fail('identifier.invalid_characters');
  if (compact.length !== length) return fail('identifier.format', { example });
  return null;
}

function withPrefix(prefix: string, compact: string, inner: (rest: string) => Checked): Checked {
  const rest = compact.startsWith(prefix) ? compact.slice(prefix.length) : compact;
  if (rest === compact && /^[A-Z]{2}/.test(compact) && compact.length > 11) {
    return fail('identifier.country_prefix', { expected: prefix });
  }
  const checked = inner(rest);
  return checked.ok ? ok(prefix + checked.value) : checked;
}

const siren = (compact: string): Checked =>
  fixedDigits(9, '552 032 534', compact) ?? (luhn(compact) ? ok(compact) : fail('identifier.checksum'));

const siret = (compact: string): Checked => {
  const bad = fixedDigits(14, '732 829 320 00074', compact);
  if (bad) return bad;
  // La Poste's establishments are numbered outside the Luhn rule (digit sum a multiple of 5).
  if (compact.startsWith('356000000')) {
    const sum = [...compact].reduce((total, char) => total + Number(char), 0);
    return sum % 5 === 0 ? ok(compact) : fail('identifier.checksum');
  }
  return luhn(compact) ? ok(compact) : fail('identifier.checksum');
};

const frVat = (rest: string): Checked => {
  if (!/^[0-9A-Z]{2}\d{9}$/.test(rest)) return fail('identifier.format', { example: 'FR 27 552 032 534' });
  const number = rest.slice(2);
  if (!luhn(number) && number !== '000000000') return fail('identifier.checksum');
  if (digits(rest.slice(0, 2))) {
    const key = (12 + 3 * (Number(number) % 97)) % 97;
    if (key !== Number(rest.slice(0, 2))) return fail('identifier.checksum');
  }
  return ok(rest);
};

const beKbo = (compact: string): Checked => {
  const number = compact.length === 9 ? `0${compact}` : compact;
  const bad = fixedDigits(10, '0403.170.701', number);
  if (bad) return bad;
  if (!/^[01]/.test(number)) return fail('identifier.format', { example: '0403.170.701' });
  return 97 - (Number(number.slice(0, 8)) % 97) === Number(number.slice(8)) ? ok(number) : fail('identifier.checksum');
};

const nlKvk = (compact: string): Checked => fixedDigits(8, '33014286', compact) ?? ok(compact);

const nlVat = (rest: string): Checked => {
  if (!/^\d{9}B\d{2}$/.test(rest)) return fail('identifier.format', { example: 'NL004495445B01' });
  const number = rest.slice(0, 9);
  const weights = [9, 8, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(number[i]), 0);
  const elevenProof = sum % 11 === Number(number[8]);
  // Since 2020 the sole-trader numbers follow ISO 7064 mod 97-10 over "NL" + number.
  const numeric = `2321${rest.replace('B', '11')}`;
  return elevenProof || mod97(numeric) === 1 ? ok(rest) : fail('identifier.checksum');
};

const deVat = (rest: string): Checked => {
  const bad = fixedDigits(9, 'DE 136 695 976', rest);
  if (bad) return bad;
  return mod1110(rest) ? ok(rest) : fail('identifier.checksum');
};

const itPiva = (compact: string): Checked => {
  const bad = fixedDigits(11, '00743110157', compact);
  if (bad) return bad;
  return luhn(compact) ? ok(compact) : fail('identifier.checksum');
};

const CIF_LETTERS = 'JABCDEFGHI';
const esCif = (compact: string): Checked => {
  if (!/^[ABCDEFGHJNPQRSUVW]\d{7}[0-9A-J]$/.test(compact)) return fail('identifier.format', { example: 'A58818501' });
  const body = compact.slice(1, 8);
  let sum = 0;
  for (let i = 0; i < 7; i++) {
    let digit = Number(body[i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  const control = (10 - (sum % 10)) % 10;
  const last = compact[8];
  return last === String(control) || last === CIF_LETTERS[control] ? ok(compact) : fail('identifier.checksum');
};

const NIF_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
const esNif = (compact: string): Checked => {
  const match = /^([0-9XYZ])(\d{7})([A-Z])$/.exec(compact);
  if (!match) return fail('identifier.format', { example: '12345678Z' });
  const lead = 'XYZ'.indexOf(match[1]);
  const number = Number(`${lead >= 0 ? lead : match[1]}${match[2]}`);
  return NIF_LETTERS[number % 23] === match[3] ? ok(compact) : fail('identifier.checksum');
};

const gbCrn = (compact: string): Checked => {
  const number = digits(compact) && compact.length < 8 ? compact.padStart(8, '0') : compact;
  return /^([0-9]{8}|(SC|NI|OC|SO|NC|R0|LP|SL|NL|FC|SF|NF|IP|SP|IC|SI|NP|NO|RC|SR|NR|GE|CE|CS|ZC|SZ)\d{6})$/.test(number)
    ? ok(number)
    : fail('identifier.format', { example: '00445790' });
};

const gbVat = (rest: string): Checked => {
  if (/^(GD[0-4]\d{2}|HA[5-9]\d{2})$/.test(rest)) return ok(rest);
  const number = rest.length === 12 ? rest.slice(0, 9) : rest;
  const bad = fixedDigits(9, 'GB 980 7806 84', number);
  if (bad) return bad;
  const weights = [8, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(number[i]), 0) + Number(number.slice(7));
  return sum % 97 === 0 || (sum + 55) % 97 === 0 ? ok(rest) : fail('identifier.checksum');
};

const chUid = (compact: string): Checked => {
  const number = compact.replace(/^CHE/, '').replace(/(MWST|TVA|IVA)$/, '');
  const bad = fixedDigits(9, 'CHE-116.281.710', number);
  if (bad) return bad;
  const weights = [5, 4, 3, 2, 7, 6, 5, 4];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(number[i]), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return fail('identifier.checksum');
  return (check === 11 ? 0 : check) === Number(number[8]) ? ok(`CHE${number}`) : fail('identifier.checksum');
};

const lei = (compact: string): Checked => {
  if (!/^[0-9A-Z]{18}\d{2}$/.test(compact)) return fail('identifier.format', { example: '5493001KJTIIGC8Y1R12' });
  const numeric = [...compact].map((char) => (/\d/.test(char) ? char : String(char.charCodeAt(0) - 55))).join('');
  return mod97(numeric) === 1 ? ok(compact) : fail('identifier.checksum');
};

const nineDigits = (example: string) => (compact: string): Checked => fixedDigits(9, example, compact) ?? ok(compact);

export const KINDS: Record<string, Kind> = {
  'fr.siren': { country: 'FR', check: siren },
  'fr.siret': { country: 'FR', check: siret },
  'fr.vat': { country: 'FR', check: (c) => withPrefix('FR', c, frVat) },
  'be.kbo': { country: 'BE', check: beKbo },
  'be.vat': { country: 'BE', check: (c) => withPrefix('BE', c, beKbo) },
  'nl.kvk': { country: 'NL', check: nlKvk },
  'nl.vat': { country: 'NL', check: (c) => withPrefix('NL', c, nlVat) },
  'de.vat': { country: 'DE', check: (c) => withPrefix('DE', c, deVat) },
  'it.piva': { country: 'IT', check: itPiva },
  'it.vat': { country: 'IT', check: (c) => withPrefix('IT', c, itPiva) },
  'es.cif': { country: 'ES', check: esCif },
  'es.nif': { country: 'ES', check: esNif },
  'es.vat': { country: 'ES', check: (c) => withPrefix('ES', c, (rest) => (esCif(rest).ok ? esCif(rest) : esNif(rest))) },
  'gb.crn': { country: 'GB', check: gbCrn },
  'gb.vat': { country: 'GB', check: (c) => withPrefix('GB', c, gbVat) },
  'ch.uid': { country: 'CH', check: chUid },
  'us.ein': { country: 'US', check: nineDigits('12-3456789') },
  lei: { country: null, check: lei },
  duns: { country: null, check: nineDigits('150483782') },
};

/** Removes what people type between the characters of an identifier. */
export function compact(value: string): string {
  return value.toUpperCase().replace(/[\s.\-/_\u00a0\u202f]/g, '');
}

/** Canonical form of `value` as an identifier of `kind`. */
export function validateIdentifier(kind: string, value: string): Checked {
  const known = KINDS[kind];
  if (!known) return fail('identifier.unknown_kind', { kind });
  const text = compact(value);
  if (text === '') return fail('identifier.required');
  if (!/^[0-9A-Z]+$/.test(text)) return fail('identifier.invalid_characters');
  return known.check(text);
}

/** The kinds `text` is valid as in `country`, most specific first, with canonical values. */
export function detectIdentifiers(country: string, text: string): { kind: string; value: string }[] {
  const found: { kind: string; value: string }[] = [];
  const typed = compact(text);
  if (typed.length < 7 || !/\d{5}/.test(typed)) return found;
  for (const [kind, known] of Object.entries(KINDS)) {
    if (known.country !== null && known.country !== country) continue;
    if (kind === 'duns' && found.length > 0) continue;
    const checked = validateIdentifier(kind, typed);
    if (checked.ok) found.push({ kind, value: checked.value });
  }
  return found;
}

/** Country of an identifier kind (`fr.siren` → `FR`), or null. */
export function countryOfKind(kind: string): string | null {
  const prefix = kind.split('.')[0];
  return prefix.length === 2 ? prefix.toUpperCase() : null;
}

// Wire codes of each insurer.

const COFACE_TYPES: Record<string, string> = {
  'fr.siren': 'SIREN_FRA', 'fr.siret': 'SIRET_FRA', 'fr.vat': 'VAT_FRA', 'de.vat': 'VAT_DEU',
  'be.kbo': 'KBO_BEL', 'be.vat': 'VAT_BEL', 'nl.kvk': 'KVK_NLD', 'nl.vat': 'VAT_NLD',
  'it.piva': 'PIVA_ITA', 'it.vat': 'VAT_ITA', 'es.cif': 'CIF_ESP', 'es.nif': 'NIF_ESP', 'es.vat': 'VAT_ESP',
  'gb.crn': 'CRN_GBR', 'gb.vat': 'VAT_GBR', 'ch.uid': 'UID_CHE', 'us.ein': 'EIN_USA', lei: 'LEI', duns: 'DUNS',
};
const COFACE_KINDS: Record<string, string> = Object.fromEntries(
  Object.entries(COFACE_TYPES).map(([kind, type]) => [type, kind]),
);
COFACE_KINDS.VAT_CHE = 'ch.uid';

export const cofaceType = (kind: string): string | undefined => COFACE_TYPES[kind];

const ALLIANZ_TYPES: Record<string, string> = {
  'fr.siren': 'SIREN', 'fr.siret': 'SIRET', 'be.kbo': 'KBO', 'nl.kvk': 'KVK', 'it.piva': 'PIVA',
  'es.cif': 'CIF', 'es.nif': 'NIF', 'gb.crn': 'CRN', 'ch.uid': 'UID', 'us.ein': 'EIN', lei: 'LEI',
  duns: 'DUNS', 'allianz.company_id': 'EH',
};

export function allianzType(kind: string): string | undefined {
  return ALLIANZ_TYPES[kind] ?? (kind.endsWith('.vat') ? 'VAT' : undefined);
}

const ATRADIUS_TYPES: Record<string, string> = {
  'fr.siren': 'SN', 'fr.siret': 'SN', 'gb.crn': 'CR', 'be.kbo': 'NRN', 'ch.uid': 'NRN', 'nl.kvk': 'TK',
  'it.piva': 'FC', 'es.cif': 'FC', 'es.nif': 'FC', 'us.ein': 'FC', duns: 'DB',
};

export function atradiusType(kind: string): string | undefined {
  return ATRADIUS_TYPES[kind] ?? (kind.endsWith('.vat') ? 'VAT' : undefined);
}

/** Reads an identifier an insurer sent: the first candidate kind that validates gives the
 * canonical form; otherwise the compact value is kept as `other.<type>`. */
export function fromWire(candidates: string[], type: string, value: string): Identifier | null {
  const raw = compact(value);
  if (raw === '') return null;
  for (const kind of candidates) {
    const checked = validateIdentifier(kind, raw);
    if (checked.ok) return { kind, value: checked.value };
  }
  return { kind: `other.${type.toLowerCase()}`, value: raw };
}

export function cofaceIdentifier(type: string, value: string): Identifier | null {
  const kind = COFACE_KINDS[type.trim().toUpperCase()];
  return fromWire(kind ? [kind] : [], type, value);
}

export function allianzIdentifier(type: string, value: string, country: string | null): Identifier | null {
  const code = type.trim().toUpperCase();
  const kinds = Object.entries(ALLIANZ_TYPES)
    .filter(([, wire]) => wire === code)
    .map(([kind]) => kind);
  if (code === 'VAT' && country) kinds.push(`${country.toLowerCase()}.vat`);
  return fromWire(kinds, type, value);
}

export function atradiusIdentifier(type: string, value: string, country: string | null): Identifier | null {
  const code = type.trim().toUpperCase();
  const kinds = Object.entries(ATRADIUS_TYPES)
    .filter(([kind, wire]) => wire === code && (!country || !countryOfKind(kind) || countryOfKind(kind) === country))
    .map(([kind]) => kind);
  if (code === 'VAT') kinds.push(...Object.keys(KINDS).filter((kind) => kind.endsWith('.vat') && (!country || countryOfKind(kind) === country)));
  return fromWire(kinds, `atradius_${type}`, value);
}
