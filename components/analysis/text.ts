import type { LocalizedText } from '@/lib/domain/localized-text';
import { explain, type Explanation } from '@/lib/domain/explain';
import { getLocale } from '@/lib/i18n';
import type { Playbook } from '@/lib/playbook/schema';

/** Playbook text in the user's language. */
export const localized = (text: LocalizedText): string => text[getLocale()];

/** An engine's explanation as a sentence in the user's language. */
export const say = (subject: Explanation): string => explain(subject, getLocale());

/** Label lookups for the ids the engines report. */
export function playbookLabels(playbook: Playbook) {
  const label = <T extends { id: string; label: LocalizedText }>(items: readonly T[]) => {
    const byId = new Map(items.map((item) => [item.id, item.label]));
    return (id: string) => {
      const text = byId.get(id);
      return text ? localized(text) : id;
    };
  };
  return {
    teamRole: label(playbook.teamRoles),
    decisionRole: label(playbook.decisionRoles),
    requirement: label(playbook.requirements),
    stage: label(playbook.stages),
  };
}
export type PlaybookLabels = ReturnType<typeof playbookLabels>;
