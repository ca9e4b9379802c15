// The form's and the search box's rules as zod schemas: what a good team writes when it owns
// validation (identifier check digits, locale amounts, postcodes, lengths, cross-field rules).
// Issues carry tradecover's error codes as `message` and their `{param}`s in `params`.

import { z } from 'zod';
import { COUNTRY_CODES, REGION_REQUIRED, countryCode } from './countries';
import { KINDS, countryOfKind, detectIdentifiers, validateIdentifier } from './identifiers';
import { minorUnits, parseMoney } from './money';
import { t } from './texts';
import type { Identifier, InsurerName, Money, WidgetError } from './types';

export const NAME_MIN_CHARS = 2;
export const NAME_MAX_CHARS = 120;
export const TOWN_MAX_CHARS = 80;
export const POSTCODE_MAX_CHARS = 12;
export const REGION_MAX_CHARS = 60;
export const COMMENT_MAX_CHARS = 1000;
export const ATRADIUS_MULTIPLE = 1000;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const collapse = (value: string) => value.trim().replace(/\s+/g, ' ');

type Context = z.RefinementCtx;

function issue(ctx: Context, field: string, code: string, params: Record<string, string | number> = {}) {
  ctx.addIssue({ code: 'custom', message: code, path: [field], params });
}

/** Postcode shapes per country (`9` a digit, `A` a letter); others: letters, digits, blanks, dashes. */
const POSTCODES: Record<string, { pattern: RegExp; example: string }> = {
  FR: { pattern: /^\d{5}$/, example: '75002' },
  DE: { pattern: /^\d{5}$/, example: '50667' },
  IT: { pattern: /^\d{5}$/, example: '20121' },
  ES: { pattern: /^\d{5}$/, example: '28013' },
  BE: { pattern: /^\d{4}$/, example: '1000' },
  CH: { pattern: /^\d{4}$/, example: '8001' },
  AT: { pattern: /^\d{4}$/, example: '1010' },
  NL: { pattern: /^\d{4} ?[A-Z]{2}$/, example: '1012 AB' },
  GB: { pattern: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/, example: 'SW1A 1AA' },
  US: { pattern: /^\d{5}(-\d{4})?$/, example: '12207' },
  PL: { pattern: /^\d{2}-\d{3}$/, example: '00-950' },
  PT: { pattern: /^\d{4}-\d{3}$/, example: '1100-148' },
};

function checkName(ctx: Context, field: string, raw: string): string | undefined {
  const name = collapse(raw);
  if (name === '') issue(ctx, field, 'name.required');
  else if (CONTROL.test(name)) issue(ctx, field, 'name.invalid_characters');
  else if (!/[\p{L}\p{N}]/u.test(name)) issue(ctx, field, 'name.no_letters');
  else if ([...name].length < NAME_MIN_CHARS) issue(ctx, field, 'name.too_short', { min: NAME_MIN_CHARS });
  else if ([...name].length > NAME_MAX_CHARS) issue(ctx, field, 'name.too_long', { max: NAME_MAX_CHARS });
  else return name;
  return undefined;
}

function checkTown(ctx: Context, field: string, raw: string, required: boolean): string | undefined {
  const town = collapse(raw);
  if (town === '') {
    if (required) issue(ctx, field, 'town.required');
    return undefined;
  }
  if (CONTROL.test(town)) issue(ctx, field, 'town.invalid_characters');
  else if ([...town].length > TOWN_MAX_CHARS) issue(ctx, field, 'town.too_long', { max: TOWN_MAX_CHARS });
  else return town;
  return undefined;
}

function checkPostcode(ctx: Context, field: string, raw: string, country: string | null): string | undefined {
  const postcode = collapse(raw).toUpperCase();
  if (postcode === '') return undefined;
  if (!/^[A-Z0-9 -]+$/.test(postcode)) issue(ctx, field, 'postcode.invalid_characters');
  else if (postcode.length > POSTCODE_MAX_CHARS) issue(ctx, field, 'postcode.too_long', { max: POSTCODE_MAX_CHARS });
  else if (country && POSTCODES[country] && !POSTCODES[country].pattern.test(postcode)) {
    issue(ctx, field, 'postcode.format', { example: POSTCODES[country].example });
  } else return postcode;
  return undefined;
}

function checkRegion(ctx: Context, field: string, raw: string, country: string | null): string | undefined {
  const region = collapse(raw);
  if (region === '') {
    if (country && REGION_REQUIRED.has(country)) issue(ctx, field, 'region.required');
    return undefined;
  }
  if (CONTROL.test(region)) issue(ctx, field, 'region.invalid_characters');
  else if ([...region].length > REGION_MAX_CHARS) issue(ctx, field, 'region.too_long', { max: REGION_MAX_CHARS });
  else return region;
  return undefined;
}

/** The identifier typed for a buyer of `country`: the first kind it is valid as, else the most
 * telling error of the country's kinds (a checksum beats a format). */
function checkIdentifier(ctx: Context, field: string, raw: string, country: string | null): Identifier | undefined {
  if (raw.trim() === '') return undefined;
  const found = country ? detectIdentifiers(country, raw) : [];
  if (found.length > 0) return found[0];
  const kinds = Object.keys(KINDS).filter((kind) => countryOfKind(kind) === country || countryOfKind(kind) === null);
  const codes = kinds.map((kind) => validateIdentifier(kind, raw)).filter((checked) => !checked.ok);
  const checksum = codes.find((checked) => !checked.ok && checked.code === 'identifier.checksum');
  const first = checksum ?? codes[0];
  if (first && !first.ok) issue(ctx, field, first.code, first.params);
  else issue(ctx, field, 'identifier.format', { example: '552 032 534' });
  return undefined;
}

// The search box.

export interface SearchTyped {
  text: string;
  country: string;
  location: string;
  region: string;
}

export function searchSchema(insurer: InsurerName) {
  return z
    .object({ text: z.string(), country: z.string(), location: z.string(), region: z.string() })
    .transform((typed, ctx) => {
      const country = countryCode(typed.country);
      if (!country) {
        issue(ctx, 'country', typed.country.trim() === '' ? 'country.required' : 'country.unknown', { value: typed.country });
        return z.NEVER;
      }
      const identifiers = detectIdentifiers(country, typed.text);
      if (insurer === 'atradius') {
        if (typed.text.trim() === '') issue(ctx, 'identifier', 'identifier.required');
        return { country, identifiers };
      }
      const location = typed.location.trim();
      const postcode = /\d/.test(location) ? checkPostcode(ctx, 'postcode', location, country) : undefined;
      const town = /\d/.test(location) ? undefined : checkTown(ctx, 'town', location, false);
      const region = insurer === 'coface' && REGION_REQUIRED.has(country) ? checkRegion(ctx, 'region', typed.region, country) : undefined;
      let name: string | undefined;
      if (identifiers.length === 0) name = checkName(ctx, 'name', typed.text);
      else {
        // An identifier is searched first, then the same text as a name when it is one.
        const probe = collapse(typed.text);
        if ([...probe].length >= NAME_MIN_CHARS && !CONTROL.test(probe)) name = probe;
      }
      return { country, identifiers, name, town, postcode, region };
    });
}

// The cover request form.

export interface Draft {
  buyerName: string;
  buyerStreet: string;
  buyerPostcode: string;
  buyerTown: string;
  buyerRegion: string;
  buyerCountry: string;
  identifier: string;
  coverType: string;
  amount: string;
  currency: string;
  customerReference: string;
  urgent: boolean;
  policyBusinessUnit: string;
  policyId: string;
  policyExtension: string;
  comment: string;
  idempotencyKey: string;
}

export interface FormContext {
  insurer: InsurerName;
  locale: string;
  /** The buyer's insurer key; empty when the form asks for an unknown buyer. */
  buyerId: string;
}

export interface ValidApplication {
  buyerId: string;
  newBuyer?: { name: string; street?: string; postcode?: string; town?: string; region?: string; country: string; identifiers: Identifier[] };
  coverType: 'credit-limit' | 'indication' | 'credit-check';
  amount: Money | null;
  amountUnits: number;
  currency: string;
  customerReference?: string;
  comment?: string;
  urgent: boolean;
  policy?: { businessUnitCode: string; policyId: string; extensionId: string };
  idempotencyKey: string;
}

const COVER_TYPES: Record<InsurerName, string[]> = {
  atradius: ['credit-limit', 'indication', 'credit-check'],
  coface: ['credit-limit'],
  'allianz-trade': ['credit-limit'],
};

export const coverTypesOf = (insurer: InsurerName) => COVER_TYPES[insurer];

export function formSchema(context: FormContext) {
  const { insurer, locale, buyerId } = context;
  return z
    .object({
      buyerName: z.string(),
      buyerStreet: z.string(),
      buyerPostcode: z.string(),
      buyerTown: z.string(),
      buyerRegion: z.string(),
      buyerCountry: z.string(),
      identifier: z.string(),
      coverType: z.string(),
      amount: z.string(),
      currency: z.string(),
      customerReference: z.string(),
      urgent: z.boolean(),
      policyBusinessUnit: z.string(),
      policyId: z.string(),
      policyExtension: z.string(),
      comment: z.string(),
      idempotencyKey: z.string().regex(/^[\x21-\x7e]{1,255}$/, 'idempotency_key.format'),
    })
    .transform((draft, ctx): ValidApplication => {
      let newBuyer: ValidApplication['newBuyer'];
      if (buyerId.trim() === '') {
        const before = ctx.issues.length;
        const name = checkName(ctx, 'buyerName', draft.buyerName);
        const country = countryCode(draft.buyerCountry);
        if (!country) issue(ctx, 'buyerCountry', draft.buyerCountry.trim() === '' ? 'country.required' : 'country.unknown', { value: draft.buyerCountry });
        const town = checkTown(ctx, 'buyerTown', draft.buyerTown, false);
        const postcode = checkPostcode(ctx, 'buyerPostcode', draft.buyerPostcode, country);
        const region = checkRegion(ctx, 'buyerRegion', draft.buyerRegion, country);
        if (!town && !postcode && ctx.issues.length === before) issue(ctx, 'buyerTown', 'buyer.location_required');
        const identifier = checkIdentifier(ctx, 'identifier', draft.identifier, country);
        newBuyer = {
          name: name ?? '',
          street: collapse(draft.buyerStreet) || undefined,
          postcode,
          town,
          region,
          country: country ?? '',
          identifiers: identifier ? [identifier] : [],
        };
      }
      const currency = draft.currency.trim().toUpperCase();
      const units = minorUnits(currency);
      if (units === null) issue(ctx, 'currency', currency === '' ? 'currency.required' : 'currency.unknown', { value: currency });
      const coverType = draft.coverType.trim() || (insurer === 'atradius' ? '' : 'credit-limit');
      if (coverType === '') issue(ctx, 'coverType', 'cover_type.required');
      else if (!['credit-limit', 'indication', 'credit-check'].includes(coverType)) issue(ctx, 'coverType', 'cover_type.unknown', { value: coverType });
      else if (!COVER_TYPES[insurer].includes(coverType)) issue(ctx, 'coverType', 'cover_type.unsupported', { insurer });
      let amount: Money | null = null;
      if (coverType !== 'credit-check' && units !== null) {
        const parsed = parseMoney(draft.amount, currency, locale);
        if (!parsed.ok) issue(ctx, 'amount', parsed.code, parsed.params);
        else if (parsed.value.minor <= 0) issue(ctx, 'amount', 'amount.not_positive');
        else if (insurer === 'atradius' && parsed.value.minor % (ATRADIUS_MULTIPLE * 10 ** units) !== 0) {
          issue(ctx, 'amount', 'amount.not_multiple', { multiple: ATRADIUS_MULTIPLE });
        } else amount = parsed.value;
      }
      const reference = collapse(draft.customerReference);
      const referenceMax = insurer === 'allianz-trade' ? 20 : 35;
      if (CONTROL.test(reference)) issue(ctx, 'customerReference', 'customer_reference.invalid_characters');
      else if ([...reference].length > referenceMax) issue(ctx, 'customerReference', 'customer_reference.too_long', { max: referenceMax });
      const comment = draft.comment.trim();
      if (insurer !== 'atradius') {
        if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(comment)) issue(ctx, 'comment', 'comment.invalid_characters');
        else if ([...comment].length > COMMENT_MAX_CHARS) issue(ctx, 'comment', 'comment.too_long', { max: COMMENT_MAX_CHARS });
      }
      let policy: ValidApplication['policy'];
      if (insurer === 'allianz-trade') {
        const businessUnitCode = draft.policyBusinessUnit.trim().toUpperCase();
        const policyId = draft.policyId.trim();
        if (businessUnitCode === '') issue(ctx, 'policyBusinessUnit', 'policy.required');
        if (policyId === '') issue(ctx, 'policyId', 'policy.required');
        policy = { businessUnitCode, policyId, extensionId: draft.policyExtension.trim() };
      }
      return {
        buyerId: buyerId.trim(),
        newBuyer,
        coverType: coverType as ValidApplication['coverType'],
        amount,
        amountUnits: units ?? 2,
        currency,
        customerReference: reference || undefined,
        comment: insurer !== 'atradius' ? comment || undefined : undefined,
        urgent: insurer === 'allianz-trade' && draft.urgent,
        policy,
        idempotencyKey: draft.idempotencyKey,
      };
    });
}

/** zod issues as the widgets' errors, worded from the catalogue. */
export function toErrors(error: z.ZodError): WidgetError[] {
  return error.issues.map((found) => {
    const code = found.message;
    const params = (found as { params?: Record<string, string | number> }).params ?? {};
    return { code, field: String(found.path[0] ?? ''), message: t(code, params), retryable: false };
  });
}

export const ALL_COUNTRIES = COUNTRY_CODES;
