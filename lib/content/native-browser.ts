/**
 * The extension APIs the content scripts use, taken from the browser itself.
 *
 * The rest of the extension reads `wxt/browser`, which the module
 * `@wxt-dev/webextension-polyfill` points at webextension-polyfill: ~9.5 kB
 * minified (a third of a content script) that every CRM page would load for
 * nothing, since both browsers already give content scripts promises:
 * Firefox's `browser`, and Chrome MV3's `chrome.runtime.sendMessage`. What the
 * polyfill adds and we must not rely on here: an `onMessage` listener that
 * returns a promise is not portable (Chrome ignores the promise), so listeners
 * answer through `sendResponse` and `return true`.
 *
 * The content-script builds also resolve `wxt/browser` to this file (see
 * `nativeBrowserInContentScripts` in wxt.config.ts), so WXT's own runtime
 * does not pull the polyfill back in.
 */

/** The sender as both browsers describe it (the checks in lib/messaging/sender.ts read these). */
export interface NativeSender {
  id?: string;
  url?: string;
}

export type NativeMessageListener = (message: unknown, sender: NativeSender, sendResponse: (response?: unknown) => void) => boolean | undefined;

/** Just what the content scripts call: a small surface is easy to check in both browsers. */
export interface NativeBrowser {
  runtime: {
    readonly id: string;
    getURL(path: string): string;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: {
      addListener(listener: NativeMessageListener): void;
      removeListener(listener: NativeMessageListener): void;
    };
  };
  i18n: { getMessage(name: string): string };
}

const scope = globalThis as unknown as { browser?: NativeBrowser; chrome?: NativeBrowser };

/**
 * Firefox's `browser` when it is the extension's (an element with id="browser"
 * shows up on `window` too, hence the `runtime.id` check, as in @wxt-dev/browser),
 * else Chrome's `chrome`. Read on each use: unit tests install a fake after import.
 */
export const nativeBrowser = (): NativeBrowser => (scope.browser?.runtime?.id ? scope.browser : (scope.chrome as NativeBrowser));

/** The same, under the name `wxt/browser` exports, for WXT's runtime in content-script builds. */
export const browser: NativeBrowser = /* @__PURE__ */ nativeBrowser();
