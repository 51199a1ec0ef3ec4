import type { CustomSelectors } from '@/lib/crm/adapters/generic';

// The shape of a user-defined CRM as the content script receives it. Plain
// constants and a type, no zod: the content script and the background import
// this; schema.ts validates definitions before they are stored.

/** A CRM the user describes (validated by CustomCrmSchema in schema.ts before it is stored). */
export interface CustomCrmDefinition {
  /** Slug, /^[a-z0-9](?:[a-z0-9-]{0,31}[a-z0-9])?$/; the adapter id is `custom-{id}`. */
  id: string;
  name: string;
  /** One match pattern, https only, path `/*`: "https://crm.example.com/*", "https://*.example.com/*". */
  hostPattern: string;
  selectors?: CustomSelectors;
  createdAt: number;
}

export const MAX_CRM_NAME = 80;
export const CUSTOM_ID = /^[a-z0-9](?:[a-z0-9-]{0,31}[a-z0-9])?$/;
/** Prefix of a user-defined CRM's adapter id and of its registered content script's id. */
export const CUSTOM_ADAPTER_PREFIX = 'custom-';
/** The match patterns a custom CRM may have (the full check, with messages, is matchPatternForHost). */
export const CUSTOM_HOST_PATTERN = /^https:\/\/(?:\*\.)?[a-z0-9.-]+\/\*$/;

/** How a user-defined CRM is named wherever the extension shows it: the user's name for it, and what its reader promises. */
export function customCrmLabel(name: string): string {
  return `${name} (best-effort reader)`;
}
