// @vitest-environment happy-dom
import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { urlMatchesPatterns } from '@/lib/crm/hosts';
import { openDatabase, type Database } from '@/lib/store/db';
import { customCrmFor, readCustomCrms, writeCustomCrms } from './store';
import { ACME, ESPO } from './testing';

const NAME = 'custom-crm-store-test';
let db: Database;

beforeEach(async () => {
  db = await openDatabase(NAME);
});
afterEach(async () => {
  db.close();
  await deleteDB(NAME);
});

describe('readCustomCrms / writeCustomCrms', () => {
  it('reads nothing before anything is written, then what was written, in order', async () => {
    expect(await readCustomCrms(db)).toEqual([]);
    await writeCustomCrms(db, [ESPO, ACME]);
    expect(await readCustomCrms(db)).toEqual([ESPO, ACME]);
    await writeCustomCrms(db, [ACME]);
    expect(await readCustomCrms(db)).toEqual([ACME]);
  });

  it('refuses a whole list with an invalid entry or a repeated id, and keeps the stored one', async () => {
    await writeCustomCrms(db, [ACME]);
    await expect(writeCustomCrms(db, [ESPO, { ...ACME, hostPattern: '<all_urls>' }])).rejects.toThrow();
    await expect(writeCustomCrms(db, [ACME, { ...ESPO, id: ACME.id }])).rejects.toThrow(/same id/);
    expect(await readCustomCrms(db)).toEqual([ACME]);
  });

  it('leaves out a stored entry that no longer parses, and reads a stored non-list as none', async () => {
    await db.put('settings', [ACME, { ...ESPO, selectors: { stage: 'dd[' } }, 'garbage'], 'customCrms');
    expect(await readCustomCrms(db)).toEqual([ACME]);
    await db.put('settings', { crms: [ACME] }, 'customCrms');
    expect(await readCustomCrms(db)).toEqual([]);
  });
});

describe('customCrmFor', () => {
  it('finds the CRM whose host pattern covers the URL, and none for another host', () => {
    expect(customCrmFor([ACME, ESPO], 'https://crm.acme.example/deals/42', urlMatchesPatterns)).toBe(ACME);
    expect(customCrmFor([ACME, ESPO], 'https://eu.espo.example/#Opportunity/view/5f1a2b3c4d5e6f708', urlMatchesPatterns)).toBe(ESPO);
    expect(customCrmFor([ACME, ESPO], 'https://acme.example/', urlMatchesPatterns)).toBeUndefined();
    expect(customCrmFor([ACME, ESPO], 'http://crm.acme.example/deals/42', urlMatchesPatterns)).toBeUndefined();
  });
});
