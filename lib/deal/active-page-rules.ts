import { loadPolicyPageRules } from './policy-page-rules';
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
  const [stored, policy] = await Promise.all([readPageRules(db), loadPolicyPageRules(db)]);
  return rulesFor([...stored, ...policy.rules], crm, host, objectType);
}
