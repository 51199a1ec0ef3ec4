import { keptManagedPolicy } from './managed-policy';
import { policyPageRulesOf, type PolicyPageRules } from './policy-page-rules';
import type { Database } from '@/lib/store/db';
import { getDatabase } from '@/lib/store/connection';
import { rulesFor, type PageRule } from '@/lib/page-rules/schema';
import { readPageRules } from '@/lib/page-rules/store';

/**
 * The page rules that apply to one record page: those of its CRM, host (or
 * every host) and record type. The one place readers get rules from, so every
 * source of rules (the user's and imported ones in the store; IT's in the
 * managed policy) joins here.
 */
export async function activeRulesFor(crm: string, host: string, objectType: string): Promise<PageRule[]> {
  // The user's own and imported rules first: a reader takes the first rule of a part that finds a value.
  const db = await getDatabase();
  const [stored, policy] = await Promise.all([readPageRules(db), policyRulesFromCopies(db)]);
  return rulesFor([...stored, ...policy.rules], crm, host, objectType);
}

/** The copies the last rules were made from (as JSON), and those rules. */
let lastPolicyRules: { copies: string; rules: PolicyPageRules } | null = null;

/**
 * IT's page rules for the background, which asks at every record page's read: from the copies of IT's
 * policy as they are (the background keeps them current itself: keepManagedPolicyCopies), so no read asks
 * the browser's policy service again; made again only when a copy differs from the last one (a managed
 * playbook is a whole playbook to validate).
 */
async function policyRulesFromCopies(db: Database): Promise<PolicyPageRules> {
  const [managedRules, managedPlaybook] = await Promise.all([keptManagedPolicy(db, 'pageRules'), keptManagedPolicy(db, 'playbook')]);
  const copies = JSON.stringify([managedRules ?? null, managedPlaybook ?? null]);
  if (lastPolicyRules?.copies !== copies) lastPolicyRules = { copies, rules: policyPageRulesOf(managedRules, managedPlaybook) };
  return lastPolicyRules.rules;
}
