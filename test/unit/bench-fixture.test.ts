import { describe, expect, it } from 'vitest';
import { FULL_SIZE, largeDeal, scaledSize } from '../../bench/fixtures/large-deal';
import { DEFAULT_PLAYBOOK } from '@/lib/playbook/default-playbook';

// `npm run bench` builds its engines input from this fixture; a playbook it cannot validate stops the benchmark.
describe('engines benchmark fixture', () => {
  it('builds a valid playbook cut down below the default playbook (engines.total.tenth)', () => {
    const size = scaledSize(0.1);
    expect(size.requirements).toBeLessThan(DEFAULT_PLAYBOOK.requirements.length);
    const { playbook } = largeDeal(size);
    const ids = new Set(playbook.requirements.map((requirement) => requirement.id));
    expect(ids.size).toBe(size.requirements);
    for (const requirement of playbook.requirements) for (const other of requirement.notWith) expect(ids).toContain(other);
    for (const example of playbook.examples) {
      for (const expected of example.proposes) expect(ids).toContain(expected.requirement);
      for (const id of example.mustNotPropose) expect(ids).toContain(id);
    }
  });

  it('keeps every default requirement, its notWith and its examples at full size (engines.total)', () => {
    const { playbook } = largeDeal(FULL_SIZE);
    expect(playbook.requirements).toHaveLength(FULL_SIZE.requirements);
    expect(playbook.examples).toEqual(DEFAULT_PLAYBOOK.examples);
    for (const requirement of DEFAULT_PLAYBOOK.requirements) {
      expect(playbook.requirements.find((kept) => kept.id === requirement.id)?.notWith).toEqual(requirement.notWith);
    }
  });
});
