import type { Figure } from '@/lib/notes/types';

type Negation = Extract<Figure, { kind: 'negation' }>;

const APOSTROPHE = "['’]";

/** English negating words; "not yet", "don't have" kept together. */
const EN_NEGATION = new RegExp(
  String.raw`(?<![A-Za-z'’])(?:not\s+yet|no\s+longer|(?:do|does|did)n${APOSTROPHE}t\s+have|(?:do|does|did)\s+not\s+have|(?:have|has|had)n${APOSTROPHE}t(?:\s+yet)?|(?:is|are|was|were|wo|ca)n${APOSTROPHE}t|(?:do|does|did)n${APOSTROPHE}t|cannot|without|lack(?:s|ing)?|none|never|not|no)(?![A-Za-z'’])`,
  'giu',
);

/** Words after "no"/"not" that make a limit or an affirmation, not an absence: no later than, not only, No. 5. */
const EN_NOT_NEGATING_AFTER = /^(?:\s+(?:later|earlier|more|less|fewer|greater|sooner)\s+than|\s+only|\s+doubt|\s+matter|\s+(?:to\s+)?exceed|\s*\.?\s*\d|\.\s*[A-Za-z])/iu;

const ZH_NEGATION = /暂时还没有|暂时没有|暂无|暂未|还没有|还没|还未|尚未|尚无|并未|并无|从未|没有|无法|无需|无须|不确定|不清楚|不明确|不需要|不考虑|不打算|不具备|不支持|不同意|不接受|没|未|无/gu;

/** 无 in words that are not "without": 无线 wireless, 无人 unmanned, 无锡 (a city), 无论 regardless… */
const WU_NOT_NEGATING = /^无(?:线|人|锡|论|缝|功|源|机|菌|损|限|刷|极|比|数|穷|关|聊|辜|奈|意|效|忧|私|敌|偿|级|形|氧|水|铅|油|尘|纸|感|障碍)/u;
const WEI_NOT_NEGATING = /^未(?:来|必|免|尝|曾|知数)/u;
const MEI_NOT_NEGATING_BEFORE = /[淹埋出沉吞]$/u;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Words that say a fact is absent or not there yet: "no budget yet" → no, 暂无预算 → 暂无, 尚未批复 → 尚未. */
export function findNegations(text: string): Negation[] {
  const found: Negation[] = [];
  for (const match of text.matchAll(EN_NEGATION)) {
    const word = match[0].toLowerCase();
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 24);
    if ((word === 'no' || word === 'not') && EN_NOT_NEGATING_AFTER.test(after)) continue;
    found.push({ kind: 'negation', text: match[0], start: match.index });
  }
  for (const match of text.matchAll(ZH_NEGATION)) {
    if (!negatesHere(text, match[0], match.index)) continue;
    found.push({ kind: 'negation', text: match[0], start: match.index });
  }
  return found.sort((a, b) => a.start - b.start);
}

function negatesHere(text: string, word: string, at: number): boolean {
  const rest = text.slice(at, at + 6);
  const before = text.slice(Math.max(0, at - 4), at);
  if (word === '无') {
    // 有无市电 asks whether there is grid power: no absence stated.
    if (before.endsWith('有') || WU_NOT_NEGATING.test(rest)) return false;
    return startsItsOwnWord(text, at, ['无']);
  }
  if (word === '未') return !WEI_NOT_NEGATING.test(rest);
  if (word === '没') return !MEI_NOT_NEGATING_BEFORE.test(before) && !rest.startsWith('没收');
  return true;
}

/** Whether the segmenter, on a few characters around it, cuts a word that starts at `at` and is one of `words` (so 无 is not inside 无线电). */
function startsItsOwnWord(text: string, at: number, words: string[]): boolean {
  const from = Math.max(0, at - 4);
  for (const { segment, index } of segmenter.segment(text.slice(from, at + 5))) {
    if (from + index === at) return words.includes(segment);
    if (from + index > at) break;
  }
  // Cut inside a longer word (e.g. 毫无 or 暂无): negating either way.
  return true;
}
