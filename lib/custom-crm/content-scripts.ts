import { browser } from 'wxt/browser';
import { CUSTOM_ADAPTER_PREFIX } from './definition';
import type { CustomCrm } from './schema';

/** The built content script that reads user-defined CRMs (entrypoints/custom.content.ts). */
const CUSTOM_SCRIPT = 'content-scripts/custom.js';

/**
 * Registers the custom-CRM content script on exactly the hosts the user added
 * and granted, and on nothing else. Run at start-up, when the list changes and
 * when a permission is granted or revoked.
 */
export async function syncCustomContentScripts(crms: readonly CustomCrm[]): Promise<void> {
  const registered = await browser.scripting.getRegisteredContentScripts();
  const ours = registered.map((script) => script.id).filter((id) => id.startsWith(CUSTOM_ADAPTER_PREFIX));
  if (ours.length > 0) await browser.scripting.unregisterContentScripts({ ids: ours });

  const granted = await Promise.all(crms.map((crm) => browser.permissions.contains({ origins: [crm.hostPattern] })));
  const scripts = crms
    .filter((_, index) => granted[index])
    .map((crm) => ({ id: `${CUSTOM_ADAPTER_PREFIX}${crm.id}`, matches: [crm.hostPattern], js: [CUSTOM_SCRIPT], runAt: 'document_idle' as const }));
  if (scripts.length > 0) await browser.scripting.registerContentScripts(scripts);
}
