import { beforeEach, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDatabase } from '@/lib/store/connection';
import { factsForRecord } from '@/lib/store/facts';
import { moveDealOn, saveRequirementValue } from './actions';
import { writeSignature } from './signature';

// Who captured a fact: the name the user set in the options, written with every value they set.

const RECORD = 'hubspot|app.hubspot.com|deal|123';

beforeEach(async () => {
  fakeBrowser.reset();
  const db = await getDatabase();
  await Promise.all([db.clear('settings'), db.clear('requirementValues'), db.clear('stageOverrides')]);
});

it('writes the user’s name beside the values and stage moves they set, and nobody’s before one is set', async () => {
  await saveRequirementValue(RECORD, 'business-pain', 'Diesel costs 40% of OPEX', false, null, 1);
  await writeSignature(await getDatabase(), 'Wang Fang');
  await saveRequirementValue(RECORD, 'site-power', 'Grid at 60 of 450 sites', true, null, 2);
  await moveDealOn(RECORD, 'delivery', 'Closed Won', 3);
  const facts = await factsForRecord(await getDatabase(), RECORD);
  expect(facts.requirementValues.map((value) => [value.fieldId, value.setBy]).sort()).toEqual([
    ['business-pain', ''],
    ['site-power', 'Wang Fang'],
  ]);
  expect(facts.stageOverride?.setBy).toBe('Wang Fang');
});
