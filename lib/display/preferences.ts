import { DisplayPreferencesSchema, type DisplayPreferences } from './schema';
import type { Database } from '@/lib/store/db';
import { readSetting, writeSetting } from '@/lib/store/settings';

const SETTING = 'display';

/** The badge is on and the panel opens in the browser's side panel until the user says otherwise. */
export const DEFAULT_DISPLAY: DisplayPreferences = { launcher: true, placement: 'side-panel' };

export function readDisplayPreferences(db: Database): Promise<DisplayPreferences> {
  return readSetting(db, SETTING, DisplayPreferencesSchema, DEFAULT_DISPLAY);
}

export function writeDisplayPreferences(db: Database, preferences: DisplayPreferences): Promise<void> {
  return writeSetting(db, SETTING, DisplayPreferencesSchema, preferences);
}
