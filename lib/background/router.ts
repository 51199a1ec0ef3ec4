import { browser, type Browser } from 'wxt/browser';
import { PageStateMessageSchema, PanelRequestSchema } from '../messaging/protocol';
import { contentScriptOnCrm, isExtensionPage } from '../messaging/sender';
import { acceptPageState } from './page-state';
import { readTabState } from './tab-states';

type Reply = (response: unknown) => void;

/**
 * The background's single message listener. Each message is accepted only
 * from the sender allowed to send it and only if its payload parses; anything
 * else is answered with an error and changes nothing.
 */
export function handleMessage(message: unknown, sender: Browser.runtime.MessageSender, reply: Reply): true | undefined {
  const extensionId = browser.runtime.id;
  const page = PageStateMessageSchema.safeParse(message);
  if (page.success) {
    const from = contentScriptOnCrm(sender, extensionId);
    if (!from) return refuse(reply, 'sender not allowed');
    respond(reply, acceptPageState(from.tabId, from.url, page.data).then((ok) => ({ ok })));
    return true;
  }

  const request = PanelRequestSchema.safeParse(message);
  if (request.success) {
    if (!isExtensionPage(sender, extensionId, browser.runtime.getURL('/'))) return refuse(reply, 'sender not allowed');
    switch (request.data.type) {
      case 'panel/tab-state':
        respond(reply, readTabState(request.data.tabId));
        return true;
    }
  }
  // Broadcasts of our own and foreign chatter: not for us.
  return undefined;
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
