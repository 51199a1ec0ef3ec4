import type { Playbook, PlaybookExample } from '@/lib/playbook/schema';
import { proposeFacts } from './propose';

/**
 * Why a playbook's example fails, as sentences (none: it passes): a fact it
 * must propose that is not proposed, a value without the text it must
 * contain (compared without case), a fact proposed that must not be. Run by
 * `npm run playbook -- check` and by the default playbook's own test.
 */
export function exampleProblems(playbook: Playbook, example: PlaybookExample, now: number): string[] {
  const byId = new Map(proposeFacts(playbook, { text: example.note, capturedAt: now }).map((proposal) => [proposal.requirementId, proposal]));
  const problems: string[] = [];
  for (const expected of example.proposes) {
    const proposal = byId.get(expected.requirement);
    if (proposal === undefined) problems.push(`${expected.requirement} not proposed`);
    else if (expected.contains !== undefined && !proposal.value.toLowerCase().includes(expected.contains.toLowerCase())) {
      problems.push(`${expected.requirement} proposed as "${proposal.value}", which does not contain "${expected.contains}"`);
    }
  }
  for (const id of example.mustNotPropose) {
    const proposal = byId.get(id);
    if (proposal !== undefined) problems.push(`${id} proposed ("${proposal.value}") but must not be`);
  }
  return problems;
}
