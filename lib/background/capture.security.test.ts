// A context-menu selection is page data like any other (docs/security.md,
// threat T3): the XSS corpus is stored as the very text selected, and an
// oversized selection is refused with the user-facing message, never cut.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { t } from '@/lib/i18n';
import { getDatabase } from '@/lib/store/connection';
import { MAX_NOTE_CHARS } from '@/lib/store/rows';
import { XSS_CORPUS, corpusText } from '@/test/support/xss-corpus.mjs';
import { onContextMenuClicked } from './context-menu';

const TAB = 7;
/** What the page's frame reports through scripting.executeScript: selection, title, URL. */
let page: { text: string; title: string; url: string };

beforeEach(async () => {
  fakeBrowser.reset();
  await (await getDatabase()).clear('notes');
  // fakeBrowser has neither scripting nor action: stand-ins that record what the user is told.
  Object.assign(fakeBrowser, {
    scripting: { executeScript: vi.fn(async () => [{ result: page }]) },
    action: { setBadgeText: vi.fn(async () => undefined), setBadgeBackgroundColor: vi.fn(async () => undefined), setTitle: vi.fn(async () => undefined) },
  });
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
});
afterEach(() => {
  Reflect.deleteProperty(fakeBrowser, 'scripting');
  Reflect.deleteProperty(fakeBrowser, 'action');
});

const click = (selectionText: string) =>
  onContextMenuClicked({ menuItemId: 'capture-note', selectionText, pageUrl: page.url, frameId: 0, editable: false }, { id: TAB } as never);

describe('capturing hostile selections', () => {
  it.each(XSS_CORPUS.filter((entry) => entry.text.trim() !== '').map((entry, i) => [entry.id, entry.text, i] as const))(
    'stores %s as the very text selected',
    async (_id, text, i) => {
      page = { text, title: corpusText(i + 1).slice(0, 500), url: 'https://mail.example.com/thread/1' };
      const outcome = await click('');
      expect(outcome).toMatchObject({ outcome: 'saved', recordKey: null });
      const [note] = await (await getDatabase()).getAll('notes');
      expect(note?.text).toBe(text);
      expect(note?.pageTitle).toBe(page.title);
    },
  );

  it('refuses an oversized selection with the existing message and stores nothing', async () => {
    page = { text: corpusText(0).repeat(2).slice(0, MAX_NOTE_CHARS + 1), title: 'Mail', url: 'https://mail.example.com/thread/1' };
    expect(await click('')).toEqual({ outcome: 'too-long', length: MAX_NOTE_CHARS + 1 });
    expect(await (await getDatabase()).count('notes')).toBe(0);
    const action = (fakeBrowser as unknown as { action: { setTitle: ReturnType<typeof vi.fn> } }).action;
    expect(action.setTitle).toHaveBeenCalledWith({ tabId: TAB, title: t('captureTooLong') });
    expect(t('captureTooLong')).toMatch(/longer than 100,000 characters/);
  });
});
