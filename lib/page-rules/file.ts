import { EXPECTED_PARTS } from '@/lib/crm/snapshot';
import { validate, type Validated } from '@/lib/domain/issues';
import { z } from '@/lib/zod/mini';
import { MAX_PAGE_RULES, MAX_RULE_LABEL, MAX_RULE_SELECTOR, type PageRule } from './schema';
import { isSafeLocator } from './selector-safety';

// Page rules as they travel outside the extension: in the playbook file
// (export and import, `pageRules`) and in the managed policy IT pushes
// (`pageRules`, and those of a managed playbook). A rule there says what it
// is for and where the value is; the extension gives it its id, origin and
// date when it takes it in. Every locator must pass the same safety checks
// as one made by pointing: one bad rule refuses the whole list.

/** A CRM host ("acme.lightning.force.com", a port allowed), or "*" for every host of the CRM. */
const HOST = /^(?:\*|[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?(?::\d{1,5})?)$/;

const LocatorInFileSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('selector'), selector: z.string().check(z.minLength(1), z.maxLength(MAX_RULE_SELECTOR)) }),
  z.strictObject({ kind: z.literal('beside-label'), label: z.string().check(z.minLength(1), z.maxLength(MAX_RULE_LABEL)) }),
]).check(
  z.refine(isSafeLocator, {
    message: 'Not a safe page rule: a selector may use tags, ids, attribute tests, :nth-of-type() and one :has(), no classes; a label is plain text.',
  }),
);

export const PageRuleInFileSchema = z.strictObject({
  /** Adapter id of the CRM ("salesforce", "custom-…"). */
  crm: z.string().check(z.regex(/^[a-z0-9-]{1,40}$/, 'Use the CRM id, e.g. "salesforce".')),
  host: z.string().check(z.regex(HOST, 'Use the CRM host, e.g. "acme.lightning.force.com", or "*" for every host.')),
  /** Record type as the CRM's adapter names it ("Opportunity", "deal", "crm.lead"). */
  objectType: z.string().check(z.minLength(1), z.maxLength(64)),
  part: z.enum(EXPECTED_PARTS),
  locator: LocatorInFileSchema,
});

export const PageRulesInFileSchema = z.array(PageRuleInFileSchema).check(z.maxLength(MAX_PAGE_RULES));

export type PageRuleInFile = z.output<typeof PageRuleInFileSchema>;

/** The rules as a file carries them: what they are for and where, without id, origin or date. */
export function rulesForFile(rules: readonly PageRule[]): PageRuleInFile[] {
  return rules.map(({ crm, host, objectType, part, locator }) => ({ crm, host, objectType, part, locator }));
}

/** Rules taken in from a file or a policy, with `origin`; `idOf(index)` names each. */
export function rulesFromFile(rules: readonly PageRuleInFile[], origin: 'import' | 'policy', createdAt: number, idOf: (index: number) => string): PageRule[] {
  return rules.map((rule, index) => ({ id: idOf(index), ...rule, origin, createdAt }));
}

const sameTarget = (a: PageRule, b: PageRule) => a.crm === b.crm && a.host === b.host && a.objectType === b.objectType && a.part === b.part;

/** `rules` with each of `added` in place of an earlier rule for the same CRM, host, record type and part (the last added wins). */
export function withRules(rules: readonly PageRule[], added: readonly PageRule[]): PageRule[] {
  return added.reduce<PageRule[]>((list, rule) => [...list.filter((other) => !sameTarget(other, rule)), rule], [...rules]);
}

/**
 * IT's page rules from the managed policy's `pageRules` (an array, or JSON
 * text as Chrome policies often are), each with origin "policy" and an id
 * stable while the policy stays the same. Invalid: no rule at all, and every
 * problem by path.
 */
export function parsePolicyRules(input: unknown): Validated<PageRule[]> {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      return { ok: false, issues: [{ path: [], message: error instanceof Error ? error.message : String(error) }] };
    }
  }
  const parsed = validate(PageRulesInFileSchema, value);
  if (!parsed.ok) return parsed;
  return { ok: true, value: rulesFromFile(parsed.value, 'policy', 0, (index) => `policy-${index + 1}`) };
}
