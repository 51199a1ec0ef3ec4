import type { IDBPTransaction } from 'idb';
import type { IronTriangleDB } from './db';
import { enqueueInTransaction, recordRange, type OutboxChange, type Stores, type WithOutbox } from './outbox';
import { StoredOutboxEntrySchema, StoredRequirementValueSchema, validRows, type StoredOutboxEntry, type StoredRequirementValue } from './rows';

// The panel's writes that the connected CRM also keeps: accepted requirement
// values (one facts note per opportunity), people's decision-chain roles
// (contact roles) and team assignments (team members). Each is enqueued in the
// transaction of the local write it mirrors (lib/store/facts.ts), so neither
// exists without the other. The caller decides whether the record is an
// opportunity of the connected org and supplies what only it knows (field
// labels, colleagues' e-mail addresses). A change Salesforce could never take
// (an e-mail address it would refuse) is not enqueued: the local write, valid
// on its own, is never refused for it.

/** Where a local write also goes: the opportunity, and the id and time of its outbox entry. */
export interface OutboxTarget {
  opportunityId: string;
  outboxId: string;
  createdAt: number;
}

/** A facts note is read by people without the extension: each field under its label as the team reads it. */
export interface FactsTarget extends OutboxTarget {
  labelOf: (fieldId: string) => string;
}


/** The newest value of each field: the record's facts as the panel shows them. */
function newestPerField(values: readonly StoredRequirementValue[]): StoredRequirementValue[] {
  const newest = new Map<string, StoredRequirementValue>();
  for (const value of values) {
    const held = newest.get(value.fieldId);
    if (!held || value.setAt > held.setAt) newest.set(value.fieldId, value);
  }
  return [...newest.values()];
}

/**
 * Enqueues the record's facts as a whole, read inside `tx` after its write. The facts note is
 * rewritten from the whole set, so a snapshot still waiting untouched (never tried) is replaced
 * rather than followed by another: five edits in a row make one write, not five.
 */
export async function enqueueFacts<Names extends Stores>(
  tx: WithOutbox<Names> & ('requirementValues' extends Names[number] ? unknown : never),
  recordKey: string,
  target: FactsTarget,
): Promise<void> {
  // The types above guarantee both stores are in the transaction; TypeScript cannot carry that into the generic calls.
  const stores = tx as unknown as IDBPTransaction<IronTriangleDB, ['requirementValues', 'outbox'], 'readwrite'>;
  const values = validRows(StoredRequirementValueSchema, await stores.objectStore('requirementValues').index('byRecord').getAll(recordKey));
  const facts = newestPerField(values)
    .filter((value) => value.value.trim() !== '')
    .map(({ fieldId, value, source, confirmedByCustomer, setBy, setAt }) => ({ label: target.labelOf(fieldId), value, source, confirmedByCustomer, setBy, setAt }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const payload = { opportunityId: target.opportunityId, facts };
  const outbox = stores.objectStore('outbox');
  for (let cursor = await outbox.index('byRecord').openCursor(recordRange(recordKey), 'prev'); cursor; cursor = await cursor.continue()) {
    const [entry] = validRows(StoredOutboxEntrySchema, [cursor.value]);
    if (entry?.kind !== 'requirement-facts') continue;
    // A snapshot not tried yet, or one refused and waiting for the user, is replaced by the newer
    // one (a refused one stays refused: the user's Retry or Discard then decides about the newest).
    if ((entry.state === 'pending' && entry.attempts === 0) || entry.state === 'parked') {
      await cursor.update(StoredOutboxEntrySchema.parse({ ...entry, payload } satisfies StoredOutboxEntry));
      return;
    }
    break; // the newest facts entry is in flight or written: this snapshot follows it
  }
  await enqueueIfSendable(tx, { id: target.outboxId, recordKey, kind: 'requirement-facts', payload, createdAt: target.createdAt });
}

/** Enqueues `change` unless it could never be written (then the local change stands alone). */
async function enqueueIfSendable<Names extends Stores>(tx: WithOutbox<Names>, change: OutboxChange): Promise<void> {
  const sendable = StoredOutboxEntrySchema.safeParse({ ...change, seq: 1, state: 'pending', attempts: 0, nextAttemptAt: change.createdAt }).success;
  if (sendable) await enqueueInTransaction(tx, change);
}

/** The e-mail address of a CRM contact, from its stakeholder id (`crm:email:…`); undefined for anyone else. */
export function contactEmailOf(stakeholderId: string): string | undefined {
  const prefix = 'crm:email:';
  return stakeholderId.startsWith(prefix) ? stakeholderId.slice(prefix.length) : undefined;
}

/**
 * Enqueues a contact role for each decision-chain role a CRM contact newly holds. A role taken
 * away is not written: the contact role stays in Salesforce for its users to remove.
 */
export async function enqueueContactRoles<Names extends Stores>(
  tx: WithOutbox<Names>,
  recordKey: string,
  contactEmail: string,
  added: readonly string[],
  target: OutboxTarget,
): Promise<void> {
  for (const [index, roleId] of added.entries()) {
    const id = index === 0 ? target.outboxId : `${target.outboxId}-${index}`;
    await enqueueIfSendable(tx, { id, recordKey, kind: 'contact-role', payload: { opportunityId: target.opportunityId, contactEmail, roleId }, createdAt: target.createdAt });
  }
}

/** Enqueues a team member for a colleague assigned a team role. */
export async function enqueueTeamMember<Names extends Stores>(tx: WithOutbox<Names>, recordKey: string, userEmail: string, roleId: string, target: OutboxTarget): Promise<void> {
  await enqueueIfSendable(tx, { id: target.outboxId, recordKey, kind: 'team-member', payload: { opportunityId: target.opportunityId, userEmail, roleId }, createdAt: target.createdAt });
}
