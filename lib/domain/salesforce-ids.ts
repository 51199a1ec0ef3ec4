// Salesforce record ids (15 case-sensitive characters, or 18 with the case-insensitive suffix)
// and sObject type names. Both end up in URL paths and SOQL: checking their shape keeps a value
// that came from a CRM page from reaching another endpoint (`../`) or changing a query.

/** Any Salesforce record id: the one pattern the outbox rows, the stored session and the client check. */
export const SALESFORCE_ID = /^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/;
const SOBJECT_TYPE = /^[A-Za-z][A-Za-z0-9_]{0,79}$/;

export function assertSalesforceId(id: string): string {
  if (!SALESFORCE_ID.test(id)) throw new RangeError(`Not a Salesforce id: ${JSON.stringify(id)}`);
  return id;
}

export function assertSObjectType(type: string): string {
  if (!SOBJECT_TYPE.test(type)) throw new RangeError(`Not an sObject type: ${JSON.stringify(type)}`);
  return type;
}
