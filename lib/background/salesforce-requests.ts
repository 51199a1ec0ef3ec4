// The background's answers to the options' and panels' Salesforce requests.
import type { PullResult, SalesforceRequest, SalesforceStatus } from '@/lib/messaging/protocol';
import { parseRecordKey } from '@/lib/crm/snapshot';
import { connectedOpportunityId } from '@/lib/salesforce/org-match';
import { readSalesforcePolicy } from '@/lib/salesforce/policy';
import { pullRecordNotes } from '@/lib/salesforce/read-back';
import { pullRecordPeople } from '@/lib/salesforce/read-back-people';
import { loadActiveDirectory, loadActivePlaybook } from '@/lib/deal/active-policy';
import { broadcast } from '@/lib/messaging/broadcast';
import { InvalidSessionError } from '@/lib/salesforce/errors';
import { connectionState } from '@/lib/salesforce/session';
import { getDatabase } from '@/lib/store/connection';
import { browserConnectDeps, connectSalesforce, disconnectSalesforce, type ConnectDeps } from './salesforce-connect';
import { connectedClient, syncSoon } from './salesforce-sync';

/** The connection as pages may see it: where and since when, never a token. */
export async function salesforceStatus(deps: Pick<ConnectDeps, 'redirectUri' | 'policy'>): Promise<SalesforceStatus> {
  const connection = await connectionState(await getDatabase());
  const org = connection.state === 'not-connected' ? undefined : connection.org;
  return {
    state: connection.state,
    ...(org ? { instanceUrl: org.instanceUrl, connectedAt: org.connectedAt, setup: { loginHost: org.loginHost, clientId: org.clientId } } : {}),
    signInEverySession: deps.policy.signInEverySession,
    redirectUri: deps.redirectUri,
    policy: {
      ...(deps.policy.loginHost ? { loginHost: deps.policy.loginHost } : {}),
      ...(deps.policy.clientId ? { clientId: deps.policy.clientId } : {}),
    },
  };
}

export async function answerSalesforce(request: SalesforceRequest): Promise<unknown> {
  switch (request.type) {
    case 'salesforce/status':
      return salesforceStatus(await browserConnectDeps());
    case 'salesforce/connect': {
      // The managed policy is read only for the requests that use it: a pull or a send does not.
      const deps = await browserConnectDeps();
      const typed = { ...(request.loginHost ? { loginHost: request.loginHost } : {}), ...(request.clientId ? { clientId: request.clientId } : {}) };
      await connectSalesforce(await getDatabase(), typed, deps);
      void syncSoon(); // what waited for the sign-in goes now
      await broadcast({ type: 'broadcast/outbox' });
      return salesforceStatus(deps);
    }
    case 'salesforce/disconnect': {
      const outcome = await disconnectSalesforce(await getDatabase(), { fetch: globalThis.fetch.bind(globalThis) });
      await syncSoon(); // with no org it sends nothing and clears the outbox alarm
      await broadcast({ type: 'broadcast/outbox' });
      return outcome;
    }
    case 'salesforce/send-now':
      await syncSoon();
      return { ok: true };
    case 'salesforce/pull':
      return pullShown(request.recordKey, request.recordName);
  }
}

const pulls = new Map<string, Promise<PullResult>>();

/** Reads back a record a panel shows; panels asking for the same record at once share one read. */
function pullShown(recordKey: string, recordName: string): Promise<PullResult> {
  let pull = pulls.get(recordKey);
  if (!pull) {
    pull = pullOnce(recordKey, recordName)
      .catch(async (error: unknown) => {
        // A refused sign-in dropped the tokens: open pages show "sign in again", not "cannot be reached".
        if (error instanceof InvalidSessionError) await broadcast({ type: 'broadcast/outbox' });
        throw error;
      })
      .finally(() => pulls.delete(recordKey));
    pulls.set(recordKey, pull);
  }
  return pull;
}

async function pullOnce(recordKey: string, recordName: string): Promise<PullResult> {
  const db = await getDatabase();
  const connected = await connectedClient(db);
  const opportunityId = connected && connectedOpportunityId(parseRecordKey(recordKey), connected.org.instanceUrl);
  if (!connected || !opportunityId) return { outcome: 'not-connected' };
  const target = { recordKey, recordName, opportunityId, userId: connected.org.userId };
  const notes = await pullRecordNotes(db, connected.client, target, Date.now());
  if (notes.outcome === 'gone') return notes;
  if (notes.changed > 0) await broadcast({ type: 'broadcast/notes', recordKey });
  const [{ playbook }, { people: directory }, { roles }] = await Promise.all([loadActivePlaybook(db), loadActiveDirectory(db), readSalesforcePolicy()]);
  const context = { decisionRoles: playbook.decisionRoles, teamRoleIds: playbook.teamRoles.map((role) => role.id), directory, roles };
  const people = await pullRecordPeople(db, connected.client, target, context, Date.now());
  if (people.changed > 0) await broadcast({ type: 'broadcast/facts', recordKey });
  return { outcome: 'pulled', changed: notes.changed + people.changed, ...(people.teamsOff ? { teamsOff: true } : {}) };
}
