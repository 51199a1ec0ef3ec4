import { MAX_PAGE_RULES, PageRuleSchema, rulesFor, type PageRule } from '@/lib/page-rules/schema';
import { isSafeLocator } from '@/lib/page-rules/selector-safety';
import { enrichExtraction } from './enrich';
import { ENRICHER_GLOBAL, type Enricher } from '@/lib/crm/enrich-registration';
import { vocabularyFor } from './vocabulary';

// The enricher as the injected script registers it in the CRM page's isolated
// world: the page rules the background handed it, and `enrich` for the
// content script's read (lib/crm/enrich-registration.ts).

/** The enricher of one page: the content script's `enrich`, and the rules the background hands it. */
export interface PageEnricher extends Enricher {
  /** Replaces the rules with the valid ones of `rules` (page data never reaches here, but rules are checked wherever they cross a boundary); returns how many were kept. */
  setRules(rules: unknown): number;
}

/** The page rules of `value` that parse and whose locator is safe, at most MAX_PAGE_RULES. */
export function validRules(value: unknown): PageRule[] {
  if (!Array.isArray(value)) return [];
  return value.slice(0, MAX_PAGE_RULES).flatMap((entry) => {
    const parsed = PageRuleSchema.safeParse(entry);
    return parsed.success && isSafeLocator(parsed.data.locator) ? [parsed.data] : [];
  });
}

export function createEnricher(): PageEnricher {
  let rules: PageRule[] = [];
  return {
    setRules(value) {
      rules = validRules(value);
      return rules.length;
    },
    enrich(page, root, extraction) {
      return enrichExtraction(root, extraction, { rules: rulesFor(rules, page.crm, page.host, page.objectType), vocabulary: vocabularyFor(page.crm) });
    },
  };
}

/**
 * Registers an enricher on `global` unless one is there already (the script
 * is injected again after the service worker restarts): the one there keeps
 * its rules until the background hands new ones.
 */
export function installEnricher(global: object = globalThis): PageEnricher {
  const holder = global as { [ENRICHER_GLOBAL]?: PageEnricher };
  holder[ENRICHER_GLOBAL] ??= createEnricher();
  return holder[ENRICHER_GLOBAL];
}
