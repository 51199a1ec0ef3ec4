import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import defaultPlaybookJson from '@/lib/playbook/default-playbook.json';

// `npm run playbook` as an admin runs it: tsx on scripts/playbook.mjs, in a child process, on temp files.
// Each spawn costs about a second, so the cases are few and each checks a lot.

const ROOT = resolve(__dirname, '../..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function playbookCli(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(TSX, [join(ROOT, 'scripts/playbook.mjs'), ...args], { cwd: ROOT, timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      done({ code, stdout, stderr });
    });
  });
}

let dir: string;
const file = async (name: string, content: string) => {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'playbook-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run playbook -- check', () => {
  it('runs the examples of a valid playbook: one line each, exit 1 when one fails', async () => {
    const playbook = {
      ...defaultPlaybookJson,
      examples: [
        {
          note: 'Their incoming inspection (IQC) rejects any batch above AQL 0.65.',
          proposes: [{ requirement: 'acceptance-quality', contains: 'aql 0.65' }],
          mustNotPropose: ['budget'],
        },
        { note: 'Nice weather today, we talked about football.', mustNotPropose: ['business-pain'] },
        { note: 'Their incoming inspection (IQC) rejects any batch above AQL 0.65.', proposes: [{ requirement: 'budget' }], mustNotPropose: ['acceptance-quality'] },
      ],
    };
    const run = await playbookCli('check', await file('examples.json', JSON.stringify(playbook)));
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toContain('valid playbook');
    expect(lines[1]).toMatch(/^ok\s+example 1 /);
    expect(lines[2]).toMatch(/^ok\s+example 2 /);
    expect(lines[3]).toMatch(/^FAILED\s+example 3 /);
    expect(lines[3]).toContain('budget not proposed');
    expect(lines[3]).toContain('acceptance-quality proposed');
    expect(lines[4]).toBe('2 of 3 examples pass.');

    const passing = await playbookCli('check', await file('passing.json', JSON.stringify({ ...playbook, examples: playbook.examples.slice(0, 2) })));
    expect(passing).toMatchObject({ code: 0 });
    expect(passing.stdout).toContain('2 of 2 examples pass.');
  });

  it('refuses an invalid playbook with the path of every problem', async () => {
    const run = await playbookCli('check', await file('invalid.json', JSON.stringify({ ...defaultPlaybookJson, stages: 'none', thresholds: undefined })));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('invalid playbook');
    expect(run.stderr).toMatch(/^ {2}stages: /m);
    expect(run.stderr).toMatch(/^ {2}thresholds: /m);
  });
});

describe('npm run playbook -- try', () => {
  it('prints one JSON line per note, reports invalid lines and goes on, exit 1 at the end', async () => {
    const notes = [
      JSON.stringify({ id: 'power', text: 'The diesel generators at the remote sites cost them USD 1.2M a year in fuel.' }),
      '{not json',
      JSON.stringify({ id: 'no-text' }),
      '',
      JSON.stringify({ id: 'iqc', text: '客户要求来料检验按AQL 0.65抽检，不合格整批退货。', lang: 'zh-CN' }),
    ].join('\n');
    const run = await playbookCli('try', '--notes', await file('notes.jsonl', notes), '--json');
    expect(run.code).toBe(1);
    const out = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(out).toHaveLength(4);
    expect(out[0]).toEqual({
      id: 'power',
      // Other facts the note states (the sites' power) may be proposed too, as the playbook's keywords evolve.
      proposals: expect.arrayContaining([
        expect.objectContaining({
          requirement: 'operating-cost',
          // The whole statement as the value, the note's own words as the quote.
          value: 'The diesel generators at the remote sites cost them USD 1.2M a year in fuel.',
          quote: expect.stringContaining('USD 1.2M a year'),
          figures: [expect.objectContaining({ kind: 'amount', value: 1_200_000, currency: 'USD' })],
        }),
      ]),
      customerRoles: [],
      teamRoles: ['power-specialist'],
    });
    expect(out[1]).toEqual({ line: 2, error: expect.stringContaining('not JSON') });
    expect(out[2]).toEqual({ line: 3, error: expect.stringContaining('text') });
    expect(out[3]).toMatchObject({
      id: 'iqc',
      proposals: expect.arrayContaining([expect.objectContaining({ requirement: 'acceptance-quality' })]),
      customerRoles: [{ role: 'quality-inspection', name: defaultPlaybookJson.decisionRoles.find((role) => role.id === 'quality-inspection')!.label['zh-CN'] }],
      teamRoles: ['quality-engineer'],
    });
  });

  it('tries the playbook given with --playbook instead of the default', async () => {
    // The same playbook with no words for the operating-cost fact: the note proposes it no more.
    const playbook = {
      ...defaultPlaybookJson,
      requirements: defaultPlaybookJson.requirements.map((requirement) =>
        requirement.id === 'operating-cost' ? { ...requirement, keywords: { en: [], 'zh-CN': [] }, cues: { en: [], 'zh-CN': [] } } : requirement,
      ),
      examples: [],
    };
    const notes = JSON.stringify({ id: 'power', text: 'The diesel generators at the remote sites cost them USD 1.2M a year in fuel.' });
    const run = await playbookCli('try', '--notes', await file('one.jsonl', notes), '--playbook', await file('no-opex.json', JSON.stringify(playbook)), '--json');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const [out] = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { proposals: { requirement: string }[] });
    expect(out!.proposals.map((proposal) => proposal.requirement)).toEqual(['site-power']);
  });
});
