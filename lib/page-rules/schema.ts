import { z } from '@/lib/zod/mini';
import { EXPECTED_PARTS } from '@/lib/crm/snapshot';

// A page rule says where one part of a record sits on a CRM's page when the
// adapter's own selectors miss it: made by the user pointing at the value
// ("Point at it on the page"), imported with a playbook file, or pushed by IT
// in the managed policy. Rules are data, never code: a CSS selector built
// only from stable attributes, or the label a value sits beside. Validated
// wherever they cross a boundary (picker result, storage, import, policy).

export const MAX_RULE_SELECTOR = 300;
export const MAX_RULE_LABEL = 80;
export const MAX_PAGE_RULES = 200;
export const MAX_RULE_ID = 64;

export const PAGE_RULE_ORIGINS = ['user', 'import', 'policy'] as const;

export const RuleLocatorSchema = z.discriminatedUnion('kind', [
  /** An element matched by a selector of stable attributes (`data-*`, `aria-*`, ids without generated parts). */
  z.object({ kind: z.literal('selector'), selector: z.string().check(z.minLength(1), z.maxLength(MAX_RULE_SELECTOR)) }),
  /** The value shown beside the field label `label` (compared as labels are: case, spacing and a trailing colon aside). */
  z.object({ kind: z.literal('beside-label'), label: z.string().check(z.minLength(1), z.maxLength(MAX_RULE_LABEL)) }),
]);

export const PageRuleSchema = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]{1,64}$/)),
  /** Adapter id of the CRM the rule is for ("salesforce", "custom-…"). */
  crm: z.string().check(z.regex(/^[a-z0-9-]{1,40}$/)),
  /** The CRM host the rule was made on ("acme.lightning.force.com"); "*" for every host of that CRM (policy, import). */
  host: z.string().check(z.minLength(1), z.maxLength(253)),
  /** Record type, as the adapter names it ("opportunity", "crm.lead", "deal"). */
  objectType: z.string().check(z.minLength(1), z.maxLength(64)),
  part: z.enum(EXPECTED_PARTS),
  locator: RuleLocatorSchema,
  origin: z.enum(PAGE_RULE_ORIGINS),
  createdAt: z.number(),
});

export type RuleLocator = z.infer<typeof RuleLocatorSchema>;
export type PageRule = z.infer<typeof PageRuleSchema>;

/** The rules that apply to one record page: same CRM, its host (or every host), same record type. */
export function rulesFor(rules: readonly PageRule[], crm: string, host: string, objectType: string): PageRule[] {
  return rules.filter((rule) => rule.crm === crm && (rule.host === '*' || rule.host === host) && rule.objectType === objectType);
}
