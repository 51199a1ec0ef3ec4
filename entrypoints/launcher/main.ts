import { setLocale } from '@/lib/i18n';
import { badgeText } from '@/lib/launcher/badge-text';
import { openPanel, panelOpener } from '@/lib/launcher/open-panel';
import type { Badge } from '@/lib/messaging/protocol';
import { fetchBadge, onBroadcast } from '@/lib/messaging/page-client';
import { touchesDealData } from '@/lib/deal/deal-data-changes';

// The in-page launcher: an extension page the content script frames in the
// CRM page, so the gap count never passes through the page. The background
// reads the count for it; a click opens the panel from this page (a user
// gesture in an extension page, which Chrome and Firefox both accept).

async function start(button: HTMLButtonElement, count: HTMLElement): Promise<void> {
  let shown: Badge | null = null;

  const render = async () => {
    shown = await fetchBadge();
    setLocale(shown.locale);
    document.documentElement.lang = shown.locale;
    button.hidden = shown.gapCount === null;
    if (shown.gapCount === null) return;
    const { text, label } = badgeText(shown.gapCount);
    count.textContent = text;
    button.dataset.gaps = String(shown.gapCount);
    button.dataset.opens = panelOpener(shown.display);
    button.setAttribute('aria-label', label);
    button.title = label;
  };
  const report = (error: unknown) => console.error('Iron Triangle launcher:', error);

  button.addEventListener('click', () => {
    if (shown) openPanel(panelOpener(shown.display), shown.tabId).catch(report);
  });
  onBroadcast((message) => {
    const relevant =
      message.type === 'broadcast/configuration' ||
      (message.type === 'broadcast/tab-state' && message.tabId === shown?.tabId) ||
      (shown?.recordKey != null && touchesDealData(message, shown.recordKey));
    if (relevant) render().catch(report);
  });
  await render();
}

const button = document.getElementById('launcher');
const count = document.getElementById('count');
if (button instanceof HTMLButtonElement && count) start(button, count).catch((error: unknown) => console.error('Iron Triangle launcher:', error));
