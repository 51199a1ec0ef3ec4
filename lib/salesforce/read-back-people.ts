// Read-back of the deal's people: the opportunity's contact roles become the customer's
// people's decision-chain roles, its team members the team's assignments, merged into this
// browser's store (lib/store/facts.ts), so the SR's panel shows who the AR put on the deal.
// Bounded by LastModifiedDate after the first read, paged.
//
// A Salesforce value is read as the team reads the same value on the CRM page: a contact role
// through the org's own values IT pushed, else the playbook's `crmContactRoles` (the engines' own
// mapping), a team member role
// through the values the sender writes (lib/salesforce/mapping.ts), narrowed to the roles the
// colleague can take in the team directory when several roles share one value. A value that
// names no role, a contact without an e-mail address and a user the directory does not know
// are left out: the page read and the team still have them.
import { z } from '@/lib/zod/mini';
import { stakeholderIdForContact } from '@/lib/domain/stakeholder';
import type { Person } from '@/lib/domain/team';
import type { Database } from '@/lib/store/db';
import { mergeRemoteAssignments, mergeRemoteContactRoles, type RemoteContactRoles } from '@/lib/store/facts';
import { writtenRemoteIds } from '@/lib/store/outbox';
import { StoredStakeholderSchema, validRows } from '@/lib/store/rows';
import { readSetting, writeSetting } from '@/lib/store/settings';
import type { SalesforceClient } from './client.ts';
import { parseApiDateTime } from './datetime.ts';
import { FieldError } from './errors.ts';
import { contactRoleFor, teamMemberRoleFor, type RoleMaps } from './mapping.ts';
import { writeTeamsOff } from './teams.ts';
import { contactRolesQuery, teamMembersQuery } from './queries.ts';
import type { PullTarget } from './read-back.ts';

export interface PeopleContext {
  decisionRoles: readonly { id: string; crmContactRoles: readonly string[] }[];
  teamRoleIds: readonly string[];
  directory: readonly Person[];
  roles?: RoleMaps;
}

export interface PeoplePull {
  changed: number;
  /** Opportunity teams are off in this org: team members are neither read nor written. */
  teamsOff: boolean;
}

/**
 * Where the last read stopped, per kind: the newest LastModifiedDate seen, and the rows of that
 * second already merged. The query's bound is `>=` to the second, so those rows come back on every
 * read; merged again, they would undo what the team removed here since.
 */
const PeopleStateSchema = z.object({
  contactRolesSince: z.optional(z.number()),
  contactRolesSeen: z._default(z.array(z.string()).check(z.maxLength(2_000)), []),
  teamSince: z.optional(z.number()),
  teamSeen: z._default(z.array(z.string()).check(z.maxLength(2_000)), []),
});
const stateKey = (recordKey: string) => `salesforce.pullPeople:${recordKey}`;

const ContactRoleRowSchema = z.object({
  Id: z.string(),
  Role: z.nullable(z.string()),
  LastModifiedDate: z.string(),
  Contact: z.nullable(z.object({ Name: z.string(), Email: z.optional(z.nullable(z.string())), Title: z.optional(z.nullable(z.string())) })),
});
const TeamMemberRowSchema = z.object({
  Id: z.string(),
  TeamMemberRole: z.nullable(z.string()),
  LastModifiedDate: z.string(),
  User: z.nullable(z.object({ Email: z.optional(z.nullable(z.string())) })),
});

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The decision-chain role a contact role value stands for, when exactly one does: the org's own value first (IT's map), else the playbook's. */
function decisionRoleOf(context: PeopleContext, value: string): string | undefined {
  const mapped = Object.entries(context.roles?.contactRoles ?? {}).filter(([, picklist]) => same(picklist, value));
  if (mapped.length > 0) return mapped.length === 1 ? mapped[0]![0] : undefined;
  const candidates = context.decisionRoles.filter((role) => role.crmContactRoles.some((name) => same(name, value)));
  return candidates.length === 1 ? candidates[0]!.id : undefined;
}

/** The team role a team member role value stands for: among those written as it, the one the colleague can take. */
function teamRoleOf(context: PeopleContext, value: string, person: Person): string | undefined {
  const candidates = context.teamRoleIds.filter((roleId) => same(teamMemberRoleFor(roleId, context.roles), value));
  const theirs = candidates.filter((roleId) => person.roles.includes(roleId));
  return theirs[0] ?? (candidates.length === 1 ? candidates[0] : undefined);
}

async function pageRows<T>(client: SalesforceClient, soql: string, schema: z.ZodMiniType<T>): Promise<T[]> {
  const rows: T[] = [];
  for await (const page of client.queryPages(soql, { batchSize: 200 })) {
    for (const raw of page.records) {
      const row = schema.safeParse(raw);
      if (row.success) rows.push(row.data); // a row in a shape we do not know is skipped, not guessed at
    }
  }
  return rows;
}

type Row = { Id: string; LastModifiedDate: string };

/** The rows not merged before: neither this browser's own writes nor rows of the last second already merged. */
function unmerged<R extends Row>(rows: readonly R[], own: ReadonlySet<string>, since: number | undefined, seen: readonly string[]): R[] {
  return rows.filter((row) => !own.has(row.Id.slice(0, 15)) && !(parseApiDateTime(row.LastModifiedDate) === since && seen.includes(row.Id)));
}

/** Where this read stops: the newest second seen and the rows of that second (with those seen before in it). */
function stopAt(rows: readonly Row[], since: number | undefined, seen: readonly string[]): { since?: number; seen: string[] } {
  const newest = rows.reduce<number | undefined>((at, row) => Math.max(at ?? 0, parseApiDateTime(row.LastModifiedDate)), since);
  const atNewest = rows.filter((row) => parseApiDateTime(row.LastModifiedDate) === newest).map((row) => row.Id);
  return { ...(newest !== undefined ? { since: newest } : {}), seen: [...new Set([...(newest === since ? seen : []), ...atNewest])] };
}

/** Whether a role the person holds here is already what the value says (several roles share one standard value). */
function alreadyStated(held: readonly string[], value: string, context: PeopleContext): boolean {
  return held.some((roleId) => same(contactRoleFor(roleId, context.roles), value));
}

export async function pullRecordPeople(db: Database, client: SalesforceClient, target: PullTarget, context: PeopleContext, now: number): Promise<PeoplePull> {
  const previous = await readSetting(db, stateKey(target.recordKey), PeopleStateSchema, { contactRolesSeen: [], teamSeen: [] });
  // The contact roles and team members this browser wrote: it has them already, as set here.
  const own = await writtenRemoteIds(db, target.recordKey, ['contact-role', 'team-member']);
  const stored = new Map(
    validRows(StoredStakeholderSchema, await db.getAllFromIndex('stakeholders', 'byRecord', target.recordKey)).map((person) => [person.id, person.roles]),
  );

  const contactRows = await pageRows(client, contactRolesQuery(target.opportunityId, previous.contactRolesSince), ContactRoleRowSchema);
  const people = new Map<string, RemoteContactRoles>();
  for (const row of unmerged(contactRows, own, previous.contactRolesSince, previous.contactRolesSeen)) {
    const email = row.Contact?.Email?.trim();
    const roleId = row.Role ? decisionRoleOf(context, row.Role) : undefined;
    if (!row.Contact || !email || !roleId) continue;
    const id = stakeholderIdForContact({ name: row.Contact.Name, email });
    if (alreadyStated(stored.get(id) ?? [], row.Role!, context)) continue;
    const person = people.get(id) ?? { person: { id, name: row.Contact.Name, ...(row.Contact.Title ? { title: row.Contact.Title } : {}) }, roles: [] };
    people.set(id, { ...person, roles: [...new Set([...person.roles, roleId])] });
  }
  let changed = await mergeRemoteContactRoles(db, target.recordKey, [...people.values()], now);

  let teamRows: z.infer<typeof TeamMemberRowSchema>[] = [];
  let teamsOff = false;
  try {
    teamRows = await pageRows(client, teamMembersQuery(target.opportunityId, previous.teamSince), TeamMemberRowSchema);
  } catch (error) {
    // [OpportunityTeamMember] is no type at all where team selling is off.
    if (!(error instanceof FieldError && error.errorCode === 'INVALID_TYPE')) throw error;
    teamsOff = true;
  }
  await writeTeamsOff(db, teamsOff); // an admin may have turned them on (or off) since
  const assignments = unmerged(teamRows, own, previous.teamSince, previous.teamSeen).flatMap((row) => {
    const email = row.User?.Email?.trim();
    const person = email ? context.directory.find((candidate) => candidate.email !== undefined && same(candidate.email, email)) : undefined;
    const roleId = person && row.TeamMemberRole ? teamRoleOf(context, row.TeamMemberRole, person) : undefined;
    return person && roleId ? [{ roleId, personId: person.id }] : [];
  });
  changed += await mergeRemoteAssignments(db, target.recordKey, assignments, now);

  const contactRoles = stopAt(contactRows, previous.contactRolesSince, previous.contactRolesSeen);
  const team = stopAt(teamRows, previous.teamSince, previous.teamSeen);
  await writeSetting(db, stateKey(target.recordKey), PeopleStateSchema, {
    ...(contactRoles.since !== undefined ? { contactRolesSince: contactRoles.since } : {}),
    contactRolesSeen: contactRoles.seen,
    ...(team.since !== undefined ? { teamSince: team.since } : {}),
    teamSeen: team.seen,
  });
  return { changed, teamsOff };
}
