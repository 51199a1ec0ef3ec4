import { SUPPORTED_CRM_MATCHES, urlMatchesPatterns } from '@/lib/crm/hosts';

/** The part of `runtime.MessageSender` the checks read (same shape in Chrome and Firefox). */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/** A page of this extension (panel, options), whether in the side panel or opened in a tab. */
export function isExtensionPage(sender: SenderInfo, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

/** The options page in a tab's top frame: the only sender that may connect or disconnect an account. */
export function isOptionsPage(sender: SenderInfo, extensionId: string, optionsUrl: string): boolean {
  if (sender.id !== extensionId || typeof sender.url !== 'string' || (sender.frameId ?? 0) !== 0) return false;
  // Compared as text: `URL.origin` is "null" for extension schemes outside the browser.
  return sender.url.split(/[?#]/, 1)[0] === optionsUrl;
}

/**
 * Our content script, in the top frame of a tab on a supported CRM host.
 * Returns the tab id and page URL the message may speak for, or null.
 */
export function contentScriptOnCrm(
  sender: SenderInfo,
  extensionId: string,
  crmMatches: readonly string[] = SUPPORTED_CRM_MATCHES,
): { tabId: number; url: URL } | null {
  if (sender.id !== extensionId) return null;
  const tabId = sender.tab?.id;
  // Integer check, not just typeof: found by the fuzzed router test, a tab id of 1.5 or NaN passed.
  if (!Number.isInteger(tabId) || (tabId as number) < 0 || sender.frameId !== 0) return null;
  if (typeof sender.url !== 'string' || !urlMatchesPatterns(sender.url, crmMatches)) return null;
  return { tabId: tabId as number, url: new URL(sender.url) };
}
