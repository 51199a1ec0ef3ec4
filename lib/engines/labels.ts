import type { LocalizedText } from '../domain/locale';
import type { Influence } from '../domain/stakeholder';

/** Influence levels as words inside explanations. */
export const INFLUENCE_LABELS: Record<Influence, LocalizedText> = {
  high: { en: 'high', 'zh-CN': '高' },
  medium: { en: 'medium', 'zh-CN': '中' },
  low: { en: 'low', 'zh-CN': '低' },
  unknown: { en: 'unknown', 'zh-CN': '未知' },
};
