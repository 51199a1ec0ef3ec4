import { describe, expect, it } from 'vitest';
import { httpDate, parseApiDateTime, soqlDateTime } from './datetime.ts';

describe('Salesforce date formats', () => {
  it('reads API datetimes with +0000, and turns them into RFC 7231 HTTP-dates', () => {
    const ms = parseApiDateTime('2026-12-04T10:00:00.000+0000');
    expect(ms).toBe(Date.UTC(2026, 11, 4, 10));
    expect(parseApiDateTime('2026-12-04T11:00:00.000+0100')).toBe(ms);
    expect(httpDate(ms)).toBe('Fri, 04 Dec 2026 10:00:00 GMT');
    expect(() => parseApiDateTime('04/12/2026')).toThrow(RangeError);
  });

  it('writes unquoted SOQL datetimes in UTC, to the second', () => {
    expect(soqlDateTime(Date.UTC(2026, 11, 4, 10, 0, 0, 999))).toBe('2026-12-04T10:00:00Z');
  });
});
