import { isRendered } from '@/lib/crm/dom';

/** `main`, else `[role=main]` (the first rendered one), else the body. The generic reader cannot tell records apart. */
export function findGenericRecordRoot(doc: Document): Element | null {
  try {
    for (const selector of ['main', '[role=main]']) {
      for (const element of Array.from(doc.querySelectorAll(selector))) if (isRendered(element)) return element;
    }
    return doc.body ?? null;
  } catch {
    return null;
  }
}
