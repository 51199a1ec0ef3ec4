import { browser } from 'wxt/browser';
import { SUPPORTED_CRM_MATCHES, urlMatchesPatterns } from '@/lib/crm/hosts';
import { readDisplayPreferences } from '@/lib/display/preferences';
import type { DisplayPreferences } from '@/lib/display/schema';
import type { PageCommand } from '@/lib/messaging/protocol';
import { getDatabase } from '@/lib/store/connection';

/**
 * What a content script shows in its page. Only the supported CRMs' hosts
 * may embed the launcher and the docked panel (the manifest's
 * web_accessible_resources), so a user-defined CRM gets neither.
 */
export async function displayFor(pageUrl: URL): Promise<DisplayPreferences | undefined> {
  if (!urlMatchesPatterns(pageUrl.href, SUPPORTED_CRM_MATCHES)) return undefined;
  return readDisplayPreferences(await getDatabase());
}

/** Tells every open CRM tab the current preferences, so a change in the options shows at once. */
export async function pushDisplayPreferences(): Promise<void> {
  const display = await readDisplayPreferences(await getDatabase());
  const tabs = await browser.tabs.query({ url: [...SUPPORTED_CRM_MATCHES] });
  const command: PageCommand = { type: 'page/display', display };
  await Promise.all(
    tabs.map((tab) =>
      // A tab whose content script has not started (or was orphaned) has no listener: nothing to update.
      tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, command, { frameId: 0 }).catch(() => undefined),
    ),
  );
}
