/**
 * The display names of the built-in readers, by adapter id. Extension pages
 * name a CRM from this table rather than by loading every adapter (and its
 * selectors) to ask it; labels.test.ts keeps it equal to the adapters' own labels.
 */
export const BUILT_IN_CRM_LABELS: Readonly<Record<string, string>> = {
  salesforce: 'Salesforce Lightning',
  dynamics: 'Dynamics 365',
  hubspot: 'HubSpot',
  pipedrive: 'Pipedrive',
  zoho: 'Zoho CRM',
  odoo: 'Odoo CRM',
};

/** A built-in reader's display name, or undefined for an id the table does not list. */
export function builtInCrmLabel(adapterId: string): string | undefined {
  return Object.hasOwn(BUILT_IN_CRM_LABELS, adapterId) ? BUILT_IN_CRM_LABELS[adapterId] : undefined;
}
