import type { CrmAdapter } from '@/lib/crm/adapter';
import { attempt } from '@/lib/crm/adapters/common';
import { GENERIC_ADAPTER_ID, createGenericAdapter } from '@/lib/crm/adapters/generic';
import { cleanText } from '@/lib/crm/parse';
import { CUSTOM_ADAPTER_PREFIX, CUSTOM_HOST_PATTERN, CUSTOM_ID, MAX_CRM_NAME, customCrmLabel, type CustomCrmDefinition } from './definition';

// The content-script side of a user-defined CRM (entrypoints/custom.content.ts):
// no zod and no store here, so the content script stays small.

/**
 * The generic reader for a user-defined CRM: id `custom-{slug}`, labelled with
 * the user's name for it and "best effort", the user's selectors first.
 * Never throws: an invalid definition gives an adapter that matches no host.
 */
export function createCustomAdapter(definition: CustomCrmDefinition): CrmAdapter {
  const def = attempt(() => (typeof definition === 'object' && definition !== null ? definition : ({} as CustomCrmDefinition)), {} as CustomCrmDefinition);
  const slug = attempt(() => (typeof def.id === 'string' && CUSTOM_ID.test(def.id) ? def.id : ''), '');
  const name = attempt(() => cleanText(typeof def.name === 'string' ? def.name : '', MAX_CRM_NAME), '') || 'Custom CRM';
  const pattern = attempt(() => (typeof def.hostPattern === 'string' && CUSTOM_HOST_PATTERN.test(def.hostPattern) ? def.hostPattern : ''), '');
  return createGenericAdapter({
    id: slug ? `${CUSTOM_ADAPTER_PREFIX}${slug}` : GENERIC_ADAPTER_ID,
    label: customCrmLabel(name),
    matches: slug && pattern ? [pattern] : [],
    selectors: attempt(() => def.selectors, undefined),
  });
}
