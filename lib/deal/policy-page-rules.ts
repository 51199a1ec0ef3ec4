import type { ValidationIssue } from '@/lib/domain/issues';
import type { Database } from '@/lib/store/db';
import { promptManagedPolicy } from './managed-policy';
import { DEFAULT_PLAYBOOK } from '@/lib/playbook/default-playbook';
import { resolvePlaybook } from '@/lib/playbook/sources';
import { parsePolicyRules, rulesFromFile } from '@/lib/page-rules/file';
import type { PageRule } from '@/lib/page-rules/schema';

/** IT's page rules: those of the managed `pageRules` policy, then those of the managed playbook when it is in force. */
export interface PolicyPageRules {
  rules: PageRule[];
  /** Why the `pageRules` policy was not used (none of its rules applies then). */
  issues: ValidationIssue[];
}

/**
 * The page rules IT pushed, each with origin "policy": the `pageRules` policy
 * (every rule valid, or none used) and the `pageRules` of a valid managed playbook.
 * Read from the copies kept of IT's policy, like the playbook in force: a page
 * never waits for the browser's policy service (seconds after a fresh start).
 */
export async function loadPolicyPageRules(db: Database): Promise<PolicyPageRules> {
  const [managedRules, managedPlaybook] = await Promise.all([promptManagedPolicy(db, 'pageRules'), promptManagedPolicy(db, 'playbook')]);
  return policyPageRulesOf(managedRules, managedPlaybook);
}

/** IT's page rules from the values of its `pageRules` and `playbook` policies (undefined or null: none). */
export function policyPageRulesOf(managedRules: unknown, managedPlaybook: unknown): PolicyPageRules {
  const own = managedRules === undefined || managedRules === null ? null : parsePolicyRules(managedRules);
  const playbook = managedPlaybook === undefined || managedPlaybook === null ? null : resolvePlaybook({ default: DEFAULT_PLAYBOOK, managed: managedPlaybook });
  const fromPlaybook = playbook?.source === 'managed' ? rulesFromFile(playbook.playbook.pageRules ?? [], 'policy', 0, (index) => `policy-playbook-${index + 1}`) : [];
  return { rules: [...(own?.ok ? own.value : []), ...fromPlaybook], issues: own && !own.ok ? own.issues : [] };
}
