// Read-back: the notes linked to an opportunity that others wrote (a colleague in Salesforce,
// or a teammate's Iron Triangle), merged into this browser's store with their author, so the
// SR's panel shows the AR's note and who wrote it. Bounded by LastModifiedDate after the
// first read, paged, one body call per new or changed note. Notes this browser wrote itself
// (their ids are in its done outbox entries) and the shared requirement-facts note are skipped.
import { z } from '@/lib/zod/mini';
import type { Database } from '@/lib/store/db';
import { notesForRecord, upsertRemoteNote } from '@/lib/store/notes';
import { writtenRemoteIds } from '@/lib/store/outbox';
import { readSetting, writeSetting } from '@/lib/store/settings';
import type { SalesforceClient } from './client.ts';
import { parseApiDateTime } from './datetime.ts';
import { NotFoundError } from './errors.ts';
import { factsNoteTitle } from './mapping.ts';
import { noteHtmlToText, readableTitle } from './note-text.ts';
import { notesOnRecordQuery } from './queries.ts';

export interface PullTarget {
  recordKey: string;
  recordName: string;
  opportunityId: string;
  /** The signed-in Salesforce user: their own facts note is not read back as a note. */
  userId: string;
}

export type PullOutcome = { outcome: 'pulled'; changed: number } | { outcome: 'gone' };

const PullStateSchema = z.object({
  /** The newest LastModifiedDate seen (ms): the next read starts there. */
  since: z.optional(z.int().check(z.nonnegative())),
  pulledAt: z.int().check(z.nonnegative()),
  /** The opportunity was deleted in Salesforce, or this user cannot see it. */
  gone: z.boolean(),
});
export type PullState = z.infer<typeof PullStateSchema>;

const pullKey = (recordKey: string) => `salesforce.pull:${recordKey}`;

export function readPullState(db: Database, recordKey: string): Promise<PullState | null> {
  return readSetting(db, pullKey(recordKey), z.nullable(PullStateSchema), null);
}

const LinkRowSchema = z.object({
  ContentDocumentId: z.string(),
  ContentDocument: z.object({
    Title: z.string(),
    CreatedDate: z.string(),
    LastModifiedDate: z.string(),
    CreatedBy: z.optional(z.nullable(z.object({ Name: z.string() }))),
  }),
});

/** The Salesforce version of each note already read back to the record, by its Salesforce id. */
async function readBackVersions(db: Database, recordKey: string): Promise<Map<string, number | undefined>> {
  const notes = await notesForRecord(db, recordKey);
  return new Map(notes.flatMap((note) => (note.author ? [[note.author.remoteId, note.author.modifiedAt] as const] : [])));
}

export async function pullRecordNotes(db: Database, client: SalesforceClient, target: PullTarget, now: number): Promise<PullOutcome> {
  const previous = await readPullState(db, target.recordKey);
  // The notes this browser wrote to the record: it has them already, as captured.
  const own = await writtenRemoteIds(db, target.recordKey, ['note', 'requirement-facts']);
  const known = await readBackVersions(db, target.recordKey);
  const factsTitle = factsNoteTitle(target.opportunityId, target.userId);
  let since = previous?.since;
  let changed = 0;
  let rows = 0;
  // Small pages: each row costs a body call, and a page is the unit a stopped worker redoes.
  for await (const page of client.queryPages(notesOnRecordQuery(target.opportunityId, previous?.since), { batchSize: 200 })) {
    for (const raw of page.records) {
      rows++;
      const row = LinkRowSchema.safeParse(raw);
      if (!row.success) continue; // a row in a shape we do not know is skipped, not guessed at
      const { ContentDocumentId: documentId, ContentDocument: document } = row.data;
      const modifiedAt = parseApiDateTime(document.LastModifiedDate);
      since = Math.max(since ?? 0, modifiedAt);
      if (own.has(documentId.slice(0, 15)) || document.Title === factsTitle) continue;
      // The bound is to the second: the last second's notes come back, unchanged, on every read.
      if (known.get(documentId) === modifiedAt) continue;
      const body = noteHtmlToText(await client.contentNoteBody(documentId));
      const added = await upsertRemoteNote(db, {
        id: `salesforce:${documentId}`,
        text: body || readableTitle(document.Title),
        pageTitle: readableTitle(document.Title),
        url: '',
        capturedAt: parseApiDateTime(document.CreatedDate),
        recordKey: target.recordKey,
        recordName: target.recordName,
        author: { name: document.CreatedBy?.Name ?? '', source: 'salesforce', remoteId: documentId, modifiedAt },
      });
      if (added) changed++;
    }
  }
  let gone = false;
  if (rows === 0) {
    // Nothing (new) linked: an opportunity without (new) notes, or one deleted or hidden from this user.
    try {
      await client.get('Opportunity', target.opportunityId, ['Id']);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      gone = true;
    }
  }
  await writeSetting(db, pullKey(target.recordKey), PullStateSchema, { ...(since !== undefined ? { since } : {}), pulledAt: now, gone });
  return gone ? { outcome: 'gone' } : { outcome: 'pulled', changed };
}
