import { z } from '../zod/mini';
import { CUSTOM_ID, MAX_SELECTOR, isValidSelector, type CustomCrmDefinition } from './adapters/generic';

// CRMs the user defines (an in-house CRM, a self-hosted Odoo or EspoCRM…):
// validation, the host match pattern from what the user types, and the
// versioned export/import file. For the extension pages only: this file
// bundles zod/mini. The content script reads a definition with
// `createCustomAdapter` from adapters/generic.ts, which needs no zod.

export const MAX_CRM_NAME = 80;
export const MAX_HOST_PATTERN = 300;
export const MAX_CUSTOM_CRMS = 100;
/** Longest import file read, in characters (a full file of 100 definitions is far smaller). */
export const MAX_IMPORT_CHARS = 1_000_000;
export const CUSTOM_CRMS_FORMAT = 'iron-triangle/custom-crms';
export const CUSTOM_CRMS_VERSION = 1;

/** One problem, with the path to the offending value (e.g. `['crms', 2, 'hostPattern']`). */
export interface CustomCrmIssue {
  path: (string | number)[];
  message: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: CustomCrmIssue[] };

// --- Host match patterns ------------------------------------------------------------

export type MatchPatternResult = { ok: true; value: string } | { ok: false; error: string };

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOST_NAME = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`);
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

const fail = (error: string): MatchPatternResult => ({ ok: false, error });

/**
 * The match pattern for what a user types as their CRM's address:
 * "crm.example.com", "https://crm.example.com/deals?view=1" -> "https://crm.example.com/*",
 * "*.example.com" -> "https://*.example.com/*". Only https, one host (a "*" only
 * for subdomains of a domain with a dot), no port, no user name; a path is
 * dropped because the reader must see every page of the CRM. Unicode host
 * names become punycode, as browsers match them.
 */
export function matchPatternForHost(input: unknown): MatchPatternResult {
  if (typeof input !== 'string' || input.trim() === '') return fail('Type the address of your CRM, e.g. crm.example.com.');
  let rest = input.trim();
  if (rest.length > MAX_HOST_PATTERN) return fail(`An address has at most ${MAX_HOST_PATTERN} characters.`);
  if (rest === '<all_urls>' || /^\*(?::\/\/\*(?:\/.*)?)?$/.test(rest) || /^\*:\/\//.test(rest)) {
    return fail('Name your CRM’s host: the reader is never enabled on all sites.');
  }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(rest);
  if (scheme) {
    const name = (scheme[1] as string).toLowerCase();
    if (name === 'http') return fail('Only https:// pages can be read: a CRM served over plain http is not supported.');
    if (name !== 'https') return fail(`Only https:// pages can be read, not ${name}:.`);
    rest = rest.slice(scheme[0].length);
  } else if (/^[a-z][a-z0-9+.-]*:(?!\d)/i.test(rest)) {
    return fail('Not a web address: type the host, e.g. crm.example.com.');
  }
  const host = rest.split(/[/?#]/, 1)[0] ?? '';
  if (host.includes('@')) return fail('Leave out the user name: type only the host, e.g. crm.example.com.');
  if (/:\d*$/.test(host)) return fail('Leave out the port: the pattern covers the host on any port.');
  const wildcard = host.startsWith('*.');
  const domain = (wildcard ? host.slice(2) : host).replace(/\.$/, '');
  if (domain.includes('*')) return fail('A "*" may only stand for subdomains, at the start: *.example.com.');
  if (!domain) return fail('Type the address of your CRM, e.g. crm.example.com.');
  let ascii: string;
  try {
    ascii = new URL(`https://${domain}/`).hostname;
  } catch {
    return fail(`"${domain}" is not a valid host name.`);
  }
  if (ascii.length > 253 || !HOST_NAME.test(ascii)) return fail(`"${domain}" is not a valid host name.`);
  if (wildcard && IPV4.test(ascii)) return fail('A "*" cannot stand in an IP address.');
  if (wildcard && !ascii.includes('.')) return fail(`"*.${ascii}" would cover far too many sites: name your company’s domain, e.g. *.example.com.`);
  return { ok: true, value: `https://${wildcard ? '*.' : ''}${ascii}/*` };
}

// --- Schema -------------------------------------------------------------------------------

const selector = z.string().check(
  z.superRefine((value, ctx) => {
    if (value.length > MAX_SELECTOR) ctx.addIssue({ code: 'custom', message: `A selector has at most ${MAX_SELECTOR} characters.`, input: value });
    else if (!isValidSelector(value)) ctx.addIssue({ code: 'custom', message: 'Not a valid CSS selector.', input: value });
  }),
);

export const CustomSelectorsSchema = z.strictObject({
  name: z.optional(selector),
  stage: z.optional(selector),
  amount: z.optional(selector),
  closeDate: z.optional(selector),
  owner: z.optional(selector),
  account: z.optional(selector),
  contacts: z.optional(selector),
});

export const CustomCrmSchema = z.strictObject({
  /** Slug; the adapter id is `custom-{id}` (snapshot `crm` ids have at most 40 characters). */
  id: z.string().check(z.regex(CUSTOM_ID, 'Use 1 to 33 lowercase letters, digits and "-", e.g. "acme-crm".')),
  name: z.string().check(
    z.trim(),
    z.minLength(1, 'Give the CRM a name.'),
    z.maxLength(MAX_CRM_NAME, `A name has at most ${MAX_CRM_NAME} characters.`),
  ),
  hostPattern: z.string().check(
    z.superRefine((value, ctx) => {
      const result = matchPatternForHost(value);
      if (!result.ok) ctx.addIssue({ code: 'custom', message: result.error, input: value });
      else if (result.value !== value) ctx.addIssue({ code: 'custom', message: `Use the match pattern ${result.value}.`, input: value });
    }),
  ),
  selectors: z.optional(CustomSelectorsSchema),
  createdAt: z.int().check(z.gte(0, 'Not a valid creation time.')),
});

export type CustomCrm = z.infer<typeof CustomCrmSchema>;

// A stored definition is what the content script's createCustomAdapter reads.
const _sameShape: (crm: CustomCrm) => CustomCrmDefinition = (crm) => crm;
void _sameShape;

const EXPECTED: Record<string, string> = { string: 'text', number: 'a number', int: 'a whole number', object: 'an object', array: 'a list' };

/**
 * zod/mini ships no messages ("Invalid input"): the checks above carry their
 * own, and the structural problems get theirs here.
 */
function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.message !== 'Invalid input') return issue.message;
  switch (issue.code) {
    case 'unrecognized_keys':
      return `Unknown ${issue.keys.length > 1 ? 'keys' : 'key'}: ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}.`;
    case 'invalid_type':
      return `Expected ${EXPECTED[issue.expected] ?? issue.expected}.`;
    case 'invalid_format':
      return 'Not in the expected format.';
    default:
      return 'Not a valid value.';
  }
}

function issuesOf(error: z.core.$ZodError): CustomCrmIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment))),
    message: messageOf(issue),
  }));
}

function check<T>(schema: z.ZodMiniType<T>, input: unknown): Checked<T> {
  try {
    const result = schema.safeParse(input);
    return result.success ? { ok: true, value: result.data } : { ok: false, errors: issuesOf(result.error) };
  } catch {
    return { ok: false, errors: [{ path: [], message: 'Not a custom CRM definition.' }] };
  }
}

/** Validates a definition (from the form or a file). Never throws. */
export function parseCustomCrm(input: unknown): Checked<CustomCrm> {
  return check(CustomCrmSchema, input);
}

/**
 * An id for a new CRM named `name`: its letters and digits as a slug
 * ("Acme CRM (EU)" -> "acme-crm-eu"), "crm" when there are none (a Chinese
 * name), with "-2", "-3"… when taken.
 */
export function suggestCustomCrmId(name: string, taken: Iterable<string> = []): string {
  const used = new Set(taken);
  const base =
    String(name ?? '')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '') // accents: "é" -> "e"
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 28)
      .replace(/-+$/, '') || 'crm';
  if (!used.has(base)) return base;
  for (let n = 2; ; n += 1) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

// --- Export and import ----------------------------------------------------------------------

export const CustomCrmsFileSchema = z.strictObject({
  format: z.literal(CUSTOM_CRMS_FORMAT, `Not an Iron Triangle custom CRM file (format must be "${CUSTOM_CRMS_FORMAT}").`),
  version: z.literal(CUSTOM_CRMS_VERSION, `Only version ${CUSTOM_CRMS_VERSION} files can be imported; this one needs another version of the extension.`),
  crms: z.array(CustomCrmSchema).check(
    z.maxLength(MAX_CUSTOM_CRMS, `A file holds at most ${MAX_CUSTOM_CRMS} CRMs.`),
    z.superRefine((crms, ctx) => {
      const ids = new Map<string, number>();
      const patterns = new Map<string, number>();
      crms.forEach((crm, i) => {
        const sameId = ids.get(crm.id);
        if (sameId !== undefined) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `Duplicate id "${crm.id}" (also CRM ${sameId + 1}).`, input: crm.id });
        else ids.set(crm.id, i);
        const samePattern = patterns.get(crm.hostPattern);
        if (samePattern !== undefined) {
          ctx.addIssue({ code: 'custom', path: [i, 'hostPattern'], message: `CRM ${samePattern + 1} already reads ${crm.hostPattern}.`, input: crm.hostPattern });
        } else patterns.set(crm.hostPattern, i);
      });
    }),
  ),
});

export type CustomCrmsFile = z.infer<typeof CustomCrmsFileSchema>;

/** The export file for `crms`, as pretty-printed JSON. */
export function exportCustomCrms(crms: readonly CustomCrm[]): string {
  const file: CustomCrmsFile = { format: CUSTOM_CRMS_FORMAT, version: CUSTOM_CRMS_VERSION, crms: [...crms] };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Reads an export file (its text, or the parsed JSON): every definition is
 * validated, ids and host patterns must be unique. All or nothing: any error
 * rejects the file, with the path to each problem. Never throws.
 */
export function importCustomCrms(input: unknown): Checked<CustomCrm[]> {
  let data = input;
  if (typeof input === 'string') {
    if (input.length > MAX_IMPORT_CHARS) return { ok: false, errors: [{ path: [], message: `The file is too large (at most ${MAX_IMPORT_CHARS} characters).` }] };
    try {
      data = JSON.parse(input);
    } catch {
      return { ok: false, errors: [{ path: [], message: 'The file is not JSON.' }] };
    }
  }
  const file = check(CustomCrmsFileSchema, data);
  return file.ok ? { ok: true, value: file.value.crms } : file;
}
