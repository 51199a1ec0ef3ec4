// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { DYNAMICS_MATCHES, urlMatchesPatterns } from '../hosts';
import { dynamicsAdapter, normaliseGuid, recognizeDynamicsUrl } from './dynamics';

const APP = 'a7c3e5f1-2b4d-4e6f-8a9b-0c1d2e3f4a5b';
const NORTHWIND_ID = '6f0c9b3a-1d2e-4f5a-9b8c-7d6e5f4a3b2c';
const NORTHWIND_REF = { objectType: 'opportunity', recordId: NORTHWIND_ID };

// --- GUIDs and URLs -----------------------------------------------------------------------

describe('normaliseGuid', () => {
  it.each([
    ['6f0c9b3a-1d2e-4f5a-9b8c-7d6e5f4a3b2c', '6f0c9b3a-1d2e-4f5a-9b8c-7d6e5f4a3b2c'],
    ['6F0C9B3A-1D2E-4F5A-9B8C-7D6E5F4A3B2C', '6f0c9b3a-1d2e-4f5a-9b8c-7d6e5f4a3b2c'],
    ['{6f0c9b3a-1d2e-4f5a-9b8c-7d6e5f4a3b2c}', '6f0c9b3a-1d2e-4f5a-9b8c-7d6e5f4a3b2c'],
    ['{6F0C9B3A-1D2E-4F5A-9B8C-7D6E5F4A3B2C}', '6f0c9b3a-1d2e-4f5a-9b8c-7d6e5f4a3b2c'],
  ])('%s -> %s', (raw, guid) => {
    expect(normaliseGuid(raw)).toBe(guid);
  });

  it.each([
    ['empty', ''],
    ['opening brace only', '{6f0c9b3a-1d2e-4f5a-9b8c-7d6e5f4a3b2c'],
    ['closing brace only', '6f0c9b3a-1d2e-4f5a-9b8c-7d6e5f4a3b2c}'],
    ['no hyphens', '6f0c9b3a1d2e4f5a9b8c7d6e5f4a3b2c'],
    ['too short', '6f0c9b3a-1d2e-4f5a-9b8c-7d6e5f4a3b2'],
    ['not hexadecimal', '6f0c9b3a-1d2e-4f5a-9b8c-7d6e5f4a3b2g'],
    ['still encoded', '%7B6f0c9b3a-1d2e-4f5a-9b8c-7d6e5f4a3b2c%7D'],
    ['two GUIDs', '6f0c9b3a-1d2e-4f5a-9b8c-7d6e5f4a3b2c,6f0c9b3a-1d2e-4f5a-9b8c-7d6e5f4a3b2c'],
  ])('rejects %s', (_, raw) => {
    expect(normaliseGuid(raw)).toBeNull();
  });
});

describe('recognize', () => {
  const base = 'https://contoso.crm4.dynamics.com';
  const at = (href: string) => recognizeDynamicsUrl(new URL(href));
  const record = (query: string) => at(`${base}/main.aspx?${query}`);

  it('reads opportunity record URLs with the id in any of its spellings as one record', () => {
    for (const id of [
      NORTHWIND_ID,
      NORTHWIND_ID.toUpperCase(),
      `{${NORTHWIND_ID}}`,
      `%7B${NORTHWIND_ID}%7D`,
      `%7b${NORTHWIND_ID}%7d`,
      `%7B${NORTHWIND_ID.toUpperCase()}%7D`,
    ]) {
      expect(record(`appid=${APP}&pagetype=entityrecord&etn=opportunity&id=${id}`)).toEqual(NORTHWIND_REF);
    }
  });

  it('ignores parameter order, extra parameters, the fragment and the app', () => {
    expect(record(`etn=opportunity&id=${NORTHWIND_ID}&pagetype=entityrecord`)).toEqual(NORTHWIND_REF);
    expect(record(`appid=${APP}&forceUCI=1&pagetype=entityrecord&etn=opportunity&id=${NORTHWIND_ID}&formid=1b9e4c2a-0000-4000-8000-000000000001#tab`)).toEqual(
      NORTHWIND_REF,
    );
    expect(record(`pagetype=EntityRecord&etn=Opportunity&id=${NORTHWIND_ID}`)).toEqual(NORTHWIND_REF);
    expect(at(`${base}/contoso/main.aspx?pagetype=entityrecord&etn=opportunity&id=${NORTHWIND_ID}`)).toEqual(NORTHWIND_REF); // on-premises org path
  });

  it('recognises other entities so the caller can report them as unsupported', () => {
    const account = record(`appid=${APP}&pagetype=entityrecord&etn=account&id=7c6b5a49-3827-4160-9f8e-7d6c5b4a3928`);
    expect(account).toEqual({ objectType: 'account', recordId: '7c6b5a49-3827-4160-9f8e-7d6c5b4a3928' });
    expect(dynamicsAdapter.objectTypes).not.toContain(account?.objectType);
    expect(record(`pagetype=entityrecord&etn=new_project&id=${NORTHWIND_ID}`)).toEqual({ objectType: 'new_project', recordId: NORTHWIND_ID });
  });

  it('does not look at the host (the match patterns decide where the adapter runs)', () => {
    expect(at(`https://fabrikam.crm.dynamics.cn/main.aspx?pagetype=entityrecord&etn=opportunity&id=${NORTHWIND_ID}`)).toEqual(NORTHWIND_REF);
    expect(at(`https://example.com/main.aspx?pagetype=entityrecord&etn=opportunity&id=${NORTHWIND_ID}`)).toEqual(NORTHWIND_REF);
    expect(dynamicsAdapter.matches).toBe(DYNAMICS_MATCHES);
    expect(urlMatchesPatterns(`${base}/main.aspx?pagetype=entityrecord&etn=opportunity&id=${NORTHWIND_ID}`, dynamicsAdapter.matches)).toBe(true);
  });

  it.each([
    ['entity list', `appid=${APP}&pagetype=entitylist&etn=opportunity&viewid=00000000-0000-0000-00aa-000010003001&viewType=1039`],
    ['dashboard', `appid=${APP}&pagetype=dashboard&id=4ad9b6a7-9c4e-4c40-8d5e-0e4d2d8b0e41&type=system`],
    ['web resource', `appid=${APP}&pagetype=webresource&webresourceName=msdyn_/page.html`],
    ['new record form (no id)', `appid=${APP}&pagetype=entityrecord&etn=opportunity`],
    ['empty id', `appid=${APP}&pagetype=entityrecord&etn=opportunity&id=`],
    ['malformed id', `appid=${APP}&pagetype=entityrecord&etn=opportunity&id=6f0c9b3a-1d2e`],
    ['unbalanced braces', `appid=${APP}&pagetype=entityrecord&etn=opportunity&id=%7B${NORTHWIND_ID}`],
    ['no entity', `appid=${APP}&pagetype=entityrecord&id=${NORTHWIND_ID}`],
    ['entity name with punctuation', `appid=${APP}&pagetype=entityrecord&etn=opportunity%27%3E&id=${NORTHWIND_ID}`],
    ['no page type', `appid=${APP}&etn=opportunity&id=${NORTHWIND_ID}`],
    ['no query', ''],
  ])('returns null for %s', (_, query) => {
    expect(record(query)).toBeNull();
  });

  it('returns null off main.aspx', () => {
    expect(at(`${base}/apps`)).toBeNull();
    expect(at(`${base}/api/data/v9.2/opportunities(${NORTHWIND_ID})`)).toBeNull();
    expect(at(`${base}/main.aspx/x?pagetype=entityrecord&etn=opportunity&id=${NORTHWIND_ID}`)).toBeNull();
    expect(at(`${base}/?pagetype=entityrecord&etn=opportunity&id=${NORTHWIND_ID}`)).toBeNull();
  });
});
