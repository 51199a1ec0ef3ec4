import { z } from '@/lib/zod/mini';
import type { Database } from '@/lib/store/db';
import { readSetting } from '@/lib/store/settings';
import { DEFAULT_PLAYBOOK } from '@/lib/playbook/default-playbook';
import { resolvePlaybook, type ResolvedPlaybook } from '@/lib/playbook/sources';
import { importDirectoryJson } from '@/lib/directory/import-json';
import type { Person } from '@/lib/domain/team';
import { listDirectory } from '@/lib/store/directory';
import { promptManagedPolicy } from './managed-policy';

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
    readSetting(db, IMPORTED_PLAYBOOK_SETTING, z.optional(z.string()), undefined),
  ]);
  return resolvePlaybook({ default: DEFAULT_PLAYBOOK, managed, imported });
}
