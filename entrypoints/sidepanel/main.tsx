import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DockedStorageBlocked } from '@/components/DockedStorageBlocked';
import { Panel } from '@/components/Panel';
import { localeFor, setLocale, t } from '@/lib/i18n';
import { applyLanguagePreference } from '@/lib/i18n/preference';
import { framedByAnotherOrigin, panelTarget } from '@/lib/messaging/page-client';
import { startFirstReads } from '@/lib/panel/first-reads';
import { getDatabase } from '@/lib/store/connection';
import '@/components/panel.css';

async function start(root: HTMLElement): Promise<void> {
  // Framed by a page (the docked panel, or a CRM page's own script): follow only the tab it is in, never a
  // tab the page names with ?tabId= (found by test/e2e/chromium/security.test.mjs, docs/security.md F1).
  const target = framedByAnotherOrigin() ? ({ docked: true } as const) : panelTarget(location.search);
  // The record and its deal data are read while the database opens and React starts.
  startFirstReads(target, getDatabase);
  // The stored language decides every string, so it is read before the first render.
  const storage = await getDatabase().then(applyLanguagePreference).then(
    () => true,
    () => false,
  );
  if (!storage) {
    const locale = localeFor(navigator.language);
    setLocale(locale);
    document.documentElement.lang = locale;
  }
  document.title = t('panelTitle');
  // Docked in a CRM page, the panel is an embedded page: a browser that blocks
  // third-party storage denies it the extension's database. Say so and how to get the panel.
  const blocked = !storage && 'docked' in target;
  createRoot(root).render(<StrictMode>{blocked ? <DockedStorageBlocked /> : <Panel target={target} />}</StrictMode>);
}

const root = document.getElementById('root');
if (root) void start(root);
