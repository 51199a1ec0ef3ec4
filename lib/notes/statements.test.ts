import { describe, expect, it } from 'vitest';
import { splitStatements } from './statements';

const texts = (note: string) => splitStatements(note).map((statement) => statement.text);

describe('splitStatements', () => {
  it('cuts English sentences at . ! ? and ; but not inside figures, initials or abbreviations', () => {
    expect(texts('Budget approx. USD 1.2M for phase 1. Bids due 15 Mar! Who decides? CTO; CFO signs.')).toEqual([
      'Budget approx. USD 1.2M for phase 1.',
      'Bids due 15 Mar!',
      'Who decides?',
      'CTO;',
      'CFO signs.',
    ]);
    expect(texts('Shipped to the U.S. office via example.com e.g. by DHL. Next step demo.')).toEqual([
      'Shipped to the U.S. office via example.com e.g. by DHL.',
      'Next step demo.',
    ]);
  });

  it('cuts Chinese sentences at 。！？； and keeps commas inside', () => {
    expect(texts('客户预算约800万元，年内开标。付款方式：预付款30%；其余货到付款！')).toEqual([
      '客户预算约800万元，年内开标。',
      '付款方式：预付款30%；',
      '其余货到付款！',
    ]);
  });

  it('reads each line and list item as its own statement, without its marker', () => {
    expect(texts('Mtg w/ CTO:\n- grid 6h/day\n* 2 gensets per site\n1. IP55, 50°C\n① 电费高\n\n')).toEqual([
      'Mtg w/ CTO:',
      'grid 6h/day',
      '2 gensets per site',
      'IP55, 50°C',
      '电费高',
    ]);
  });

  it('gives each statement its place in the note', () => {
    const note = '  First one.  Second one. ';
    for (const statement of splitStatements(note)) expect(note.slice(statement.start, statement.end)).toBe(statement.text);
    expect(splitStatements(note).map((statement) => statement.start)).toEqual([2, 14]);
  });

  it('leaves out statements with no letter or digit', () => {
    expect(texts('... ; —\n!!')).toEqual([]);
  });
});
