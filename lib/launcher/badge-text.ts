import { t } from '@/lib/i18n';

/** The badge's text and its accessible name, in the current locale. */
export function badgeText(gapCount: number): { text: string; label: string } {
  return {
    text: gapCount > 99 ? '99+' : String(gapCount),
    label: gapCount === 0 ? t('launcherNoGaps') : t('launcherGaps', String(gapCount)),
  };
}
