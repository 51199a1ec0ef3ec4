import { describe, expect, it } from 'vitest';
import { playbookJsonSchema } from './json-schema';
import { PlaybookSchema } from './schema';

describe('playbookJsonSchema', () => {
  const schema = playbookJsonSchema();

  it('is plain JSON that survives a round trip', () => {
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('describes every top-level key of a playbook', () => {
    const properties = Object.keys(schema.properties as Record<string, unknown>);
    expect(properties.sort()).toEqual(Object.keys(PlaybookSchema.shape).sort());
  });

  it('marks keys with defaults as optional, as a playbook file may leave them out', () => {
    const stage = (schema.properties as { stages: { items: { required: string[] } } }).stages.items;
    expect(stage.required).toEqual(['id', 'label']);
  });
});
