import type { PageState } from '@/lib/crm/page-state';

/**
 * End-to-end builds only (`--mode e2e`; the production build drops this code):
 * Firefox's WebDriver BiDi cannot open extension pages, so the Firefox tests
 * read what the content script recognised, and the background's
 * acknowledgement, from an attribute on the page (and wait for it before
 * using the routes of e2e-bridge.ts).
 */
/** The attribute on the CRM page's root element. */
export const E2E_PAGE_MARKER = 'data-iron-triangle-e2e';

export function markForEndToEndTests(state: PageState, reply: unknown): void {
  const acknowledged = (reply as { result?: { ok?: boolean } } | undefined)?.result?.ok === true;
  document.documentElement.setAttribute(
    E2E_PAGE_MARKER,
    JSON.stringify(
      state.kind === 'record'
        ? { kind: state.kind, recordId: state.snapshot.recordId, name: state.snapshot.name ?? null, acknowledged }
        : { kind: state.kind, reason: state.reason, acknowledged },
    ),
  );
}
