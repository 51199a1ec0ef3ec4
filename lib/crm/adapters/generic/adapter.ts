import type { CrmAdapter } from '@/lib/crm/adapter';
import { cleanText } from '@/lib/crm/parse';
import { attempt, emptyExtraction } from '@/lib/crm/adapters/common';
import { extractGenericRecord } from './extract';
import { findGenericRecordRoot } from './record-root';
import { validSelectors, type CustomSelectors } from './selectors';
import { recognizeGenericUrl } from './url';

export const GENERIC_ADAPTER_ID = 'generic';
export const GENERIC_ADAPTER_LABEL = 'Best-effort reader';

export interface GenericAdapterDefinition {
  /** Adapter id, /^[a-z0-9-]{1,40}$/; default 'generic'. */
  id?: string;
  /** Shown in the panel; default 'Best-effort reader'. Say "best effort" in it. */
  label?: string;
  /** Host match patterns of the pages the user enabled. */
  matches?: readonly string[];
  selectors?: CustomSelectors;
}

/** The best-effort reader as an adapter. Never throws, whatever the definition holds. */
export function createGenericAdapter(definition: GenericAdapterDefinition = {}): CrmAdapter {
  const def = attempt(() => (typeof definition === 'object' && definition !== null ? definition : {}), {} as GenericAdapterDefinition);
  const id = attempt(() => (typeof def.id === 'string' && /^[a-z0-9-]{1,40}$/.test(def.id) ? def.id : GENERIC_ADAPTER_ID), GENERIC_ADAPTER_ID);
  const label = attempt(() => cleanText(typeof def.label === 'string' ? def.label : '', 120), '') || GENERIC_ADAPTER_LABEL;
  const matches = attempt(() => (Array.isArray(def.matches) ? def.matches.filter((m): m is string => typeof m === 'string') : []), []);
  const selectors = attempt(() => validSelectors(def.selectors), {});
  return {
    id,
    label,
    matches: Object.freeze([...matches]),
    objectTypes: 'any',
    recognize: recognizeGenericUrl,
    findRecordRoot: (doc) => findGenericRecordRoot(doc),
    extract: (root) => attempt(() => extractGenericRecord(root, selectors), emptyExtraction()),
  };
}
