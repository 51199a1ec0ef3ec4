import { httpDateOfVersion } from './datetime';
import type { Database } from '@/lib/store/db';
import { writeTeamsOff } from './teams';
import {
  CONFLICT,
  deferAll,
  discard,
  lastDone,
  markDone,
  markSending,
  nextSendable,
  park,
  recordRemoteId,
  retryAt,
} from '@/lib/store/outbox';
import type { ParkedReason, StoredOutboxEntry } from '@/lib/store/rows';
import {
  contactRoleFor,
  contentNoteForNote,
  factsNote,
  factsNoteHtml,
  noteLink,
  opportunityLink,
  sameNoteBody,
  teamMemberRoleFor,
  type ContentDocumentLinkFields,
  type RoleMaps,
} from './mapping';
import { WriteFault, type SalesforceWrites } from './writes';

// Sends due outbox entries to Salesforce, one at a time, in order per record.
// All state is in IndexedDB (lib/store/outbox.ts): the background calls
// `sendDue` on start, after a capture and on an alarm, and a worker stopped
// mid-send leaves nothing that the next call does not take up again.
//
// Every entry may be sent more than once (a reply lost, a worker stopped), so
// each step either records what it created before going on or first looks for
// what an earlier attempt wrote:
// - note: the created ContentNote id is stored before the link is made; an
//   attempt after the first looks the note up by its title, which ends in a
//   marker from the note id (see `noteMarker`); the first attempt makes note and link in one
//   composite call (all or none), a later one each on its own; a second link answers
//   DUPLICATE_VALUE, which means "already linked";
// - requirement facts: one note per opportunity and user (title marker from
//   both ids), updated with If-Unmodified-Since the version this browser last
//   wrote; a 412 whose current body is ours is our own earlier write, any other
//   412 is a conflict, parked for the user, whose Retry puts these facts over
//   what Salesforce has (and whose Discard keeps Salesforce's);
// - contact role / team member: looked up first (opportunity + person), so
//   an existing row is reused rather than duplicated.

/** Full-jitter exponential backoff: the n-th retry waits random × min(cap, base × 2^(n-1)). */
export const RETRY_BASE_MS = 30_000;
export const RETRY_CAP_MS = 30 * 60_000;
/** The API allocation is a rolling 24 hours: an hour frees a part of it without hammering the org. */
export const LIMIT_BACKOFF_MS = 60 * 60_000;

export function retryDelay(attempts: number, random: () => number): number {
  return Math.floor(random() * Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1)));
}

export interface SendOptions {
  db: Database;
  writes: SalesforceWrites;
  /** The signed-in Salesforce user: the facts note written is theirs. */
  userId: string;
  now: () => number;
  /** In [0, 1); injected so tests are repeatable. */
  random: () => number;
  /** The org's own picklist values, where it has them. */
  roles?: RoleMaps;
  /** Which entries this org may receive (entries of records of another org wait for theirs); all when absent. */
  accepts?: (entry: StoredOutboxEntry) => boolean;
}

export interface SendReport {
  sent: number;
  /** Failed for now, to be retried after a backoff. */
  retrying: number;
  parked: number;
  /** A team member could not be written because opportunity teams are off: dropped, and no more are enqueued. */
  teamsOff?: true;
  /** Why the run stopped before the outbox was drained: sign in again, or wait for the API allocation until `until`. */
  stopped?: { reason: 'sign-in' } | { reason: 'limit'; until: number };
}

/**
 * Sends every due entry (each at most once per run) and applies the retry
 * policy. Resolves with what happened; entries themselves carry the state.
 */
export async function sendDue(options: SendOptions): Promise<SendReport> {
  const { db, now } = options;
  const report: SendReport = { sent: 0, retrying: 0, parked: 0 };
  const tried = new Set<string>();
  for (;;) {
    // After an entry is done, the next one of its record becomes due: read again.
    const due = (await nextSendable(db, now())).filter((entry) => !tried.has(entry.id) && (options.accepts?.(entry) ?? true));
    if (due.length === 0) return report;
    for (const candidate of due) {
      tried.add(candidate.id);
      const entry = await markSending(db, candidate.id, now());
      if (!entry) continue;
      const outcome = await attempt(options, entry);
      if (outcome === 'sent') report.sent++;
      else if (outcome === 'retrying') report.retrying++;
      else if (outcome === 'parked') report.parked++;
      else if (outcome === 'teams-off') report.teamsOff = true;
      else {
        report.stopped = outcome;
        return report;
      }
    }
  }
}

type Outcome = 'sent' | 'retrying' | 'parked' | 'teams-off' | NonNullable<SendReport['stopped']>;

async function attempt(options: SendOptions, entry: StoredOutboxEntry): Promise<Outcome> {
  const { db, now, random } = options;
  try {
    await send(options, entry);
    await markDone(db, entry.id);
    return 'sent';
  } catch (error) {
    const fault = error instanceof WriteFault ? error : undefined;
    if (entry.kind === 'team-member' && fault && teamsAreOff(fault)) {
      // Never writable in this org: kept, it would hold back the record's notes behind it.
      await discard(db, entry.id);
      await writeTeamsOff(db, true);
      return 'teams-off';
    }
    switch (fault?.kind) {
      case 'invalid-session':
        // The client already refreshed once: nothing will work until the user signs in. The entry waits, unchanged.
        await retryAt(db, entry.id, now());
        return { reason: 'sign-in' };
      case 'limit-exceeded': {
        const until = now() + LIMIT_BACKOFF_MS;
        await retryAt(db, entry.id, until);
        await deferAll(db, until);
        return { reason: 'limit', until };
      }
      case 'field':
        await park(db, entry.id, reasonOf(fault));
        return 'parked';
      case 'precondition-failed':
        await park(db, entry.id, { errorCode: CONFLICT, fields: [], message: 'Changed in Salesforce since this browser last wrote it.' });
        return 'parked';
      case 'not-found':
        await park(db, entry.id, { errorCode: 'NOT_FOUND', fields: [], message: 'Deleted in Salesforce.' });
        return 'parked';
      default:
        // Transient, or an error the client did not classify (a dropped connection): try again later.
        await retryAt(db, entry.id, now() + retryDelay(entry.attempts, random));
        return 'retrying';
    }
  }
}

function reasonOf(fault: WriteFault): ParkedReason {
  return { errorCode: fault.errorCode, fields: [...fault.fields], message: fault.message };
}

/**
 * Where opportunity teams are off the type does not exist: a query on it answers INVALID_TYPE,
 * a create 404.
 */
function teamsAreOff(fault: WriteFault): boolean {
  return fault.kind === 'not-found' || (fault.kind === 'field' && fault.errorCode === 'INVALID_TYPE');
}

function send(options: SendOptions, entry: StoredOutboxEntry): Promise<void> {
  switch (entry.kind) {
    case 'note':
      return sendNote(options, entry);
    case 'requirement-facts':
      return sendFacts(options, entry);
    case 'contact-role':
      return sendContactRole(options, entry);
    case 'team-member':
      return sendTeamMember(options, entry);
  }
}

type EntryOf<K extends StoredOutboxEntry['kind']> = Extract<StoredOutboxEntry, { kind: K }>;

async function sendNote({ db, writes }: SendOptions, entry: EntryOf<'note'>): Promise<void> {
  const { note, opportunityId } = entry.payload;
  const fields = contentNoteForNote(note);
  let id = entry.remoteId;
  if (id === undefined && entry.attempts === 1) {
    // The first attempt writes the note and its link in one call, all or none.
    await recordRemoteId(db, entry.id, await writes.createLinkedNote(fields, opportunityLink(opportunityId)));
    return;
  }
  if (id === undefined) {
    // Not the first attempt: the earlier one may have created the note and lost the reply.
    if (entry.attempts > 1) [id] = await writes.findNotesByTitle(fields.Title);
    id ??= await writes.createNote(fields);
    await recordRemoteId(db, entry.id, id);
  }
  await linkOnce(writes, noteLink(id, opportunityId));
}

async function linkOnce(writes: SalesforceWrites, link: ContentDocumentLinkFields): Promise<void> {
  try {
    await writes.linkDocument(link);
  } catch (error) {
    if (!(error instanceof WriteFault && error.errorCode === 'DUPLICATE_VALUE')) throw error;
  }
}

const conflict = (message: string) => new WriteFault('field', message, CONFLICT);

async function sendFacts({ db, writes, userId }: SendOptions, entry: EntryOf<'requirement-facts'>): Promise<void> {
  const { opportunityId, facts } = entry.payload;
  const fields = factsNote(opportunityId, userId, facts);
  const html = factsNoteHtml(facts);
  const isOurs = async (id: string) => sameNoteBody(await writes.noteHtml(id), html);

  // The user chose, after a conflict, to put this browser's facts over what is in Salesforce now.
  const overwrite = async (id: string) => writes.updateNote(id, fields, httpDateOfVersion(await writes.noteLastModified(id)));

  // The note to update and the version it is based on: this entry's own earlier attempt, else the last one this browser wrote.
  const base = entry.remoteId !== undefined ? entry : await lastDone(db, entry.recordKey, 'requirement-facts');
  let id = base?.remoteId;
  if (id === undefined) {
    [id] = await writes.findNotesByTitle(fields.Title);
    if (id === undefined) {
      id = await writes.createNote(fields);
      await recordRemoteId(db, entry.id, id);
    } else if (entry.overwrite) {
      await overwrite(id);
    } else if (!(await isOurs(id))) {
      // This user's facts note, written from another browser or edited in Salesforce: its version was never seen here.
      throw conflict('The requirement facts were changed in Salesforce.');
    }
  } else if (entry.overwrite) {
    await overwrite(id);
  } else if (base?.remoteVersion === undefined) {
    // Created by this entry, stopped before its version was read: unchanged since only if the body is still ours.
    if (!(await isOurs(id))) throw conflict('The requirement facts were changed in Salesforce.');
  } else {
    try {
      await writes.updateNote(id, fields, httpDateOfVersion(base.remoteVersion));
    } catch (error) {
      // Our own update, whose success was lost, also answers 412 now: only a body that is not ours is a conflict.
      if (!(error instanceof WriteFault && error.kind === 'precondition-failed') || !(await isOurs(id))) throw error;
    }
  }
  await recordRemoteId(db, entry.id, id, await writes.noteLastModified(id));
  await linkOnce(writes, noteLink(id, opportunityId));
}

/** Exactly one Salesforce row for an e-mail address, or a parked entry saying why not. */
async function onePerson(find: Promise<string[]>, what: 'contact' | 'user', email: string): Promise<string> {
  const ids = await find;
  if (ids.length === 1) return ids[0] as string;
  const code = what === 'contact' ? 'CONTACT' : 'USER';
  throw new WriteFault(
    'field',
    ids.length === 0 ? `No active Salesforce ${what} has the e-mail ${email}.` : `${ids.length} Salesforce ${what}s have the e-mail ${email}.`,
    ids.length === 0 ? `NO_${code}` : `AMBIGUOUS_${code}`,
    [what === 'contact' ? 'ContactId' : 'UserId'],
  );
}

async function sendContactRole({ db, writes, roles }: SendOptions, entry: EntryOf<'contact-role'>): Promise<void> {
  if (entry.remoteId !== undefined) return;
  const { opportunityId, contactEmail, roleId } = entry.payload;
  const role = contactRoleFor(roleId, roles);
  const contactId = await onePerson(writes.findContactIds(contactEmail), 'contact', contactEmail);
  const existing = (await writes.findContactRoles(opportunityId, contactId)).find((row) => row.role === role);
  await recordRemoteId(db, entry.id, existing?.id ?? (await writes.createContactRole({ OpportunityId: opportunityId, ContactId: contactId, Role: role })));
}

async function sendTeamMember({ db, writes, roles }: SendOptions, entry: EntryOf<'team-member'>): Promise<void> {
  if (entry.remoteId !== undefined) return;
  const { opportunityId, userEmail, roleId } = entry.payload;
  const role = teamMemberRoleFor(roleId, roles);
  const userId = await onePerson(writes.findUserIds(userEmail), 'user', userEmail);
  // A user is on an opportunity team once: an existing member gets the role rather than a second row.
  let [existing] = await writes.findTeamMembers(opportunityId, userId);
  if (existing && existing.role !== role) {
    try {
      await writes.updateTeamMemberRole(existing.id, role);
    } catch (error) {
      // Removed in Salesforce between the lookup and the update: add the member afresh (a 404
      // here is that row gone, not opportunity teams off).
      if (!(error instanceof WriteFault && error.kind === 'not-found')) throw error;
      existing = undefined;
    }
  }
  const id =
    existing?.id ?? (await writes.createTeamMember({ OpportunityId: opportunityId, UserId: userId, TeamMemberRole: role, OpportunityAccessLevel: 'Read' }));
  await recordRemoteId(db, entry.id, id);
}
