import type { RecordField, RecordSnapshot } from '../crm/snapshot';
import { normalizeName } from '../domain/normalize';

/** A record's non-empty fields by normalised label and API name, so the playbook can name either. */
export type RecordFieldIndex = ReadonlyMap<string, RecordField>;

export function indexRecordFields(record: Pick<RecordSnapshot, 'fields'>): RecordFieldIndex {
  const index = new Map<string, RecordField>();
  for (const field of record.fields) {
    if (field.value.trim() === '') continue;
    for (const name of [field.label, field.apiName]) {
      // The first field shown under a name wins, as the user reads the page top-down.
      const key = name === undefined ? '' : normalizeName(name);
      if (key !== '' && !index.has(key)) index.set(key, field);
    }
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
