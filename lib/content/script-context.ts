import { nativeBrowser, type NativeBrowser } from './native-browser';

/** The extension's id, or undefined once its runtime is gone (update, removal). */
const runtimeId = (): string | undefined => (nativeBrowser() as NativeBrowser | undefined)?.runtime?.id;

/**
 * What the content-script builds use in place of WXT's `ContentScriptContext`
 * (wxt/utils/content-script-context; swapped in by `nativeBrowserInContentScripts`
 * in wxt.config.ts). WXT's class also carries a URL watcher, timers, a logger
 * and a `window.postMessage` for main-world scripts; our scripts use only
 * `onInvalidated` and `isInvalid`, and those ~2 kB would load on every CRM page.
 *
 * Kept compatible with WXT's where it matters: the same "script started" event
 * name, so a script injected after an update (or a second injection) stops the
 * one already in the page, whichever of the two classes that one runs.
 */
export class ContentScriptContext {
  private readonly controller = new AbortController();
  private readonly id = Math.random().toString(36).slice(2);
  private readonly startedEvent: string;

  constructor(private readonly contentScriptName: string) {
    this.startedEvent = `${runtimeId()}:${contentScriptName}:wxt:content-script-started`;
    document.dispatchEvent(new CustomEvent(this.startedEvent, { detail: { contentScriptName, messageId: this.id } }));
    const onNewer = (event: Event) => {
      const detail = (event as CustomEvent<{ contentScriptName?: string; messageId?: string } | undefined>).detail;
      if (detail?.contentScriptName === this.contentScriptName && detail.messageId !== this.id) this.notifyInvalidated();
    };
    document.addEventListener(this.startedEvent, onNewer);
    this.onInvalidated(() => document.removeEventListener(this.startedEvent, onNewer));
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** True once the extension was updated or removed (its runtime is gone) or a newer copy started. */
  get isInvalid(): boolean {
    if (runtimeId() == null) this.notifyInvalidated();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }

  notifyInvalidated(): void {
    this.controller.abort('Content script context invalidated');
  }
}
