import type { LocalizedText } from '@/lib/domain/localized-text';
import type { Influence, Stance } from '@/lib/domain/stakeholder';

/** Influence levels as words inside explanations. */
export const INFLUENCE_LABELS: Record<Influence, LocalizedText> = {
  high: { en: 'high', 'zh-CN': '高' },
  medium: { en: 'medium', 'zh-CN': '中' },
  low: { en: 'low', 'zh-CN': '低' },
  unknown: { en: 'unknown', 'zh-CN': '未知' },
};

/** Stances as words inside explanations. */
export const STANCE_LABELS: Record<Stance, LocalizedText> = {
  supporter: { en: 'supporter', 'zh-CN': '支持者' },
  neutral: { en: 'neutral', 'zh-CN': '中立' },
  opponent: { en: 'opponent', 'zh-CN': '反对者' },
  unknown: { en: 'unknown', 'zh-CN': '未知' },
};
