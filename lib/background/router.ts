import { browser, type Browser } from 'wxt/browser';
import { urlMatchesPatterns } from '@/lib/crm/hosts';
import { syncCustomContentScripts } from '@/lib/custom-crm/content-scripts';
import { readCustomCrms, customCrmFor } from '@/lib/custom-crm/store';
import { BroadcastSchema, CustomCrmRequestSchema, FramedRequestSchema, InPageUiRequestSchema, PageStateMessageSchema, PanelRequestSchema, SalesforceRequestSchema, type FramedRequest, type PageCommand, type TabState } from '@/lib/messaging/protocol';
import { contentScriptOnCrm, isExtensionPage, isOptionsPage } from '@/lib/messaging/sender';
import { getDatabase } from '@/lib/store/connection';
import { allCrmMatches } from './crm-patterns';
import { badgeFor } from './badge';
import { displayFor, pushDisplayPreferences } from './display';
import { enrichReportedPage, refreshEveryEnrichment } from './enrichment';
import { injectInPageUi } from './in-page-ui';
import { acceptPageState } from './page-state';
import { mayPointIn, pointAtIt } from './point-at-it';
import { notReadYet } from '@/lib/crm/page-state';
import { requestRead } from './read-request';
import { readTabState } from './tab-states';
import { answerSalesforce } from './salesforce-requests';

type Reply = (response: unknown) => void;

const NOT_ALLOWED = 'sender not allowed';

/**
 * The background's single message listener. Each message is accepted only
 * from the sender allowed to send it and only if its payload parses; anything
 * else is answered with an error and changes nothing.
 */
export function handleMessage(message: unknown, sender: Browser.runtime.MessageSender, reply: Reply): true | undefined {
  const extensionId = browser.runtime.id;
  const page = PageStateMessageSchema.safeParse(message);
  if (page.success) {
    respond(
      reply,
      allCrmMatches().then(async (matches) => {
        const from = contentScriptOnCrm(sender, extensionId, matches);
        if (!from) throw new Error(NOT_ALLOWED);
        const ok = await acceptPageState(from.tabId, from.url, page.data);
        // Not awaited: the page's answer does not wait for the enricher to be injected.
        if (ok) void enrichReportedPage({ tabId: from.tabId, frameId: 0, documentId: sender.documentId }, page.data.state);
        return { ok, display: ok ? await displayFor(from.url) : undefined };
      }),
    );
    return true;
  }

  if (InPageUiRequestSchema.safeParse(message).success) {
    respond(
      reply,
      allCrmMatches().then((matches) => {
        const from = contentScriptOnCrm(sender, extensionId, matches);
        if (!from) throw new Error(NOT_ALLOWED);
        return injectInPageUi(from.tabId, sender.documentId);
      }),
    );
    return true;
  }

  if (CustomCrmRequestSchema.safeParse(message).success) {
    respond(
      reply,
      getDatabase()
        .then(readCustomCrms)
        .then((crms) => {
          const from = contentScriptOnCrm(sender, extensionId, crms.map((crm) => crm.hostPattern));
          if (!from) throw new Error(NOT_ALLOWED);
          return customCrmFor(crms, from.url.href, urlMatchesPatterns) ?? null;
        }),
    );
    return true;
  }

  const request = PanelRequestSchema.safeParse(message);
  if (request.success) {
    if (!isExtensionPage(sender, extensionId, browser.runtime.getURL('/'))) return refuse(reply, NOT_ALLOWED);
    switch (request.data.type) {
      case 'panel/tab-state':
        respond(reply, tabStateShown(request.data.tabId));
        return true;
      case 'panel/point-at-it':
        if (!mayPointIn(sender, request.data.tabId)) return refuse(reply, NOT_ALLOWED);
        respond(reply, pointAtIt(request.data.tabId, request.data.part));
        return true;
    }
  }
  const salesforce = SalesforceRequestSchema.safeParse(message);
  if (salesforce.success) {
    // Signing in or out is the options page's alone: a page framed in a CRM tab (the docked panel) may only ask and send.
    const accountChange = salesforce.data.type === 'salesforce/connect' || salesforce.data.type === 'salesforce/disconnect';
    const allowed = accountChange
      ? isOptionsPage(sender, extensionId, browser.runtime.getURL('/options.html'))
      : isExtensionPage(sender, extensionId, browser.runtime.getURL('/'));
    if (!allowed) return refuse(reply, NOT_ALLOWED);
    respond(reply, answerSalesforce(salesforce.data));
    return true;
  }

  const framed = FramedRequestSchema.safeParse(message);
  if (framed.success) {
    const tabId = sender.tab?.id;
    if (!isExtensionPage(sender, extensionId, browser.runtime.getURL('/')) || typeof tabId !== 'number') return refuse(reply, NOT_ALLOWED);
    respond(reply, answerFramed(framed.data, tabId));
    return true;
  }

  // The options changed the list of custom CRMs or other settings: register their content script anew and update the pages.
  const broadcast = BroadcastSchema.safeParse(message);
  if (broadcast.success && broadcast.data.type === 'broadcast/configuration' && isExtensionPage(sender, extensionId, browser.runtime.getURL('/'))) {
    void registerCustomCrms();
    void pushDisplayPreferences();
    void refreshEveryEnrichment();
  }
  // Other broadcasts and foreign chatter: not for us.
  return undefined;
}

/** A tab's state for a page that shows it: a record page not read yet is asked to read now, and tells when it has. */
async function tabStateShown(tabId: number): Promise<TabState> {
  const state = await readTabState(tabId);
  if (notReadYet(state)) void requestRead(tabId);
  return state;
}

async function answerFramed(request: FramedRequest, tabId: number): Promise<unknown> {
  switch (request.type) {
    case 'framed/badge':
      return badgeFor(await getDatabase(), tabId, await readTabState(tabId), globalThis.navigator?.language);
    case 'framed/own-tab':
      return { tabId };
    case 'framed/dock':
      await browser.tabs.sendMessage(tabId, { type: 'page/docked', action: request.action } satisfies PageCommand, { frameId: 0 });
      return { ok: true };
  }
}

function refuse(reply: Reply, error: string): undefined {
  reply({ error });
  return undefined;
}

function respond(reply: Reply, work: Promise<unknown>): void {
  work.then(
    (result) => reply({ result }),
    (error: unknown) => reply({ error: error instanceof Error ? error.message : String(error) }),
  );
}

/** Registers the custom-CRM content script for the CRMs the user added and granted. */
export async function registerCustomCrms(): Promise<void> {
  await syncCustomContentScripts(await readCustomCrms(await getDatabase()));
}
