import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { notReadYet } from '@/lib/crm/page-state';
import { requestRead } from './read-request';
import { validSnapshot } from '@/test/support/snapshots';

beforeEach(() => fakeBrowser.reset());

describe('requestRead', () => {
  it('asks the top frame of the tab to read, and is true once its content script answers', async () => {
    const asked = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true } as never);
    expect(await requestRead(7)).toBe(true);
    expect(asked).toHaveBeenCalledExactlyOnceWith(7, { type: 'page/read' }, { frameId: 0 });
  });

  it('is false when no content script is there to answer', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(await requestRead(7)).toBe(false);
  });

  it('is false when the answer does not come in time', async () => {
    vi.useFakeTimers();
    try {
      vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockReturnValue(new Promise(() => {}) as never);
      const answer = requestRead(7, 1_000);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(await answer).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('notReadYet', () => {
  it('is true only for a record page its content script has not read', () => {
    expect(notReadYet({ kind: 'unrecognised', reason: 'not-read-yet', adapter: 'salesforce' })).toBe(true);
    expect(notReadYet({ kind: 'unrecognised', reason: 'record-not-rendered', adapter: 'salesforce' })).toBe(false);
    expect(notReadYet({ kind: 'record', snapshot: validSnapshot })).toBe(false);
    expect(notReadYet({ kind: 'none' })).toBe(false);
  });
});
