/** Chinese numerals (一千二百万, 两, 三十五, 二〇二七) read to numbers; pure, no segmentation. */

const DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const UNIT: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/** A Chinese numeral as a regex source: it starts with a digit or 十 (so 万一 'just in case' and 千万 'by all means' are not numbers). */
export const CHINESE_NUMERAL = '[一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾][零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]*';

/** The value of a Chinese numeral, or undefined when `text` is not one. */
export function parseChineseNumber(text: string): number | undefined {
  if (text === '') return undefined;
  const chars = [...text];
  if (chars.every((ch) => ch in DIGIT)) return chars.length === 1 ? DIGIT[chars[0]!] : Number(chars.map((ch) => DIGIT[ch]).join(''));
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of chars) {
    if (ch in DIGIT) digit = DIGIT[ch]!;
    else if (ch in UNIT) {
      section += (digit === 0 ? 1 : digit) * UNIT[ch]!;
      digit = 0;
    } else if (ch === '万') {
      total += (section + digit) * 1e4;
      section = 0;
      digit = 0;
    } else if (ch === '亿') {
      total = (total + section + digit) * 1e8;
      section = 0;
      digit = 0;
    } else return undefined;
  }
  return total + section + digit;
}
