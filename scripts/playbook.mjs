// The playbook admin's command line: check a playbook file (schema, migrations, its own
// `examples`) and try notes against it, through the very modules the extension runs.
// Run with tsx, which loads the TypeScript modules: `npm run playbook -- --help`.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from '../lib/zod/mini.ts';
import { formatPath, validate } from '../lib/domain/issues.ts';
import { localeFor, setLocale } from '../lib/i18n/index.ts';
import { formatFigure } from '../lib/i18n/format.ts';
import { tryNote } from '../lib/engines/lab.ts';
import { exampleProblems } from '../lib/notes/examples.ts';
import { DEFAULT_PLAYBOOK } from '../lib/playbook/default-playbook.ts';
import { parsePlaybook } from '../lib/playbook/parse.ts';

const USAGE = `Usage:
  npm run playbook -- check FILE
      Validate a playbook JSON file as the extension does on import (older schema
      versions are migrated), then run its "examples". Exit 1 when the file is
      invalid or an example fails.

  npm run playbook -- try --notes NOTES.jsonl [--playbook FILE] [--json]
      What the playbook (default: the built-in one) makes of each note: the facts
      it proposes, the team roles and customer decision-chain roles it triggers.
      NOTES.jsonl holds one JSON object per line: {"id": "...", "text": "...", "lang": "en" | "zh-CN"}.
      --json prints one JSON line per note; an invalid line prints {"line": N, "error": "..."}
      and the run goes on (exit 1 at the end).

  npm run playbook -- --help
`;

const NoteLineSchema = z.object({
  id: z.string({ error: 'missing or not a string' }).check(z.trim(), z.minLength(1, 'empty')),
  text: z.string({ error: 'missing or not a string' }).check(z.refine((text) => text.trim() !== '', 'empty')),
  lang: z.optional(z.string({ error: 'not a language tag such as "en" or "zh-CN"' })),
});

/** Epoch ms the notes are read at: relative dates ("end of June") against today. */
const now = Date.now();

async function main(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { notes: { type: 'string' }, playbook: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    return usageError(error.message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (command === 'check') {
    if (rest.length !== 1) return usageError('check takes one playbook file.');
    return check(rest[0]);
  }
  if (command === 'try') {
    if (rest.length > 0) return usageError(`Unexpected argument: ${rest[0]}`);
    if (!values.notes) return usageError('try needs --notes NOTES.jsonl.');
    return tryNotes(values.notes, values.playbook, values.json === true);
  }
  return usageError(command === undefined ? 'No command given.' : `Unknown command: ${command}`);
}

function usageError(message) {
  process.stderr.write(`${message}\n\n${USAGE}`);
  return 2;
}

/** The playbook in FILE, validated and migrated like an imported one; null (after printing why) when it cannot be used. */
async function loadPlaybook(file) {
  let text;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    process.stderr.write(`${file}: cannot read (${error.code ?? error.message})\n`);
    return null;
  }
  let json;
  try {
    json = JSON.parse(text);
  } catch (error) {
    process.stderr.write(`${file}: not JSON (${error.message})\n`);
    return null;
  }
  const result = parsePlaybook(json);
  if (!result.ok) {
    process.stderr.write(`${file}: invalid playbook, ${result.issues.length} problem(s):\n`);
    for (const issue of result.issues) process.stderr.write(`  ${formatPath(issue.path)}: ${issue.message}\n`);
    return null;
  }
  return result.value;
}

async function check(file) {
  const playbook = await loadPlaybook(file);
  if (playbook === null) return 1;
  console.log(`${file}: valid playbook "${playbook.name.en}" ${playbook.version} (schema ${playbook.schemaVersion})`);
  if (playbook.examples.length === 0) {
    console.log('No examples to run.');
    return 0;
  }
  let failed = 0;
  playbook.examples.forEach((example, index) => {
    const problems = exampleProblems(playbook, example, now);
    const label = `example ${index + 1} "${abbreviate(example.note)}"`;
    if (problems.length === 0) console.log(`ok      ${label}`);
    else {
      failed++;
      console.log(`FAILED  ${label}: ${problems.join('; ')}`);
    }
  });
  console.log(`${playbook.examples.length - failed} of ${playbook.examples.length} examples pass.`);
  return failed > 0 ? 1 : 0;
}

async function tryNotes(notesFile, playbookFile, json) {
  const playbook = playbookFile === undefined ? DEFAULT_PLAYBOOK : await loadPlaybook(playbookFile);
  if (playbook === null) return 1;
  let text;
  try {
    text = await readFile(notesFile, 'utf8');
  } catch (error) {
    process.stderr.write(`${notesFile}: cannot read (${error.code ?? error.message})\n`);
    return 1;
  }
  let invalid = 0;
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const lineNumber = index + 1;
    const note = readNoteLine(line);
    if (!note.ok) {
      invalid++;
      if (json) console.log(JSON.stringify({ line: lineNumber, error: note.error }));
      else console.log(`line ${lineNumber}: ${note.error}\n`);
      return;
    }
    const locale = localeFor(note.value.lang);
    const result = tryNote(playbook, note.value.text, { now });
    if (json) console.log(JSON.stringify(toJson(playbook, note.value, result, locale)));
    else console.log(listing(playbook, note.value, result, locale));
  });
  return invalid > 0 ? 1 : 0;
}

function readNoteLine(line) {
  let value;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { ok: false, error: `not JSON: ${error.message}` };
  }
  const parsed = validate(NoteLineSchema, value);
  if (!parsed.ok) {
    return { ok: false, error: parsed.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ') };
  }
  return { ok: true, value: parsed.value };
}

function toJson(playbook, note, result, locale) {
  const decisionRoles = new Map(playbook.decisionRoles.map((role) => [role.id, role]));
  return {
    id: note.id,
    proposals: result.proposals.map((proposal) => ({
      requirement: proposal.requirementId,
      value: proposal.value,
      quote: proposal.quote,
      ...(proposal.figures.length > 0 && { figures: proposal.figures }),
    })),
    customerRoles: result.customerRoles.map(({ role }) => ({ role, ...(decisionRoles.has(role) && { name: decisionRoles.get(role).label[locale] }) })),
    teamRoles: result.teamRoles,
  };
}

/** A short human-readable listing, labels in the note's language. */
function listing(playbook, note, result, locale) {
  setLocale(locale);
  const requirements = new Map(playbook.requirements.map((requirement) => [requirement.id, requirement]));
  const labelOf = (roles, id) => roles.find((role) => role.id === id)?.label[locale] ?? id;
  const out = [`${note.id}: ${abbreviate(note.text)}`];
  if (result.proposals.length === 0) out.push('  proposes nothing');
  for (const proposal of result.proposals) {
    out.push(`  ${requirements.get(proposal.requirementId)?.label[locale] ?? proposal.requirementId} (${proposal.requirementId}): ${proposal.value}`);
    if (proposal.figures.length > 0) out.push(`    figures: ${proposal.figures.map(formatFigure).join(', ')}`);
  }
  const roles = (list, ids) => ids.map((id) => `${labelOf(list, id)} (${id})`).join(', ');
  if (result.teamRoles.length > 0) out.push(`  team roles: ${roles(playbook.teamRoles, result.teamRoles)}`);
  if (result.customerRoles.length > 0) out.push(`  customer roles: ${roles(playbook.decisionRoles, result.customerRoles.map(({ role }) => role))}`);
  return `${out.join('\n')}\n`;
}

function abbreviate(text) {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

// Piped into `head` and the like: stop quietly when the reader has gone.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
