import { z } from '@/lib/zod/classic';
import type { Database } from '@/lib/store/db';
import { readSetting } from '@/lib/store/settings';
import { DEFAULT_PLAYBOOK } from '@/lib/playbook/default-playbook';
import { resolvePlaybook, type ResolvedPlaybook } from '@/lib/playbook/sources';
import { importDirectoryJson } from '@/lib/directory/import-json';
import type { Person } from '@/lib/domain/team';
import { listDirectory } from '@/lib/store/directory';
import type { ValidationIssue } from '@/lib/domain/issues';
import { parsePolicyRules, rulesFromFile } from '@/lib/page-rules/file';
import { liveManagedPolicy, promptManagedPolicy } from './managed-policy';
import type { PageRule } from '@/lib/page-rules/schema';

/** Settings key of the playbook a user imported in the options page (its JSON text). */
export const IMPORTED_PLAYBOOK_SETTING = 'importedPlaybook';

export type ActiveDirectory = { people: Person[]; source: 'managed' | 'stored'; managedErrors: number };

/**
 * The team directory in force: IT's managed `teamDirectory` when it is set and
 * every row is valid (never applied in part), else the one imported in the options.
 */
export async function loadActiveDirectory(db: Database): Promise<ActiveDirectory> {
  const managed = await promptManagedPolicy(db, 'teamDirectory');
  if (managed !== undefined && managed !== null) {
    const parsed = importDirectoryJson(managed);
    if (parsed.ok) return { people: parsed.people, source: 'managed', managedErrors: 0 };
    return { people: await listDirectory(db), source: 'stored', managedErrors: parsed.errors.length };
  }
  return { people: await listDirectory(db), source: 'stored', managedErrors: 0 };
}

/** The playbook in force for this user: managed policy, else import, else the default. */
export async function loadActivePlaybook(db: Database): Promise<ResolvedPlaybook> {
  const [managed, imported] = await Promise.all([
    promptManagedPolicy(db, 'playbook'),
    readSetting(db, IMPORTED_PLAYBOOK_SETTING, z.string().optional(), undefined),
  ]);
  return resolvePlaybook({ default: DEFAULT_PLAYBOOK, managed, imported });
}

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
