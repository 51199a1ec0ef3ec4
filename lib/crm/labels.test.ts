import { describe, expect, it } from 'vitest';
import { builtInCrmLabel, BUILT_IN_CRM_LABELS } from './labels';
import { ADAPTERS } from './registry';

describe('the table of CRM names', () => {
  it('names every built-in adapter as the adapter names itself, and nothing else', () => {
    expect(BUILT_IN_CRM_LABELS).toEqual(Object.fromEntries(ADAPTERS.map((adapter) => [adapter.id, adapter.label])));
  });

  it('knows no other id, not even an object property', () => {
    expect(builtInCrmLabel('custom-acme')).toBeUndefined();
    expect(builtInCrmLabel('toString')).toBeUndefined();
  });
});
