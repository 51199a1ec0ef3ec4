import { z } from '@/lib/zod/mini';
import type { Database } from '@/lib/store/db';
import { writeTransaction } from '@/lib/store/db';
import { MAX_PAGE_RULES, PageRuleSchema, type PageRule } from './schema';

// The page rules the user made or imported, kept in the settings store.
// Policy rules are not stored: they are read from the managed policy each
// time. Each rule is validated when saved and again when read; one that no
// longer parses is left out, never half-used.

const SETTING = 'pageRules';

export async function readPageRules(db: Database): Promise<PageRule[]> {
  const stored = await db.get('settings', SETTING);
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((entry) => {
    const parsed = PageRuleSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Replaces the whole list in one write; refuses it whole if any rule is invalid, ids repeat or there are too many. */
export async function writePageRules(db: Database, rules: readonly PageRule[]): Promise<void> {
  const valid = z.array(PageRuleSchema).check(z.maxLength(MAX_PAGE_RULES)).parse(rules);
  if (new Set(valid.map((rule) => rule.id)).size !== valid.length) throw new Error('two page rules have the same id');
  const tx = writeTransaction(db, ['settings']);
  await tx.store.put(valid, SETTING);
  await tx.done;
}
