import { z } from '@/lib/zod/mini';
import { MAX_SELECTOR, isValidSelector } from '@/lib/crm/adapters/generic';
import { check, type Checked } from './checked';
import { CUSTOM_ID, MAX_CRM_NAME, type CustomCrmDefinition } from './definition';
import { matchPatternForHost } from './host-pattern';

// What a user-defined CRM may be, for the extension pages only: this file
// bundles zod/mini. The content script reads a definition with
// createCustomAdapter (adapter.ts), which needs no zod.

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
