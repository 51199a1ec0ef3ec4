import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteDB } from 'idb';
import { startSalesforceServer, type SalesforceServer } from '@/test/support/salesforce-server.mjs';
import { DEFAULT_PLAYBOOK } from '@/lib/playbook/default-playbook';
import type { Person } from '@/lib/domain/team';
import { openDatabase, writeTransaction, type Database } from '@/lib/store/db';
import { factsForRecord, saveStakeholderRoles, unassignMember } from '@/lib/store/facts';
import { enqueueInTransaction, markDone, markSending, recordRemoteId } from '@/lib/store/outbox';
import type { SalesforceClient } from './client';
import { pullRecordPeople, type PeopleContext } from './read-back-people';
import { readTeamsOff } from './teams';
import { signedInClient } from './testing/sign-in';

// Read-back of the deal's people against the local Salesforce stand-in: contact roles become
// the customer's people's decision-chain roles, team members the team's assignments.

const OPPORTUNITY = '0065g00000AbCdEAAV';
const RECORD = `salesforce|acme.lightning.force.com|Opportunity|${OPPORTUNITY}`;
const target = { recordKey: RECORD, recordName: 'Nile Telecom', opportunityId: OPPORTUNITY, userId: '005000000000000AAA' };
const person = (id: string, email: string, roles: string[]): Person => ({ id, name: id, email, roles, skills: [], industries: [], regions: [], languages: [], capacity: 5, openDeals: 0 });
const context: PeopleContext = {
  decisionRoles: DEFAULT_PLAYBOOK.decisionRoles,
  teamRoleIds: DEFAULT_PLAYBOOK.teamRoles.map((role) => role.id),
  directory: [person('wang-fang', 'Wang.Fang@example.com', ['sr', 'power-specialist']), person('omar', 'omar@example.com', ['power-specialist'])],
};

let server: SalesforceServer;
let client: SalesforceClient;
let db: Database;
const dbName = () => `read-back-people-${expect.getState().currentTestName}`;

beforeEach(async () => {
  server = await startSalesforceServer();
  server.state.seed('Opportunity', { Id: OPPORTUNITY, Name: 'Nile Telecom' });
  client = await signedInClient(server);
  db = await openDatabase(dbName());
});
afterEach(async () => {
  db.close();
  await deleteDB(dbName());
  await server.close();
});

function contactRole(name: string, email: string | null, title: string, role: string): void {
  const contactId = server.state.seed('Contact', { Name: name, Email: email, Title: title });
  server.state.seed('OpportunityContactRole', { OpportunityId: OPPORTUNITY, ContactId: contactId, Role: role, IsPrimary: false });
}
function teamMember(email: string, role: string): void {
  const userId = server.state.seed('User', { Name: email, Username: email, Email: email, IsActive: true });
  server.state.seed('OpportunityTeamMember', { OpportunityId: OPPORTUNITY, UserId: userId, TeamMemberRole: role, OpportunityAccessLevel: 'Read' });
}

describe('pullRecordPeople', () => {
  it('gives each contact the decision-chain role its contact role stands for, as the page read would', async () => {
    contactRole('Ahmed Musa', 'ahmed.musa@sudatel.sd', 'CTO', 'Technical Buyer');
    contactRole('Amal Idris', 'amal@sudatel.sd', 'CEO', 'Economic Decision Maker');
    contactRole('No Mail', null, 'CFO', 'Decision Maker'); // no e-mail: the page read has them, the store cannot key them
    contactRole('Sara Ali', 'sara@sudatel.sd', 'Engineer', 'Other'); // names no role: left to the title
    expect(await pullRecordPeople(db, client, target, context, 1_000)).toEqual({ changed: 2, teamsOff: false });
    const { stakeholders } = await factsForRecord(db, RECORD);
    expect(stakeholders.map((s) => [s.id, s.name, s.title, s.roles, s.source]).sort()).toEqual([
      ['crm:email:ahmed.musa@sudatel.sd', 'Ahmed Musa', 'CTO', ['technical-evaluator'], 'crm'],
      ['crm:email:amal@sudatel.sd', 'Amal Idris', 'CEO', ['decision-maker'], 'crm'],
    ]);
    // Read again: nothing new.
    expect(await pullRecordPeople(db, client, target, context, 2_000)).toEqual({ changed: 0, teamsOff: false });
  });

  it('adds to what the team set here and never takes a role away', async () => {
    const ahmed = { id: 'crm:email:ahmed.musa@sudatel.sd', name: 'Ahmed Musa', title: 'CTO', source: 'crm' as const, stance: 'supporter' as const, influence: 'high' as const };
    await saveStakeholderRoles(db, RECORD, ahmed, ['champion'], null, 500);
    contactRole('Ahmed Musa', 'ahmed.musa@sudatel.sd', 'CTO', 'Technical Buyer');
    await pullRecordPeople(db, client, target, context, 1_000);
    const [stored] = (await factsForRecord(db, RECORD)).stakeholders;
    expect(stored).toMatchObject({ roles: ['champion', 'technical-evaluator'], stance: 'supporter', influence: 'high', updatedAt: 1_000 });
  });

  it('assigns the team members the directory knows, in the role they can take, and reads only what changed since', async () => {
    teamMember('wang.fang@example.com', 'Pre-Sales Consultant'); // SR and power specialist share the value: the directory decides
    teamMember('omar@example.com', 'Pre-Sales Consultant');
    teamMember('stranger@example.com', 'Account Manager'); // not in the directory
    expect(await pullRecordPeople(db, client, target, context, 1_000)).toEqual({ changed: 2, teamsOff: false });
    expect((await factsForRecord(db, RECORD)).assignments.map((a) => [a.roleId, a.personId]).sort()).toEqual([
      ['power-specialist', 'omar'],
      ['sr', 'wang-fang'],
    ]);
    const requests = server.state.requests.length;
    await pullRecordPeople(db, client, target, context, 2_000);
    const queries = server.state.requests.slice(requests).map((request) => decodeURIComponent(request.path).replace(/\+/g, " "));
    // The team query starts at the newest change seen; the contact roles (none seen yet) are read whole.
    expect(queries.find((query) => query.includes('FROM OpportunityTeamMember'))).toMatch(/LastModifiedDate >= \d{4}-/);
    expect(queries.find((query) => query.includes('FROM OpportunityContactRole'))).not.toMatch(/LastModifiedDate >=/);
  });

  it('reads the org’s own picklist values as IT mapped them, for contact roles and team members', async () => {
    contactRole('Li Na', 'li.na@sudatel.sd', 'Head of Supply', 'Procurement');
    teamMember('omar@example.com', 'Fulfilment Responsible');
    const withOrgValues = { ...context, directory: [...context.directory, person('omar', 'omar@example.com', ['fr'])].slice(1), roles: { contactRoles: { procurement: 'Procurement' }, teamRoles: { fr: 'Fulfilment Responsible' } } };
    expect(await pullRecordPeople(db, client, target, withOrgValues, 1_000)).toEqual({ changed: 2, teamsOff: false });
    const facts = await factsForRecord(db, RECORD);
    expect(facts.stakeholders.map((s) => [s.id, s.roles])).toEqual([['crm:email:li.na@sudatel.sd', ['procurement']]]);
    expect(facts.assignments.map((a) => [a.roleId, a.personId])).toEqual([['fr', 'omar']]);
  });

  it('does not read back what this browser wrote, nor a role a person holds here already stated by the value', async () => {
    // This browser wrote Li Na's procurement role (as the standard "Evaluator"): reading it back would add technical evaluator.
    const contactId = server.state.seed('Contact', { Name: 'Li Na', Email: 'li.na@sudatel.sd', Title: 'Head of Supply' });
    const own = server.state.seed('OpportunityContactRole', { OpportunityId: OPPORTUNITY, ContactId: contactId, Role: 'Evaluator', IsPrimary: false });
    const tx = writeTransaction(db, ['outbox']);
    await enqueueInTransaction(tx, { id: 'c1', recordKey: RECORD, kind: 'contact-role', payload: { opportunityId: OPPORTUNITY, contactEmail: 'li.na@sudatel.sd', roleId: 'procurement' }, createdAt: 1 });
    await tx.done;
    await markSending(db, 'c1', 2);
    await recordRemoteId(db, 'c1', own);
    await markDone(db, 'c1');
    // A colleague wrote the same value for Omar, whom the team here already holds as finance.
    await saveStakeholderRoles(db, RECORD, { id: 'crm:email:omar@sudatel.sd', name: 'Omar', source: 'crm', stance: 'unknown', influence: 'unknown' }, ['finance'], null, 1);
    contactRole('Omar', 'omar@sudatel.sd', 'CFO', 'Evaluator');
    expect(await pullRecordPeople(db, client, target, context, 1_000)).toEqual({ changed: 0, teamsOff: false });
    expect((await factsForRecord(db, RECORD)).stakeholders.map((s) => [s.id, s.roles])).toEqual([['crm:email:omar@sudatel.sd', ['finance']]]);
  });

  it('merges a row once: what the team removed here is not brought back by the next read', async () => {
    teamMember('wang.fang@example.com', 'Pre-Sales Consultant');
    await pullRecordPeople(db, client, target, context, 1_000);
    expect((await factsForRecord(db, RECORD)).assignments).toHaveLength(1);
    await unassignMember(db, RECORD, 'sr', 'wang-fang');
    await pullRecordPeople(db, client, target, context, 2_000);
    expect((await factsForRecord(db, RECORD)).assignments).toEqual([]);
    // Changed in Salesforce: merged again.
    server.state.clockOffsetMs += 2_000;
    const [row] = server.state.list('OpportunityTeamMember');
    server.state.touch('OpportunityTeamMember', row!.Id, { TeamMemberRole: 'Pre-Sales Consultant' });
    await pullRecordPeople(db, client, target, context, 3_000);
    expect((await factsForRecord(db, RECORD)).assignments).toHaveLength(1);
  });

  it('says when opportunity teams are off, and still reads the contact roles', async () => {
    server.state.teamSelling = false;
    contactRole('Ahmed Musa', 'ahmed.musa@sudatel.sd', 'CTO', 'Technical Buyer');
    expect(await pullRecordPeople(db, client, target, context, 1_000)).toEqual({ changed: 1, teamsOff: true });
    expect(await readTeamsOff(db)).toBe(true);
    // An admin turns them on: the next read says so, and assignments are shared again.
    server.state.teamSelling = true;
    expect(await pullRecordPeople(db, client, target, context, 2_000)).toMatchObject({ teamsOff: false });
    expect(await readTeamsOff(db)).toBe(false);
  });
});
