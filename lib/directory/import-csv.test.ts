import { describe, expect, it } from 'vitest';
import { importDirectoryCsv } from './import-csv';

const HEADER = 'id,name,email,roles,skills,industries,regions,languages,capacity,open deals';

describe('importDirectoryCsv', () => {
  it('reads people with list cells, quoted cells and a byte-order mark', () => {
    const result = importDirectoryCsv(
      `\uFEFF${HEADER}\n` +
        'p1,Amina Yusuf,amina@acme.com,power-specialist;sr,"solar power; hybrid power",Telecommunications,"East Africa, Horn",English|Arabic,5,3\n' +
        'p2,"Chen, Bo",,fr,,,,,4,\n',
    );
    expect(result).toEqual({
      ok: true,
      errors: [],
      validRows: [2, 3],
      people: [
        {
          id: 'p1',
          name: 'Amina Yusuf',
          email: 'amina@acme.com',
          roles: ['power-specialist', 'sr'],
          skills: ['solar power', 'hybrid power'],
          industries: ['Telecommunications'],
          regions: ['East Africa, Horn'],
          languages: ['English', 'Arabic'],
          capacity: 5,
          openDeals: 3,
        },
        { id: 'p2', name: 'Chen, Bo', roles: ['fr'], skills: [], industries: [], regions: [], languages: [], capacity: 4, openDeals: 0 },
      ],
    });
  });

  it('understands Chinese headers and list separators', () => {
    const result = importDirectoryCsv('工号,姓名,角色,技能,容量,在手项目\nq1,小李,quality-engineer,来料检验、ISO 9001,3,1\n');
    expect(result.people).toEqual([
      expect.objectContaining({ id: 'q1', name: '小李', roles: ['quality-engineer'], skills: ['来料检验', 'ISO 9001'], capacity: 3, openDeals: 1 }),
    ]);
  });

  it('reports each bad row with its spreadsheet row number and field, and keeps the good rows apart', () => {
    const result = importDirectoryCsv(
      'id,name,roles,capacity\n' + // row 1
        'p1,Sara,sr,3\n' + // row 2: fine
        'p2,,sr,many\n' + // row 3: no name, capacity not a number
        'p3,Bo,,2\n' + // row 4: no role
        'p1,Sara again,fr,2\n' + // row 5: duplicate id
        'p4,Ana,ar,2,surplus\n', // row 6: too many cells
    );
    expect(result.ok).toBe(false);
    expect(result.validRows).toEqual([2]);
    expect(result.people.map((person) => person.id)).toEqual(['p1']);
    expect(result.errors.map((error) => [error.row, error.path])).toEqual([
      [3, ['name']],
      [3, ['capacity']],
      [4, ['roles']],
      [5, ['id']],
      [6, []],
    ]);
    expect(result.errors.find((error) => error.row === 5)?.message).toBe('Duplicate id "p1" (first used in row 2).');
  });

  it('rejects a file without the required columns, once per column, without reading rows', () => {
    const result = importDirectoryCsv('name,skills\nSara,solar\n');
    expect(result).toEqual({
      ok: false,
      people: [],
      validRows: [],
      errors: [
        { row: 1, path: ['id'], message: 'Missing column "id".' },
        { row: 1, path: ['roles'], message: 'Missing column "roles".' },
        { row: 1, path: ['capacity'], message: 'Missing column "capacity".' },
      ],
    });
    expect(importDirectoryCsv('').ok).toBe(false);
  });
});
