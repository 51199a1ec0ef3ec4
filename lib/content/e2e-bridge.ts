import { nativeBrowser } from './native-browser';

/** DOM events the Firefox end-to-end tests dispatch on the CRM page, and the reply the bridge dispatches back. */
export const E2E_REQUEST_EVENT = 'iron-triangle-e2e-request';
export const E2E_REPLY_EVENT = 'iron-triangle-e2e-reply';

let listening = false;

/**
 * End-to-end builds only (`--mode e2e`; the production build drops this code):
 * WebDriver BiDi cannot open moz-extension:// pages or click a native menu, so
 * the Firefox tests dispatch `{ id, message }` (JSON) on the page and this
 * content script relays `message` to the background's e2e routes
 * (lib/background/e2e-routes.ts), answering with `{ id, response }`. The
 * background decides what the message may do; this only carries it.
 */
export function relayEndToEndRequests(): void {
  if (listening) return;
  listening = true;
  document.addEventListener(E2E_REQUEST_EVENT, (event) => {
    const detail = (event as CustomEvent<unknown>).detail;
    if (typeof detail !== 'string') return;
    const { id, message } = JSON.parse(detail) as { id: string; message: unknown };
    void nativeBrowser().runtime.sendMessage(message).then(
      (response: unknown) => document.dispatchEvent(new CustomEvent(E2E_REPLY_EVENT, { detail: JSON.stringify({ id, response }) })),
      (error: unknown) => document.dispatchEvent(new CustomEvent(E2E_REPLY_EVENT, { detail: JSON.stringify({ id, response: { error: String(error) } }) })),
    );
  });
}
