import { describe, expect, it } from 'vitest';
import { recognizeGenericUrl, recordIdOf } from './url';

describe('recognizeGenericUrl', () => {
  const at = (href: string) => recognizeGenericUrl(new URL(href, 'https://crm.example.com'));

  it.each([
    ['numeric id after the object', '/deals/48213', 'deals', '48213'],
    ['trailing slash', '/deals/48213/', 'deals', '48213'],
    ['view word after the id', '/deals/48213/edit', 'deals', '48213'],
    ['view word before the id', '/crm/deal/view/DL10442', 'deal', 'DL10442'],
    ['the last id wins', '/accounts/9921/deals/17', 'deals', '17'],
    ['sub-page of a record', '/deals/48213/notes', 'deals', '48213'],
    ['UUID', '/crm/opportunity/3f2504e0-4f89-11d3-9a0c-0305e82c3301', 'opportunity', '3f2504e0-4f89-11d3-9a0c-0305e82c3301'],
    ['GUID in encoded braces', '/entities/%7B3F2504E0-4F89-11D3-9A0C-0305E82C3301%7D', 'entities', '3F2504E0-4F89-11D3-9A0C-0305E82C3301'],
    ['letters and digits', '/records/deal/a1b2c3d4e5', 'deal', 'a1b2c3d4e5'],
    ['Zoho-style path', '/crm/org60012345/tab/Potentials/4150868000000624001', 'Potentials', '4150868000000624001'],
    ['Salesforce-style path', '/lightning/r/Opportunity/0065g00000AbCdEAAV/view', 'Opportunity', '0065g00000AbCdEAAV'],
    ['hyphenated object', '/sales-deals/77', 'sales_deals', '77'],
    ['no object segment', '/48213', 'record', '48213'],
    ['object segment that is a file', '/index.php/48213', 'record', '48213'],
    ['query id', '/app/opportunities/edit?id=7731', 'opportunities', '7731'],
    ['query recordId', '/deal.php?recordId=a1b2c3d4e5', 'record', 'a1b2c3d4e5'],
    ['query record_id beats a path id', '/crm/org60012345/deals?record_id=99', 'deals', '99'],
    ['query id with a type parameter', '/main.aspx?etn=opportunity&pagetype=entityrecord&id=%7B3F2504E0-4F89-11D3-9A0C-0305E82C3301%7D', 'opportunity', '3F2504E0-4F89-11D3-9A0C-0305E82C3301'],
    ['hash route', '/app/#/deals/123', 'deals', '123'],
    ['hashbang route', '/app/#!/deals/123', 'deals', '123'],
    ['EspoCRM route', '/espo/#Opportunity/view/5f1a2b3c4d5e6f708', 'Opportunity', '5f1a2b3c4d5e6f708'],
    ['hash route beats the path', '/org/60012345/#/deals/123', 'deals', '123'],
    ['hash route with a query', '/app/#/deals?id=123', 'deals', '123'],
    ['Odoo legacy hash', '/web#id=42&model=crm.lead&view_type=form', 'crm_lead', '42'],
    ['plain anchor on a record path', '/deals/48213#notes', 'deals', '48213'],
  ])('%s: %s', (_, path, objectType, recordId) => {
    expect(at(path)).toEqual({ objectType, recordId });
  });

  it.each([
    ['home', '/'],
    ['list', '/deals'],
    ['list with paging', '/deals?stage=all&page=2'],
    ['new record form', '/deals/new'],
    ['settings', '/settings/profile'],
    ['short version segment', '/api/v2/deals'],
    ['one digit is no id', '/auth/oauth2callback'],
    ['letters only', '/deals/pipeline'],
    ['slug with hyphens', '/reports/q3-2027-forecast'],
    ['file name', '/assets/app.3f9a1b2c.js'],
    ['id param that is no id', '/deals?id=pipeline'],
    ['empty id param', '/deals?id='],
    ['path traversal in id param', '/deals?id=..%2F..%2Fetc'],
    ['plain numeric anchor', '/deals#12'],
    ['anchor only', '/help#section-3'],
    ['hash route without an id', '/app/#/deals'],
    ['over 64 characters', `/deals/${'a1'.repeat(33)}`],
    ['over 20 digits', `/deals/${'1'.repeat(21)}`],
  ])('no record: %s', (_, path) => {
    expect(at(path)).toBeNull();
  });

  it('recognises only what the snapshot schema accepts', () => {
    for (const path of ['/deals/48213', '/espo/#Opportunity/view/5f1a2b3c4d5e6f708', `/x/${'9'.repeat(20)}`, `/${'o'.repeat(100)}/1`]) {
      const ref = at(path);
      expect(ref?.recordId).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
      expect(ref?.objectType).toMatch(/^[A-Za-z0-9_]{1,80}$/);
    }
    expect(at(`/${'o'.repeat(100)}/1`)).toEqual({ objectType: 'record', recordId: '1' });
  });

  it.each([
    ['5f1a2b3c4d5e6f708', '5f1a2b3c4d5e6f708'],
    ['{3F2504E0-4F89-11D3-9A0C-0305E82C3301}', '3F2504E0-4F89-11D3-9A0C-0305E82C3301'],
    ['007', '007'],
    ['ab12cd', 'ab12cd'],
    ['ab1cde', null],
    ['12345a', '12345a'],
    ['abc12', null],
    ['pipeline', null],
    ['a-1-2-3-4', null],
    ['', null],
  ])('recordIdOf(%j) = %j', (segment, expected) => {
    expect(recordIdOf(segment)).toBe(expected);
  });
});
