import { describe, expect, it } from 'vitest';
import { MAX_DIRECTORY_ROWS } from './import-result';
import { importDirectoryJson } from './import-json';

const sara = { id: 'p1', name: 'Sara', roles: ['sr'], capacity: 3 };

describe('importDirectoryJson', () => {
  it('reads an array or a {people} object, parsed or as text', () => {
    for (const input of [[sara], { people: [sara] }, JSON.stringify([sara]), JSON.stringify({ people: [sara] })]) {
      const result = importDirectoryJson(input);
      expect(result.ok).toBe(true);
      expect(result.people.map((person) => person.id)).toEqual(['p1']);
    }
  });

  it('reports bad entries by their 1-based position and the path inside the entry', () => {
    const result = importDirectoryJson([sara, { id: 'p2', name: 'Bo', roles: ['fr', ''], capacity: -1 }, { ...sara, id: 'p3' }]);
    expect(result.ok).toBe(false);
    expect(result.validRows).toEqual([1, 3]);
    expect(result.errors.map((error) => [error.row, error.path])).toEqual([
      [2, ['roles', 1]],
      [2, ['capacity']],
    ]);
  });

  it('reports a file that is not JSON, or not a list of people, as a whole', () => {
    expect(importDirectoryJson('[{"id": ')).toMatchObject({ ok: false, people: [], errors: [{ row: null, path: [] }] });
    expect(importDirectoryJson({ staff: [sara] })).toMatchObject({
      ok: false,
      errors: [{ row: null, message: 'Expected an array of people or an object with a "people" array.' }],
    });
  });

  it('refuses a directory larger than any sales organisation', () => {
    const result = importDirectoryJson(Array.from({ length: MAX_DIRECTORY_ROWS + 1 }, (_, index) => ({ ...sara, id: `p${index}` })));
    expect(result).toMatchObject({ ok: false, people: [], errors: [{ row: null }] });
  });
});
