export interface CorpusEntry {
  id: string;
  text: string;
}
export const CANARY: { global: string; title: string };
export const XSS_CORPUS: readonly CorpusEntry[];
export const SHORT_XSS_CORPUS: readonly CorpusEntry[];
export function corpusText(i: number, corpus?: readonly CorpusEntry[]): string;
export const POISON_ORDER: readonly string[];
export function poisonValues(root: Node, options: { values: string[]; labels: string[]; texts: readonly string[] }): number;
