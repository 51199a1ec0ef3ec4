import type { z } from '../domain/zod';
import { writeTransaction, type Database } from './db';

/** A stored setting, or `fallback` when absent or no longer valid. */
export async function readSetting<T>(db: Database, key: string, schema: z.ZodType<T>, fallback: T): Promise<T> {
  const parsed = schema.safeParse(await db.get('settings', key));
  return parsed.success ? parsed.data : fallback;
}

export async function writeSetting<T>(db: Database, key: string, schema: z.ZodType<T>, value: T): Promise<void> {
  const valid = schema.parse(value);
  const tx = writeTransaction(db, ['settings']);
  await tx.store.put(valid, key);
  await tx.done;
}
