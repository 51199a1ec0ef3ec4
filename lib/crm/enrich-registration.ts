import type { Extraction } from '@/lib/crm/adapter';

// The meeting point of the content script and the enricher the background
// injects on demand (entrypoints/enricher.ts): both run in the extension's
// isolated world of the CRM page, whose global object the page cannot see.
// This file is in the content script: types and one small function only.

/** The global the enricher registers itself under. The background's rule hand-over names it too (lib/background/enrichment.ts). */
export const ENRICHER_GLOBAL = '__ironTriangleEnricher';

/** The record page being read, for the page rules that apply to it. */
export interface RecordPage {
  crm: string;
  host: string;
  objectType: string;
}

/** What the enricher offers the content script's read. */
export interface Enricher {
  /** `extraction` completed by page rules and the label reader; never throws (the caller guards anyway). */
  enrich(page: RecordPage, root: Element, extraction: Extraction): Extraction;
}

/** `extraction` completed by the enricher when one is registered; as is when none is, or when it fails. */
export function withEnrichment(page: RecordPage, root: Element, extraction: Extraction): Extraction {
  const enricher = (globalThis as { [ENRICHER_GLOBAL]?: Partial<Enricher> })[ENRICHER_GLOBAL];
  if (typeof enricher?.enrich !== 'function') return extraction;
  try {
    return enricher.enrich(page, root, extraction) ?? extraction;
  } catch {
    return extraction;
  }
}
