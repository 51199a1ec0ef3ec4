import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from '@/lib/playbook/default-playbook';
import { compilePlaybook } from './compiled-playbook';
import { findNoteMentions } from './note-mentions';

// What a note says is read once per playbook and note version and kept: the panel analyses
// again on every change. What is kept must never outlive the note's words or a rejection.

const compiled = compilePlaybook(DEFAULT_PLAYBOOK);
const note = (text: string, capturedAt = Date.UTC(2026, 5, 1)) => ({ id: 'n1', text, pageTitle: 'Call', url: '', capturedAt });
const budget = compiled.requirementsById.get('budget')!;

describe('findNoteMentions', () => {
  it('reads a note again when its words change, and the same words the same way', () => {
    const first = findNoteMentions(compiled, [note('The budget is USD 2M, approved by the board.')]);
    expect(first.get(budget)?.mentions[0]).toMatchObject({ noteId: 'n1', value: 'The budget is USD 2M, approved by the board.' });
    const edited = findNoteMentions(compiled, [note('The budget is USD 3M, approved by the board.')]);
    expect(edited.get(budget)?.mentions[0]?.figures).toEqual([expect.objectContaining({ kind: 'amount', value: 3_000_000 })]);
    expect(findNoteMentions(compiled, [note('The budget is USD 2M, approved by the board.')])).toEqual(first);
  });

  it('leaves out a rejected proposal also when the note was read before', () => {
    const text = 'The budget is USD 2M, approved by the board.';
    expect(findNoteMentions(compiled, [note(text)]).get(budget)?.count).toBe(1);
    expect(findNoteMentions(compiled, [note(text)], [{ noteId: 'n1', fieldId: 'budget' }]).get(budget)).toBeUndefined();
  });

  it('names each note a kept reading is filed under, however many notes share the words', () => {
    const mentions = findNoteMentions(compiled, [
      { ...note('Budget approved: USD 2M.'), id: 'a' },
      { ...note('Budget approved: USD 2M.'), id: 'b', capturedAt: Date.UTC(2026, 5, 1) },
    ]).get(budget);
    expect(mentions?.count).toBe(2);
    expect(mentions?.mentions.map((mention) => mention.noteId).sort()).toEqual(['a', 'b']);
  });
});
