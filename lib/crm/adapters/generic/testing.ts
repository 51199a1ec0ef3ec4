// The generic fixtures as the generic reader's tests load them (imported by tests only).
import type { CrmAdapter, Extraction, RecordRef } from '@/lib/crm/adapter';
import type { RecordField } from '@/lib/crm/snapshot';
import { fixturesOf } from '@/lib/crm/adapters/testing/fixtures';

const { index, files, urlOf, load: loadRaw, loadHtml: loadHtmlRaw, readHtml } = fixturesOf('generic');
export { index as manifest, files as FILES, urlOf, readHtml };

/**
 * happy-dom 21 selects the option after the one marked `selected` when it
 * parses a <select>; a browser's parser selects the marked one. Restore that,
 * as the shared loader attaches declarative shadow roots for the same reason.
 */
function selectAsParsed(doc: Document): Document {
  for (const select of Array.from(doc.querySelectorAll('select'))) {
    for (const option of Array.from(select.options)) option.selected = option.hasAttribute('selected');
  }
  return doc;
}
export const load = (file: string) => selectAsParsed(loadRaw(file));
export const loadHtml = (html: string, url?: string) => selectAsParsed(loadHtmlRaw(html, url));

/** What `adapter` makes of a fixture: its record ref, root and extraction. */
export function read(adapter: CrmAdapter, file: string, doc = load(file)): { ref: RecordRef | null; root: Element | null; extraction: Extraction | null } {
  const ref = adapter.recognize(urlOf(file));
  const root = ref ? adapter.findRecordRoot(doc, ref) : null;
  return { ref, root, extraction: ref && root ? adapter.extract(root, ref) : null };
}

export const f = (label: string, value: string, apiName?: string): RecordField => (apiName ? { label, value, apiName } : { label, value });
export const ALL_PARTS = ['name', 'stage', 'amount', 'closeDate', 'owner', 'account'];
