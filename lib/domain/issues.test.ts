import { describe, expect, it } from 'vitest';
import { formatPath, validate } from './issues';
import { RequirementValueSchema } from './requirement-value';

describe('validate', () => {
  it('returns the value when the input is valid', () => {
    const input = { fieldId: 'budget', value: 'USD 2m', source: { kind: 'manual' }, confirmedByCustomer: true, setBy: 'ana', setAt: 1 };
    expect(validate(RequirementValueSchema, input)).toEqual({ ok: true, value: input });
  });

  it('lists every problem with its path, and no value', () => {
    const result = validate(RequirementValueSchema, {
      fieldId: '',
      value: 'x',
      source: { kind: 'note', noteId: 'n1', url: 'https://a' },
      confirmedByCustomer: 'yes',
      setBy: 'ana',
      setAt: -1,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => formatPath(issue.path)).sort()).toEqual(['confirmedByCustomer', 'fieldId', 'setAt', 'source.quote']);
  });
});
