import { writeTransaction, type Database } from './db';

/** What a setting's schema must do; zod classic and zod/mini schemas both fit. */
export interface SettingSchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
  parse(value: unknown): T;
}

/** A stored setting, or `fallback` when absent or no longer valid. */
export async function readSetting<T>(db: Database, key: string, schema: SettingSchema<T>, fallback: T): Promise<T> {
  const parsed = schema.safeParse(await db.get('settings', key));
  return parsed.success ? parsed.data : fallback;
}

export async function writeSetting<T>(db: Database, key: string, schema: SettingSchema<T>, value: T): Promise<void> {
  const valid = schema.parse(value);
  const tx = writeTransaction(db, ['settings']);
  await tx.store.put(valid, key);
  await tx.done;
}
