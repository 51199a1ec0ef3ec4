import type { RecordField, RecordSnapshot } from '@/lib/crm/snapshot';
import { normalizeName } from '@/lib/domain/normalize';

/** A record's non-empty fields by normalised label and API name, so the playbook can name either. */
export type RecordFieldIndex = ReadonlyMap<string, RecordField>;

/** The record's own parts under the names a playbook `field` condition gives them ("@stage", "@amount"…). */
const PART_LABELS = {
  '@stage': 'stage',
  '@amount': 'amount',
  '@closeDate': 'closeDate',
  '@owner': 'owner',
  '@account': 'account',
  '@name': 'name',
} as const;

export function indexRecordFields(record: Pick<RecordSnapshot, 'fields' | 'stage' | 'amount' | 'closeDate' | 'owner' | 'account' | 'name'>): RecordFieldIndex {
  const index = new Map<string, RecordField>();
  for (const field of record.fields) {
    if (field.value.trim() === '') continue;
    for (const name of [field.label, field.apiName]) {
      // The first field shown under a name wins, as the user reads the page top-down.
      const key = name === undefined ? '' : normalizeName(name);
      if (key !== '' && !index.has(key)) index.set(key, field);
    }
  }
  for (const [name, part] of Object.entries(PART_LABELS)) {
    const value = part === 'amount' ? record.amount?.text : record[part];
    if (value !== undefined && value.trim() !== '') index.set(normalizeName(name), { label: name, value });
  }
  return index;
}

/** The first of `names` the record has a value for. */
export function findRecordField(index: RecordFieldIndex, names: readonly string[]): RecordField | undefined {
  for (const name of names) {
    const field = index.get(normalizeName(name));
    if (field !== undefined) return field;
  }
  return undefined;
}
