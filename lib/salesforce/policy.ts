// What IT may push for Salesforce through managed storage (the manifest's managed schema in
// Chrome, enterprise policies in Firefox): the login host and the External Client App's
// consumer key, so users only click "Connect", whether tokens last for one browser
// session only, and the org's own picklist values for the playbook's roles (where the org has
// values such as "Procurement" the standard picklist lacks). Policy values win over what a user typed; a value that does not parse is
// ignored as if absent (and the options page shows the user's own fields).
import { browser } from 'wxt/browser';
import { z } from '@/lib/zod/mini';
import { loginOrigin } from './hosts.ts';
import type { RoleMaps } from './mapping.ts';

export const SALESFORCE_POLICY_KEYS = [
  'salesforceLoginHost',
  'salesforceConsumerKey',
  'salesforceSignInEverySession',
  'salesforceContactRoles',
  'salesforceTeamRoles',
] as const;

/** Playbook role id → the org's picklist value. */
const RoleMapSchema = z.record(z.string().check(z.minLength(1), z.maxLength(100)), z.string().check(z.trim(), z.minLength(1), z.maxLength(255)));

/** A consumer key as Salesforce issues it: letters, digits, dots and underscores. */
export const ConsumerKeySchema = z.string().check(z.trim(), z.minLength(10), z.maxLength(256), z.regex(/^[A-Za-z0-9._]+$/));
/** A login host as typed or pushed, checked to be a Salesforce login or My Domain host; kept as a bare host name. */
export const LoginHostSchema = z.pipe(z.string().check(z.maxLength(300)), z.transform((text, ctx) => {
  try {
    return new URL(loginOrigin(text)).host;
  } catch {
    ctx.issues.push({ code: 'custom', message: 'not a Salesforce login host', input: text });
    return z.NEVER;
  }
}));

export const SalesforceSetupSchema = z.object({ loginHost: LoginHostSchema, clientId: ConsumerKeySchema });
export type SalesforceSetup = z.infer<typeof SalesforceSetupSchema>;

export interface SalesforcePolicy {
  loginHost?: string;
  clientId?: string;
  signInEverySession: boolean;
  /** The org's picklist values for the playbook's roles, over the standard ones (lib/salesforce/mapping.ts). */
  roles: RoleMaps;
}

export async function readSalesforcePolicy(): Promise<SalesforcePolicy> {
  let raw: Record<string, unknown> = {};
  try {
    raw = (await browser.storage.managed.get([...SALESFORCE_POLICY_KEYS])) ?? {};
  } catch {
    // No managed-storage backend or no policy: nothing is pushed.
  }
  const loginHost = LoginHostSchema.safeParse(raw.salesforceLoginHost);
  const clientId = ConsumerKeySchema.safeParse(raw.salesforceConsumerKey);
  const contactRoles = RoleMapSchema.safeParse(raw.salesforceContactRoles);
  const teamRoles = RoleMapSchema.safeParse(raw.salesforceTeamRoles);
  return {
    ...(loginHost.success ? { loginHost: loginHost.data } : {}),
    ...(clientId.success ? { clientId: clientId.data } : {}),
    signInEverySession: raw.salesforceSignInEverySession === true,
    roles: { ...(contactRoles.success ? { contactRoles: contactRoles.data } : {}), ...(teamRoles.success ? { teamRoles: teamRoles.data } : {}) },
  };
}
