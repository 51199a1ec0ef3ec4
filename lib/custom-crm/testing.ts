// Example definitions for the user-defined CRM tests (imported by tests only).
import type { CustomCrm } from './schema';

export const ACME: CustomCrm = {
  id: 'acme-crm',
  name: 'Acme CRM',
  hostPattern: 'https://crm.acme.example/*',
  selectors: { name: 'h1.record-title', stage: '.field[data-name="stage"] .value', contacts: 'table.contacts tbody tr' },
  createdAt: 1_764_000_000_000,
};
export const ESPO: CustomCrm = { id: 'espo', name: 'EspoCRM (self-hosted)', hostPattern: 'https://*.espo.example/*', createdAt: 1_764_000_100_000 };
