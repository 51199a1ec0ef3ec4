import type { CrmAdapter } from './adapter';
import { salesforceAdapter } from './adapters/salesforce';

/** Every CRM the extension reads out of the box. Adding a CRM: one adapter file, one line here. */
export const ADAPTERS: readonly CrmAdapter[] = [salesforceAdapter];

export function adapterById(id: string): CrmAdapter | undefined {
  return ADAPTERS.find((adapter) => adapter.id === id);
}
