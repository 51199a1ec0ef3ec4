// Which records of the pages in view belong to the connected org. The record pages of an
// org with My Domain are served from `<name>.lightning.force.com` (Lightning) and
// `<name>.my.salesforce.com` (Classic and setup); its API instance is
// `<name>.my.salesforce.com`. Sandboxes add `.sandbox` to both [My Domain URL formats].
// A record of any other org is never written to this one.

const MY_DOMAIN_SUFFIX = '.my.salesforce.com';
/** An Opportunity's Salesforce id (key prefix 006), 15 or 18 characters. */
export const OPPORTUNITY_ID = /^006[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/;

export interface RecordRef {
  crm: string;
  host: string;
  objectType: string;
  recordId: string;
}

/** Whether `pageHost` serves the pages of the org whose API instance is `instanceUrl`. */
export function isPageOfOrg(pageHost: string, instanceUrl: string): boolean {
  const instanceHost = new URL(instanceUrl).hostname;
  if (!instanceHost.endsWith(MY_DOMAIN_SUFFIX)) return false;
  const name = instanceHost.slice(0, -MY_DOMAIN_SUFFIX.length);
  const host = pageHost.toLowerCase();
  return host === `${name}.lightning.force.com` || host === instanceHost;
}

/** The opportunity's Salesforce id when `record` is an opportunity of the connected org, else undefined. */
export function connectedOpportunityId(record: RecordRef, instanceUrl: string): string | undefined {
  if (record.crm !== 'salesforce' || record.objectType !== 'Opportunity' || !OPPORTUNITY_ID.test(record.recordId)) return undefined;
  return isPageOfOrg(record.host, instanceUrl) ? record.recordId : undefined;
}
