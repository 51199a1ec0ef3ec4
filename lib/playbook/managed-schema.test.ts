import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Types Chrome accepts in a managed storage schema (a subset of JSON Schema, no unions). */
const CHROME_SCHEMA_TYPES = new Set(['string', 'integer', 'number', 'boolean', 'array', 'object']);

describe('managed storage schema', () => {
  const schema = JSON.parse(readFileSync(new URL('./managed-schema.json', import.meta.url), 'utf8')) as {
    type: string;
    properties: Record<string, { type: string; title: string; description: string }>;
  };

  it('declares the playbook, team directory, page rules and Salesforce policies the extension reads', async () => {
    expect(schema.type).toBe('object');
    const { SALESFORCE_POLICY_KEYS } = await import('@/lib/salesforce/policy');
    expect(Object.keys(schema.properties).sort()).toEqual(['pageRules', 'playbook', 'teamDirectory', ...SALESFORCE_POLICY_KEYS].sort());
    expect(schema.properties.salesforceSignInEverySession?.type).toBe('boolean');
  });

  it('uses only types Chrome understands, each policy described for admins', () => {
    for (const [name, property] of Object.entries(schema.properties)) {
      expect(CHROME_SCHEMA_TYPES.has(property.type), name).toBe(true);
      expect(property.description.length, name).toBeGreaterThan(20);
    }
  });
});
