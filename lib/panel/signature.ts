import { z } from '@/lib/zod/mini';
import type { Database } from '@/lib/store/db';
import { readSetting, writeSetting } from '@/lib/store/settings';

// Who the user is, as the team reads it: written beside every value the user sets or accepts
// (`setBy`), so the hand-off brief and the Salesforce facts note say who captured each fact.
// Set once in the options; empty until then (the brief then names nobody rather than guessing).

const SETTING = 'signature';
export const MAX_SIGNATURE_CHARS = 100;
const SignatureSchema = z.string().check(z.trim(), z.maxLength(MAX_SIGNATURE_CHARS));

export function readSignature(db: Database): Promise<string> {
  return readSetting(db, SETTING, SignatureSchema, '');
}

export function writeSignature(db: Database, name: string): Promise<void> {
  return writeSetting(db, SETTING, SignatureSchema, name);
}
