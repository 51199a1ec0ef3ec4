import { z } from '@/lib/zod/mini';
import type { Database } from '@/lib/store/db';
import { readSetting, writeSetting } from '@/lib/store/settings';

// Whether the connected org has opportunity teams off, as Salesforce last told us (a team-member
// write or read answering that the type does not exist). While off, team assignments are not
// enqueued: an entry Salesforce can never take would hold back the record's later ones.

export const TEAMS_OFF_SETTING = 'salesforce.teamsOff';

export function readTeamsOff(db: Database): Promise<boolean> {
  return readSetting(db, TEAMS_OFF_SETTING, z.boolean(), false);
}

export function writeTeamsOff(db: Database, off: boolean): Promise<void> {
  return writeSetting(db, TEAMS_OFF_SETTING, z.boolean(), off);
}
