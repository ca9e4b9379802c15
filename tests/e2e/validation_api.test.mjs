// The validation API of the built package, imported in Node (no DOM): plain objects, no throws.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './support.mjs';

const entry = await import(join(ROOT, 'pkg', 'index.js'));

test('before loading, the API answers a typed error instead of throwing', () => {
  const result = entry.validateIdentifier('fr.siren', '552032534');
  assert.equal(result.ok, false);
  assert.equal(result.errors[0].code, 'wasm.not_loaded');
  // Tests run in order: load for the ones below.
  entry.loadSync({ module: readFileSync(join(ROOT, 'pkg', 'tradecover_bg.wasm')) });
  assert.equal(entry.validateIdentifier('fr.siren', '552032534').ok, true);
});

test('validateIdentifier returns the canonical form', () => {
  assert.deepEqual(entry.validateIdentifier('de.vat', 'de 136 695 976'), { ok: true, value: 'DE136695976' });
  assert.deepEqual(entry.validateIdentifier('be.kbo', '403.170.701'), { ok: true, value: '0403170701' });
});

test('errors carry code, field, params and a message in the asked language', () => {
  const result = entry.validateIdentifier('de.vat', 'DE136695977', 'de-DE');
  assert.equal(result.ok, false);
  const [error] = result.errors;
  assert.equal(error.code, 'identifier.checksum');
  assert.equal(error.field, 'identifier');
  assert.equal(typeof error.params, 'object');
  const english = entry.validateIdentifier('de.vat', 'DE136695977', 'en').errors[0].message;
  assert.notEqual(error.message, english);
});

test('nothing throws on hostile arguments', () => {
  const hostile = [undefined, null, 0, {}, [], 'x'.repeat(100_000), '\u0000\uffff\ud800', Symbol.iterator.toString()];
  for (const a of hostile) {
    for (const b of hostile) {
      for (const call of [
        () => entry.validateIdentifier(a, b, a),
        () => entry.detectIdentifier(a, b),
        () => entry.validateField(a, b, a),
        () => entry.parseMoney(a, b, a),
        () => entry.formatMoney(a, b),
      ]) {
        const result = call();
        assert.equal(typeof result.ok, 'boolean');
      }
    }
  }
});

test('parseMoney and formatMoney agree with Intl for the six languages', () => {
  for (const locale of ['en-US', 'fr-FR', 'de-DE', 'nl-NL', 'es-ES', 'it-IT']) {
    const shown = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(12345.67);
    const parsed = entry.parseMoney(shown, 'EUR', locale);
    assert.deepEqual(parsed, { ok: true, value: { minor: 1234567, currency: 'EUR' } }, `${locale}: ${shown}`);
    assert.deepEqual(entry.formatMoney(parsed.value, locale), { ok: true, value: shown });
  }
});

test('countries are named in the locale and currencies have minor units', () => {
  const { value: countries } = entry.countries('fr');
  assert.equal(countries.length, 249);
  assert.equal(countries.find((country) => country.code === 'DE').name, 'Allemagne');
  const { value: currencies } = entry.currencies();
  assert.equal(currencies.find((currency) => currency.code === 'KWD').minorUnits, 3);
});
