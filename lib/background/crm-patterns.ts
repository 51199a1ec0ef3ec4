import { SUPPORTED_CRM_MATCHES } from '../crm/hosts';
import { readCustomCrms } from '../custom-crm/store';
import { getDatabase } from '../store/connection';

/** Host patterns of every CRM the extension reads: the built-in ones and those the user added. */
export async function allCrmMatches(): Promise<string[]> {
  const custom = await readCustomCrms(await getDatabase());
  return [...SUPPORTED_CRM_MATCHES, ...custom.map((crm) => crm.hostPattern)];
}
