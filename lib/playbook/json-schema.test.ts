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

describe('playbookJsonSchema: conditions', () => {
  it('describes every condition kind, the combinators nesting conditions through a shared definition', () => {
    const schema = playbookJsonSchema() as { $defs: Record<string, { anyOf?: { properties: { kind: { const: string } } }[]; oneOf?: { properties: { kind: { const: string } } }[] }> };
    const [condition] = Object.values(schema.$defs);
    const kinds = (condition?.oneOf ?? condition?.anyOf ?? []).map((member) => member.properties.kind.const);
    expect(kinds.sort()).toEqual(
      ['all', 'amount-over', 'any', 'decision-role-present', 'field', 'not', 'note-mentions', 'record-field', 'requirement-mentions', 'requirement-missing', 'stage-reached'].sort(),
    );
    expect(JSON.stringify(schema)).toContain('"$ref":"#/$defs/');
  });
});
