import { SUPPORTED_CRM_MATCHES } from '@/lib/crm/hosts';
import { readCustomCrms } from '@/lib/custom-crm/store';
import { getDatabase } from '@/lib/store/connection';

/** Host patterns of every CRM the extension reads: the built-in ones and those the user added. */
export async function allCrmMatches(): Promise<string[]> {
  const custom = await readCustomCrms(await getDatabase());
  return [...SUPPORTED_CRM_MATCHES, ...custom.map((crm) => crm.hostPattern)];
}
