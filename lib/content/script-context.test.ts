// @vitest-environment happy-dom
// The content scripts' own context (lib/content/script-context.ts) stands in for WXT's in the
// content-script builds: it must stop an older copy when a newer one starts (an update or a second
// injection), and report the extension's runtime going away.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from './script-context';
import { nativeBrowser } from './native-browser';

const scope = globalThis as unknown as { browser?: unknown; chrome?: unknown };

describe('nativeBrowser', () => {
  const saved = { browser: scope.browser, chrome: scope.chrome };
  afterEach(() => Object.assign(scope, saved));

  it("takes Firefox's browser when it is the extension's", () => {
    const firefox = { runtime: { id: 'ext' } };
    scope.browser = firefox;
    scope.chrome = { runtime: { id: 'other' } };
    expect(nativeBrowser()).toBe(firefox);
  });

  it("takes Chrome's chrome when browser is a page element or absent", () => {
    const chrome = { runtime: { id: 'ext' } };
    scope.chrome = chrome;
    scope.browser = document.createElement('div');
    expect(nativeBrowser()).toBe(chrome);
    scope.browser = undefined;
    expect(nativeBrowser()).toBe(chrome);
  });
});

describe('ContentScriptContext', () => {
  it('is invalidated when a newer copy of the same script starts, not by another script', () => {
    const older = new ContentScriptContext('salesforce');
    const stopped = vi.fn();
    older.onInvalidated(stopped);
    new ContentScriptContext('hubspot');
    expect(older.isInvalid).toBe(false);
    new ContentScriptContext('salesforce');
    expect(stopped).toHaveBeenCalledOnce();
    expect(older.isInvalid).toBe(true);
  });

  it("is invalidated once the extension's runtime is gone", () => {
    const context = new ContentScriptContext('zoho');
    const stopped = vi.fn();
    context.onInvalidated(stopped);
    const runtime = vi.spyOn(nativeBrowser(), 'runtime', 'get').mockReturnValue(undefined as never);
    expect(context.isInvalid).toBe(true);
    expect(stopped).toHaveBeenCalledOnce();
    runtime.mockRestore();
  });
});
