import { browser } from 'wxt/browser';
import { z } from '../domain/zod';
import type { Database } from '../store/db';
import { readSetting } from '../store/settings';
import { DEFAULT_PLAYBOOK } from '../playbook/default-playbook';
import { resolvePlaybook, type ResolvedPlaybook } from '../playbook/sources';

/** Settings key of the playbook a user imported in the options page (its JSON text). */
export const IMPORTED_PLAYBOOK_SETTING = 'importedPlaybook';

/**
 * The `playbook` policy IT pushed through managed storage, if any. Browsers
 * without a managed-storage backend (or without a policy) reject or return
 * nothing: both mean "no policy".
 */
async function managedPlaybook(): Promise<unknown> {
  try {
    return (await browser.storage.managed.get('playbook'))?.playbook;
  } catch {
    return undefined;
  }
}

/** The playbook in force for this user: managed policy, else import, else the default. */
export async function loadActivePlaybook(db: Database): Promise<ResolvedPlaybook> {
  const [managed, imported] = await Promise.all([
    managedPlaybook(),
    readSetting(db, IMPORTED_PLAYBOOK_SETTING, z.string().optional(), undefined),
  ]);
  return resolvePlaybook({ default: DEFAULT_PLAYBOOK, managed, imported });
}
