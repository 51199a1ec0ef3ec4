// Best-effort reader for any page the user enables, and for the CRMs users
// define themselves (lib/custom-crm/ wraps it for those; its content script
// runs this folder, so nothing here imports zod).
//
// url.ts          URL -> record ref
// record-root.ts  the element the record is read from
// infer-fields.ts label/value pairs, the way browsers label form controls
// parts.ts        well-known parts (name, stage…) picked by their labels
// selectors.ts    the CSS selectors a user gives, validated
// contacts.ts     contacts in the elements a `contacts` selector matches
// extract.ts      one record: user selectors first, inference for the rest
// adapter.ts      the reader as a CrmAdapter

export { recognizeGenericUrl, recordIdOf } from './url';
export { findGenericRecordRoot } from './record-root';
export { inferFields } from './infer-fields';
export { PART_LABELS, partForLabel } from './parts';
export { MAX_SELECTOR, SELECTOR_KEYS, isValidSelector, type CustomSelectors } from './selectors';
export { extractGenericRecord } from './extract';
export { GENERIC_ADAPTER_ID, GENERIC_ADAPTER_LABEL, createGenericAdapter, type GenericAdapterDefinition } from './adapter';
