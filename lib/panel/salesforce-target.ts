import { parseRecordKey } from '@/lib/crm/snapshot';
import { getLocale } from '@/lib/i18n';
import { connectedOpportunityId } from '@/lib/salesforce/org-match';
import { readConnectedOrg } from '@/lib/salesforce/session';
import { readTeamsOff } from '@/lib/salesforce/teams';
import type { Database } from '@/lib/store/db';
import type { FactsTarget, OutboxTarget } from '@/lib/store/outbox-mirror';
import { loadActiveDirectory, loadActivePlaybook } from '@/lib/deal/active-policy';

// Whether a panel write also goes to Salesforce: only for an opportunity of the connected org
// (signed in or not: the outbox waits for the next sign-in). Read before the write's own
// transaction; a disconnect in between leaves an entry that waits for the next connect, as any
// entry does.

async function outboxTarget(db: Database, recordKey: string, now: number): Promise<OutboxTarget | undefined> {
  const org = await readConnectedOrg(db);
  const opportunityId = org ? connectedOpportunityId(parseRecordKey(recordKey), org.instanceUrl) : undefined;
  return opportunityId ? { opportunityId, outboxId: crypto.randomUUID(), createdAt: now } : undefined;
}

/** Where accepted values go: the facts note, each field under its label in the user's language. */
export async function factsTargetOf(db: Database, recordKey: string, now: number): Promise<FactsTarget | undefined> {
  const target = await outboxTarget(db, recordKey, now);
  if (!target) return undefined;
  const { playbook } = await loadActivePlaybook(db);
  const locale = getLocale();
  const labels = new Map(playbook.requirements.map((requirement) => [requirement.id, requirement.label[locale]]));
  return { ...target, labelOf: (fieldId) => labels.get(fieldId) ?? fieldId };
}

/** Where a person's decision-chain roles go: the opportunity's contact roles. */
export const contactRoleTargetOf = outboxTarget;

/** Where a team assignment goes: the opportunity team, for a colleague whose e-mail the directory has, unless teams are off in the org. */
export async function teamTargetOf(db: Database, recordKey: string, personId: string, now: number): Promise<(OutboxTarget & { userEmail: string }) | undefined> {
  const target = await outboxTarget(db, recordKey, now);
  if (!target || (await readTeamsOff(db))) return undefined;
  const { people } = await loadActiveDirectory(db);
  const userEmail = people.find((person) => person.id === personId)?.email?.trim();
  return userEmail ? { ...target, userEmail } : undefined;
}
