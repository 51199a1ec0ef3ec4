import { describe, expect, it } from 'vitest';
import { dayAfter, lastDayOf, monthAhead, monthPart, spanPart, weekRange, yearEnding } from './calendar';

const may10 = new Date(2026, 4, 10, 12).getTime(); // a Sunday

describe('calendar', () => {
  it('resolves a month without a year to the next one on or after the note month', () => {
    expect(yearEnding(5, may10)).toBe(2026);
    expect(yearEnding(12, may10)).toBe(2026);
    expect(yearEnding(4, may10)).toBe(2027);
  });

  it('knows month lengths and parts', () => {
    expect(lastDayOf(2028, 2)).toBe(29);
    expect(lastDayOf(2027, 2)).toBe(28);
    expect(monthPart(2027, 2, 'end')).toEqual({ from: '2027-02-28', to: '2027-02-28' });
    expect(monthPart(2026, 7, 'mid')).toEqual({ from: '2026-07-11', to: '2026-07-20' });
    expect(monthPart(2026, 7, 'late')).toEqual({ from: '2026-07-21', to: '2026-07-31' });
    expect(monthPart(2026, 7, undefined)).toEqual({ from: '2026-07-01', to: '2026-07-31' });
    expect(spanPart(2026, 7, 9, 'end')).toEqual({ from: '2026-09-30', to: '2026-09-30' });
  });

  it('steps days, weeks and months from the note', () => {
    expect(dayAfter(may10, 1)).toEqual({ from: '2026-05-11', to: '2026-05-11' });
    expect(weekRange(may10, 1)).toEqual({ from: '2026-05-11', to: '2026-05-17' });
    expect(weekRange(may10, 0)).toEqual({ from: '2026-05-04', to: '2026-05-10' });
    expect(monthAhead(new Date(2026, 11, 5).getTime(), 1)).toEqual({ from: '2027-01-01', to: '2027-01-31' });
  });
});
