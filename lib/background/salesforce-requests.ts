// The background's answers to the options' and panels' Salesforce requests.
import type { SalesforceRequest, SalesforceStatus } from '../messaging/protocol';
import { broadcast } from '../messaging/broadcast';
import { connectionState } from '../salesforce/session';
import { getDatabase } from '../store/connection';
import { browserConnectDeps, connectSalesforce, disconnectSalesforce, type ConnectDeps } from './salesforce-connect';
import { syncSoon } from './salesforce-sync';

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
  const deps = await browserConnectDeps();
  switch (request.type) {
    case 'salesforce/status':
      return salesforceStatus(deps);
    case 'salesforce/connect': {
      const typed = { ...(request.loginHost ? { loginHost: request.loginHost } : {}), ...(request.clientId ? { clientId: request.clientId } : {}) };
      await connectSalesforce(await getDatabase(), typed, deps);
      void syncSoon(); // what waited for the sign-in goes now
      await broadcast({ type: 'broadcast/outbox' });
      return salesforceStatus(deps);
    }
    case 'salesforce/disconnect': {
      const outcome = await disconnectSalesforce(await getDatabase(), deps);
      await syncSoon(); // with no org it sends nothing and clears the outbox alarm
      await broadcast({ type: 'broadcast/outbox' });
      return outcome;
    }
    case 'salesforce/send-now':
      await syncSoon();
      return { ok: true };
  }
}
