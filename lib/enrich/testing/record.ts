// Reading a fixture page as a CRM's adapter does, for the fallback's tests (not shipped: only
// tests import it).
import type { CrmAdapter, Extraction } from '@/lib/crm/adapter';
import { RecordSnapshotSchema } from '@/lib/crm/snapshot';

/** What `adapter` reads of `doc` at `url`, with its record root. */
export function readRecord(adapter: CrmAdapter, url: URL, doc: Document): { root: Element; extraction: Extraction; objectType: string; recordId: string } {
  const ref = adapter.recognize(url, doc);
  const root = ref && adapter.findRecordRoot(doc, ref);
  if (!ref || !root) throw new Error(`${url.href} is no record page of ${adapter.id}`);
  return { root, extraction: adapter.extract(root, ref), ...ref };
}

/** Whether `extraction`, sent as the content script would send it, still passes the background's schema. */
export function passesSnapshotSchema(crm: string, extraction: Extraction, objectType: string, recordId: string): boolean {
  const snapshot = { ...extraction, crm, adapter: crm, host: 'example.test', url: 'https://example.test/record', objectType, recordId, readAt: 1 };
  return RecordSnapshotSchema.safeParse(snapshot).success;
}
