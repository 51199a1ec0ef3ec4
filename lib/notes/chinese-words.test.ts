import { describe, expect, it } from 'vitest';
import { onWordBoundaries } from './chinese-words';

const at = (text: string, phrase: string) => {
  const start = text.indexOf(phrase);
  return onWordBoundaries(text, start, start + phrase.length);
};

describe('onWordBoundaries', () => {
  it('finds a Chinese phrase that is a word of the statement', () => {
    expect(at('明天开标，技术标占60%', '开标')).toBe(true);
    expect(at('暂无预算', '预算')).toBe(true);
    expect(at('站点停电每天6小时', '停电')).toBe(true);
  });

  it('does not find a Chinese phrase whose characters straddle two words', () => {
    expect(at('公开标准很重要', '开标')).toBe(false);
    expect(at('电费用太高', '电费')).toBe(false);
  });

  it('leaves phrases without Chinese characters to the keyword matcher', () => {
    expect(at('IQC检验', 'IQC')).toBe(true);
    expect(onWordBoundaries('Costa Rica', 0, 4)).toBe(true);
  });
});
