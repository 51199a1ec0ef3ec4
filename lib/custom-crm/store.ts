import type { Database } from '@/lib/store/db';
import { writeTransaction } from '@/lib/store/db';
import { z } from '@/lib/zod/mini';
import { CustomCrmSchema, type CustomCrm } from './schema';

// The CRMs a user added in the options, kept in the settings store. Each is
// validated when saved and again when read: a definition that no longer
// parses is left out, never half-used.

const SETTING = 'customCrms';

export async function readCustomCrms(db: Database): Promise<CustomCrm[]> {
  const stored = await db.get('settings', SETTING);
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((entry) => {
    const parsed = CustomCrmSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Replaces the whole list in one write; refuses it whole if any entry is invalid or ids repeat. */
export async function writeCustomCrms(db: Database, crms: readonly CustomCrm[]): Promise<void> {
  const valid = z.array(CustomCrmSchema).parse(crms);
  if (new Set(valid.map((crm) => crm.id)).size !== valid.length) throw new Error('two custom CRMs have the same id');
  const tx = writeTransaction(db, ['settings']);
  await tx.store.put(valid, SETTING);
  await tx.done;
}

/** The user-defined CRM whose host pattern covers `url`, if any. */
export function customCrmFor(crms: readonly CustomCrm[], url: string, matches: (url: string, patterns: readonly string[]) => boolean): CustomCrm | undefined {
  return crms.find((crm) => matches(url, [crm.hostPattern]));
}
