import type { CrmAdapter } from './adapter';
import { dynamicsAdapter } from './adapters/dynamics';
import { hubspotAdapter } from './adapters/hubspot';
import { odooAdapter } from './adapters/odoo';
import { pipedriveAdapter } from './adapters/pipedrive';
import { salesforceAdapter } from './adapters/salesforce';
import { zohoAdapter } from './adapters/zoho';

/**
 * Every CRM the extension reads out of the box. Adding a CRM: one adapter
 * file, one line here, its host patterns in hosts.ts and a content-script
 * entrypoint of three lines.
 */
export const ADAPTERS: readonly CrmAdapter[] = [salesforceAdapter, dynamicsAdapter, hubspotAdapter, pipedriveAdapter, zohoAdapter, odooAdapter];

export function adapterById(id: string): CrmAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.id === id);
}
