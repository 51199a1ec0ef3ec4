import { browser } from 'wxt/browser';
import { readDisplayPreferences } from '@/lib/display/preferences';
import { applyLanguagePreference } from '@/lib/i18n/preference';
import { badgeContent, badgeText, type BadgeContent } from '@/lib/launcher/badge';
import { openPanel, panelOpener, type PanelOpener } from '@/lib/launcher/open-panel';
import { fetchTabState, onBroadcast } from '@/lib/panel/client';
import { touchesDealData } from '@/lib/panel/deal-data';
import { getDatabase } from '@/lib/store/connection';

// The in-page launcher: an extension page the content script frames in the
// CRM page. It reads the deal's gaps itself, so the count never passes
// through the page, and opens the panel from its own click (a user gesture
// in an extension page, which Chrome and Firefox both accept).

async function start(button: HTMLButtonElement, count: HTMLElement): Promise<void> {
  const tabId = (await browser.tabs.getCurrent())?.id;
  if (tabId === undefined) return; // not framed in a tab: nothing to launch for
  const db = await getDatabase();
  let opener: PanelOpener = 'side-panel';
  let shown: BadgeContent = null;

  const render = async () => {
    await applyLanguagePreference(db);
    opener = panelOpener(await readDisplayPreferences(db));
    shown = await badgeContent(db, await fetchTabState(tabId));
    button.hidden = shown === null;
    if (!shown) return;
    const { text, label } = badgeText(shown.summary);
    count.textContent = text;
    button.dataset.gaps = String(shown.summary.gapCount);
    button.setAttribute('aria-label', label);
    button.title = label;
  };

  button.addEventListener('click', () => {
    openPanel(opener, tabId).catch((error: unknown) => console.error('Iron Triangle: could not open the panel', error));
  });
  onBroadcast((message) => {
    const relevant =
      (message.type === 'broadcast/tab-state' && message.tabId === tabId) || (shown !== null && touchesDealData(message, shown.recordKey)) || message.type === 'broadcast/configuration';
    if (relevant) void render();
  });
  await render();
}

const button = document.getElementById('launcher');
const count = document.getElementById('count');
if (button instanceof HTMLButtonElement && count) void start(button, count);
