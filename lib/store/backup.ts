import { PersonSchema } from '@/lib/domain/team';
import { validate, type ValidationIssue } from '@/lib/domain/issues';
import { z } from '@/lib/zod/mini';
import { writeTransaction, type Database } from './db';
import {
  StoredAssignmentSchema,
  StoredDecisionSchema,
  StoredNoteSchema,
  StoredRecordSchema,
  StoredRequirementValueSchema,
  StoredStageOverrideSchema,
  StoredStakeholderSchema,
} from './rows';

// Export and import of the store as one versioned JSON file. Import is
// validated as a whole, previewed, and applied in one transaction: all of it
// or nothing. A row whose key already exists with the same content is skipped;
// with different content it is a conflict, kept as it is in the store and
// listed, never overwritten and never duplicated.

export const BACKUP_FORMAT = 'iron-triangle/backup';
export const BACKUP_VERSION = 2;
/** Larger files are refused before parsing. */
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024;

const TABLES = {
  records: { schema: StoredRecordSchema, key: (row: { recordKey: string }) => row.recordKey },
  notes: { schema: StoredNoteSchema, key: (row: { id: string }) => row.id },
  requirementValues: { schema: StoredRequirementValueSchema, key: (row: { id: string }) => row.id },
  decisions: {
    schema: StoredDecisionSchema,
    key: (row: { recordKey: string; noteId: string; fieldId: string }) => [row.recordKey, row.noteId, row.fieldId] as [string, string, string],
  },
  stakeholders: { schema: StoredStakeholderSchema, key: (row: { recordKey: string; id: string }) => [row.recordKey, row.id] as [string, string] },
  assignments: {
    schema: StoredAssignmentSchema,
    key: (row: { recordKey: string; roleId: string; personId: string }) => [row.recordKey, row.roleId, row.personId] as [string, string, string],
  },
  stageOverrides: { schema: StoredStageOverrideSchema, key: (row: { recordKey: string }) => row.recordKey },
  directory: { schema: PersonSchema, key: (row: { id: string }) => row.id },
} as const;

export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

const backupHeader = {
  format: z.literal(BACKUP_FORMAT),
  exportedAt: z.string(),
  /** The record the file was limited to, or absent for the whole store. */
  recordKey: z.optional(z.string()),
};
const version1Data = {
  records: z.array(StoredRecordSchema),
  notes: z.array(StoredNoteSchema),
  requirementValues: z.array(StoredRequirementValueSchema),
  decisions: z.array(StoredDecisionSchema),
  stakeholders: z.array(StoredStakeholderSchema),
  assignments: z.array(StoredAssignmentSchema),
  directory: z.array(PersonSchema),
};

const CurrentBackupSchema = z.object({
  ...backupHeader,
  version: z.literal(BACKUP_VERSION),
  data: z.object({ ...version1Data, stageOverrides: z.array(StoredStageOverrideSchema) }),
});
type CurrentBackup = z.infer<typeof CurrentBackupSchema>;
const Version1BackupSchema = z.object({ ...backupHeader, version: z.literal(1), data: z.object(version1Data) });

/**
 * Files of this version and of version 1, which predates stage overrides and
 * reads as a file without any. A file of a later version is refused rather
 * than imported without what this version does not know.
 */
export const BackupSchema = z.pipe(z.discriminatedUnion('version', [CurrentBackupSchema, Version1BackupSchema]), z.transform((backup): CurrentBackup =>
      backup.version === BACKUP_VERSION ? backup : { ...backup, version: BACKUP_VERSION, data: { ...backup.data, stageOverrides: [] } }));
export type Backup = z.infer<typeof BackupSchema>;

/** The whole store, or everything of one record (the directory is not per record and stays out). */
export async function exportBackup(db: Database, now: Date, recordKey?: string): Promise<Backup> {
  const byRecord = async <N extends Exclude<TableName, 'directory' | 'records' | 'stageOverrides'>>(name: N) =>
    recordKey === undefined ? db.getAll(name) : db.getAllFromIndex(name, 'byRecord' as never, recordKey as never);
  const [records, notes, requirementValues, decisions, stakeholders, assignments, stageOverrides, directory] = await Promise.all([
    recordKey === undefined ? db.getAll('records') : db.get('records', recordKey).then((row) => (row ? [row] : [])),
    recordKey === undefined
      ? db.getAll('notes')
      : db.getAllFromIndex('notes', 'byRecord', IDBKeyRange.bound([recordKey, -Infinity], [recordKey, Infinity])),
    byRecord('requirementValues'),
    byRecord('decisions'),
    byRecord('stakeholders'),
    byRecord('assignments'),
    recordKey === undefined ? db.getAll('stageOverrides') : db.get('stageOverrides', recordKey).then((row) => (row ? [row] : [])),
    recordKey === undefined ? db.getAll('directory') : Promise.resolve([]),
  ]);
  return BackupSchema.parse({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    ...(recordKey === undefined ? {} : { recordKey }),
    data: { records, notes, requirementValues, decisions, stakeholders, assignments, stageOverrides, directory },
  });
}

export type ParsedBackup = { ok: true; backup: Backup } | { ok: false; reason: 'too-large' | 'not-json' | 'invalid'; issues: ValidationIssue[] };

/** Reads a backup file's text. Nothing is written. */
export function parseBackup(text: string): ParsedBackup {
  if (text.length > MAX_BACKUP_BYTES) return { ok: false, reason: 'too-large', issues: [] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: 'not-json', issues: [{ path: [], message: error instanceof Error ? error.message : String(error) }] };
  }
  const parsed = validate(BackupSchema, json);
  if (!parsed.ok) return { ok: false, reason: 'invalid', issues: parsed.issues };
  const duplicates = duplicateKeys(parsed.value);
  if (duplicates.length > 0) return { ok: false, reason: 'invalid', issues: duplicates };
  return { ok: true, backup: parsed.value };
}

/** A file that lists the same key twice would import one of them silently: refuse it. */
function duplicateKeys(backup: Backup): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const name of TABLE_NAMES) {
    const seen = new Set<string>();
    (backup.data[name] as object[]).forEach((row, index) => {
      const key = JSON.stringify((TABLES[name].key as (row: object) => unknown)(row));
      if (seen.has(key)) issues.push({ path: ['data', name, index], message: `duplicate key ${key}` });
      seen.add(key);
    });
  }
  return issues;
}

export interface TablePreview {
  added: number;
  unchanged: number;
  /** Same key, different content: the stored row is kept. */
  conflicts: number;
}
export type ImportPreview = Record<TableName, TablePreview>;

const sameRow = (a: unknown, b: unknown) => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}

/** A key as a string to look it up in a Set: every key of these stores is a string or an array of strings. */
const keyId = (key: IDBValidKey) => JSON.stringify(key);

/**
 * Compares a backup with the store and, when `apply` is set, adds the new rows
 * in one transaction. Either way returns what the import (would) change.
 * Each store's keys are read once; only rows whose key is already there are
 * read to compare them, and the reads and adds are issued together rather
 * than one awaited request after another (100 000 notes: seconds, not most of
 * a minute). A failed add aborts the transaction: nothing is written.
 */
async function compareAndMaybeApply(db: Database, backup: Backup, apply: boolean): Promise<ImportPreview> {
  const tx = writeTransaction(db, ['records', 'notes', 'requirementValues', 'decisions', 'stakeholders', 'assignments', 'stageOverrides', 'directory']);
  const preview = {} as ImportPreview;
  const writes: Promise<unknown>[] = [];
  // The first failed add: it aborts the transaction, and later requests then fail for that reason only.
  let failedWrite: unknown;
  try {
    for (const name of TABLE_NAMES) {
      const store = tx.objectStore(name);
      const keyOf = TABLES[name].key as (row: object) => IDBValidKey;
      const stored = new Set((await store.getAllKeys()).map(keyId));
      const counts: TablePreview = { added: 0, unchanged: 0, conflicts: 0 };
      const compared: Promise<void>[] = [];
      for (const row of backup.data[name] as object[]) {
        const key = keyOf(row);
        if (!stored.has(keyId(key))) {
          counts.added++;
          if (apply) writes.push(store.add(row as never).catch((error: unknown) => (failedWrite ??= error)));
          continue;
        }
        compared.push(
          store.get(key as never).then((existing) => {
            if (sameRow(existing, row)) counts.unchanged++;
            else counts.conflicts++;
          }),
        );
      }
      await Promise.all(compared);
      preview[name] = counts;
    }
    await Promise.all(writes);
    if (failedWrite !== undefined) throw failedWrite;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // already aborted by the failed request
    }
    throw failedWrite ?? error;
  }
  if (!apply) tx.abort();
  else await tx.done;
  return preview;
}

/** What importing `backup` would change. Writes nothing. */
export function previewImport(db: Database, backup: Backup): Promise<ImportPreview> {
  return compareAndMaybeApply(db, backup, false);
}

/** Adds the backup's new rows, all in one transaction; returns what changed. */
export function applyImport(db: Database, backup: Backup): Promise<ImportPreview> {
  return compareAndMaybeApply(db, backup, true);
}
