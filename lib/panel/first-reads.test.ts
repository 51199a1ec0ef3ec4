import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { recordKey } from '@/lib/crm/snapshot';
import { publish } from '@/lib/messaging/page-client';
import type { TabState } from '@/lib/messaging/protocol';
import { getDatabase } from '@/lib/store/connection';
import { saveNote } from '@/lib/store/notes';
import { validSnapshot } from '@/test/support/snapshots';
import { dealDataRead, startFirstReads, tabStateRead, takeFirstRead } from './first-reads';

const KEY = recordKey(validSnapshot);
let asked: number[];
let state: TabState;

beforeEach(async () => {
  fakeBrowser.reset();
  asked = [];
  state = { kind: 'record', snapshot: validSnapshot };
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: { type: string; tabId?: number }) => {
    if (message.type !== 'panel/tab-state') return undefined;
    asked.push(message.tabId!);
    return { result: state };
  }) as never);
  const db = await getDatabase();
  await db.clear('notes');
  await saveNote(db, { id: 'n1', text: 'Budget approved', pageTitle: '', url: '', capturedAt: 1, recordKey: KEY });
});
afterEach(() => {
  // Whatever a test left untaken is let go, so the next one starts clean.
  takeFirstRead(tabStateRead(7));
  takeFirstRead(dealDataRead(KEY));
  vi.useRealTimers();
});

const settled = () => new Promise((resolve) => setTimeout(resolve, 30));

describe('startFirstReads', () => {
  it('reads the pinned tab’s state and then its record’s deal data, each taken once', async () => {
    startFirstReads({ tabId: 7 }, getDatabase);
    expect(await takeFirstRead<TabState>(tabStateRead(7))).toEqual(state);
    expect(takeFirstRead(tabStateRead(7))).toBeUndefined();
    await settled();
    const deal = await takeFirstRead<{ facts: { notes: { id: string }[] } }>(dealDataRead(KEY));
    expect(deal?.facts.notes.map((note) => note.id)).toEqual(['n1']);
    expect(takeFirstRead(dealDataRead(KEY))).toBeUndefined();
    expect(asked).toEqual([7]);
  });

  it('follows the active tab of its window', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdEAAV/view', active: true });
    startFirstReads({ windowId: tab.windowId! }, getDatabase);
    await settled();
    expect(asked).toEqual([tab.id]);
    expect(await takeFirstRead(tabStateRead(tab.id!))).toEqual(state);
  });

  it('starts no deal read for a page that is no record', async () => {
    state = { kind: 'none' };
    startFirstReads({ tabId: 7 }, getDatabase);
    expect(await takeFirstRead(tabStateRead(7))).toEqual(state);
    await settled();
    expect(takeFirstRead(dealDataRead(KEY))).toBeUndefined();
  });

  it('drops a read a broadcast says is out of date before it is taken', async () => {
    startFirstReads({ tabId: 7 }, getDatabase);
    await settled();
    await publish({ type: 'broadcast/notes', recordKey: KEY });
    expect(takeFirstRead(dealDataRead(KEY))).toBeUndefined();
    await publish({ type: 'broadcast/tab-state', tabId: 7 });
    expect(takeFirstRead(tabStateRead(7))).toBeUndefined();
  });

  it('starts no deal read from a tab state that changed meanwhile', async () => {
    let answer: (value: unknown) => void = () => {};
    vi.mocked(fakeBrowser.runtime.sendMessage).mockImplementation(((message: { type: string }) =>
      message.type === 'panel/tab-state' ? new Promise((resolve) => (answer = resolve)) : Promise.resolve(undefined)) as never);
    startFirstReads({ tabId: 7 }, getDatabase);
    await settled();
    await publish({ type: 'broadcast/tab-state', tabId: 7 });
    answer({ result: state });
    await settled();
    expect(takeFirstRead(dealDataRead(KEY))).toBeUndefined();
  });

  it('hands a failed read to the hook that takes it', async () => {
    vi.mocked(fakeBrowser.runtime.sendMessage).mockRejectedValue(new Error('Receiving end does not exist'));
    startFirstReads({ tabId: 7 }, getDatabase);
    await expect(takeFirstRead(tabStateRead(7))).rejects.toThrow();
  });

  it('lets go of a read nobody takes', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    startFirstReads({ tabId: 7 }, getDatabase);
    await vi.advanceTimersByTimeAsync(10_001);
    expect(takeFirstRead(tabStateRead(7))).toBeUndefined();
  });
});
