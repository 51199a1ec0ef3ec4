import type { ValidationIssue } from '@/lib/domain/issues';
import { liveManagedPolicy } from './managed-policy';
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
 */
export async function loadPolicyPageRules(): Promise<PolicyPageRules> {
  const [managedRules, managedPlaybook] = await Promise.all([liveManagedPolicy('pageRules'), liveManagedPolicy('playbook')]);
  const own = managedRules === undefined || managedRules === null ? null : parsePolicyRules(managedRules);
  const playbook = managedPlaybook === undefined || managedPlaybook === null ? null : resolvePlaybook({ default: DEFAULT_PLAYBOOK, managed: managedPlaybook });
  const fromPlaybook = playbook?.source === 'managed' ? rulesFromFile(playbook.playbook.pageRules ?? [], 'policy', 0, (index) => `policy-playbook-${index + 1}`) : [];
  return { rules: [...(own?.ok ? own.value : []), ...fromPlaybook], issues: own && !own.ok ? own.issues : [] };
}
