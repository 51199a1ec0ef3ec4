import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteDB } from 'idb';
import { openDatabase, type Database } from './db';
import { applyImport, BACKUP_VERSION, exportBackup, MAX_BACKUP_BYTES, parseBackup, previewImport, type Backup } from './backup';
import { saveNote } from './notes';
import { addRequirementValue, assignMember, factsForRecord, saveStakeholder, setStageOverride } from './facts';
import { replaceDirectory } from './directory';
import { rememberRecord } from './records';
import { validSnapshot } from '@/test/support/snapshots';
import { recordKey } from '@/lib/crm/snapshot';

const R = recordKey(validSnapshot);
const NOW = new Date('2026-11-27T10:00:00Z');
let source: Database;
let target: Database;
let ids = 0;

beforeEach(async () => {
  source = await openDatabase('backup-source');
  target = await openDatabase('backup-target');
  await rememberRecord(source, validSnapshot, 1);
  await saveNote(source, { id: 'n1', text: 'Diesel at remote sites', pageTitle: 'Mail', url: 'https://m/1', capturedAt: 2, recordKey: R, recordName: 'Nile' });
  await saveNote(source, { id: 'n2', text: 'Inbox note', pageTitle: 'Chat', url: 'https://c/1', capturedAt: 3 });
  await saveNote(source, { id: 'n3', text: 'Other record', pageTitle: 'x', url: 'https://x/1', capturedAt: 4, recordKey: 'other' });
  await addRequirementValue(source, R, { fieldId: 'site-power', value: 'off-grid', source: { kind: 'manual' }, confirmedByCustomer: true, setBy: 'Priya', setAt: 5 }, null, () => `v${++ids}`);
  await saveStakeholder(source, R, { id: 's1', name: 'Amina', roles: ['procurement'], stance: 'neutral', influence: 'high', source: 'manual' }, null, 6);
  await assignMember(source, R, 'sr', 'p1', 7);
  await setStageOverride(source, R, { stageId: 'delivery', fromCrmStage: 'Closed Won', setBy: 'Priya', setAt: 8 });
  await setStageOverride(source, 'other', { stageId: 'cash', fromCrmStage: 'Closed Won', setBy: '', setAt: 9 });
  await replaceDirectory(source, [{ id: 'p1', name: 'Zhang Wei', roles: ['sr'], skills: ['solar'], industries: [], regions: [], languages: ['zh'], capacity: 4, openDeals: 1 }]);
});

afterEach(async () => {
  source.close();
  target.close();
  await Promise.all([deleteDB('backup-source'), deleteDB('backup-target')]);
});

const text = (backup: Backup) => JSON.stringify(backup);
const parsedOk = (raw: string) => {
  const parsed = parseBackup(raw);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed));
  return parsed.backup;
};

describe('export -> import', () => {
  it('round-trips the whole store exactly', async () => {
    const backup = await exportBackup(source, NOW);
    const preview = await applyImport(target, parsedOk(text(backup)));
    expect(preview.notes).toEqual({ added: 3, unchanged: 0, conflicts: 0 });
    expect(await exportBackup(target, NOW)).toEqual(backup);
  });

  it('a record export holds that record only, and no directory', async () => {
    const backup = await exportBackup(source, NOW, R);
    expect(backup.data.notes.map((n) => n.id)).toEqual(['n1']);
    expect(backup.data.records.map((r) => r.recordKey)).toEqual([R]);
    expect(backup.data.directory).toEqual([]);
    expect(backup.data.requirementValues).toHaveLength(1);
    expect(backup.data.stageOverrides.map((o) => [o.recordKey, o.stageId])).toEqual([[R, 'delivery']]);
  });

  it('carries the team’s stage moves over to the other store', async () => {
    const preview = await applyImport(target, parsedOk(text(await exportBackup(source, NOW))));
    expect(preview.stageOverrides).toEqual({ added: 2, unchanged: 0, conflicts: 0 });
    expect((await factsForRecord(target, R)).stageOverride).toMatchObject({ stageId: 'delivery', fromCrmStage: 'Closed Won', setAt: 8 });
  });

  it('imports a version 1 file, written before stage moves were kept, as one without any', async () => {
    const backup = await exportBackup(source, NOW);
    const version1Data: Partial<Backup['data']> = { ...backup.data };
    delete version1Data.stageOverrides;
    const imported = parsedOk(JSON.stringify({ ...backup, version: 1, data: version1Data }));
    expect(imported).toEqual({ ...backup, data: { ...backup.data, stageOverrides: [] } });
    expect((await applyImport(target, imported)).stageOverrides).toEqual({ added: 0, unchanged: 0, conflicts: 0 });
    expect(await target.count('notes')).toBe(3);
  });

  it('importing the same file twice duplicates nothing', async () => {
    const backup = await exportBackup(source, NOW);
    await applyImport(target, backup);
    const second = await applyImport(target, backup);
    expect(second.notes).toEqual({ added: 0, unchanged: 3, conflicts: 0 });
    expect(await target.count('notes')).toBe(3);
  });

  it('keeps the stored row when the file has a different one under the same key, and says so', async () => {
    await saveNote(target, { id: 'n1', text: 'Edited here', pageTitle: 'Mail', url: 'https://m/1', capturedAt: 2, recordKey: R });
    const backup = await exportBackup(source, NOW);
    const preview = await previewImport(target, backup);
    expect(preview.notes).toEqual({ added: 2, unchanged: 0, conflicts: 1 });
    expect(await target.count('notes')).toBe(1); // preview wrote nothing
    await applyImport(target, backup);
    expect((await target.get('notes', 'n1'))?.text).toBe('Edited here');
  });
});

describe('import against what is stored', () => {
  it('counts every table, simple and compound keys alike, as added, unchanged or in conflict', async () => {
    const backup = await exportBackup(source, NOW);
    await applyImport(target, backup);
    const changed: Backup = structuredClone(backup);
    changed.data.stakeholders[0]!.influence = 'low'; // [recordKey, id] key, different content
    changed.data.notes.push({ ...changed.data.notes[0]!, id: 'n4' });
    changed.data.assignments.push({ ...changed.data.assignments[0]!, personId: 'p2' });
    changed.data.stageOverrides.find((o) => o.recordKey === R)!.stageId = 'cash';
    const preview = await applyImport(target, changed);
    expect(preview).toEqual({
      records: { added: 0, unchanged: 1, conflicts: 0 },
      notes: { added: 1, unchanged: 3, conflicts: 0 },
      requirementValues: { added: 0, unchanged: 1, conflicts: 0 },
      decisions: { added: 0, unchanged: 0, conflicts: 0 },
      stakeholders: { added: 0, unchanged: 0, conflicts: 1 },
      assignments: { added: 1, unchanged: 1, conflicts: 0 },
      stageOverrides: { added: 0, unchanged: 1, conflicts: 1 },
      directory: { added: 0, unchanged: 1, conflicts: 0 },
    });
    expect(await target.count('notes')).toBe(4);
    expect(await target.count('assignments')).toBe(2);
    expect((await target.getAll('stakeholders'))[0]?.influence).toBe('high');
    expect((await target.get('stageOverrides', R))?.stageId).toBe('delivery');
  });

  it('writes nothing at all when one add fails: all or nothing', async () => {
    const backup = await exportBackup(source, NOW);
    // Only a file that skipped parseBackup can repeat a key; the second add of it fails.
    const broken: Backup = structuredClone(backup);
    broken.data.directory.push(broken.data.directory[0]!);
    await expect(applyImport(target, broken)).rejects.toBeTruthy();
    for (const table of ['records', 'notes', 'requirementValues', 'stakeholders', 'assignments', 'stageOverrides', 'directory'] as const) {
      expect(await target.count(table)).toBe(0);
    }
  });
});

describe('bad files are refused with the reason and change nothing', () => {
  const refused = async (raw: string) => {
    const parsed = parseBackup(raw);
    expect(parsed.ok).toBe(false);
    expect(await target.count('notes')).toBe(0);
    return parsed.ok ? null : parsed;
  };

  it('not JSON', async () => {
    expect((await refused('{"format": "iron-triangle/backup", '))?.reason).toBe('not-json');
  });

  it('oversized', async () => {
    expect((await refused(' '.repeat(MAX_BACKUP_BYTES + 1)))?.reason).toBe('too-large');
  });

  it('another format or a future version', async () => {
    const backup = await exportBackup(source, NOW);
    expect((await refused(JSON.stringify({ ...backup, format: 'something-else' })))?.issues[0]?.path).toEqual(['format']);
    expect((await refused(JSON.stringify({ ...backup, version: BACKUP_VERSION + 1 })))?.issues[0]?.path).toEqual(['version']);
  });

  it('partial: a table missing', async () => {
    const backup = await exportBackup(source, NOW);
    const data: Partial<Backup['data']> = { ...backup.data };
    delete data.notes;
    expect((await refused(JSON.stringify({ ...backup, data })))?.issues.map((i) => i.path.join('.'))).toContain('data.notes');
    const withoutOverrides: Partial<Backup['data']> = { ...backup.data };
    delete withoutOverrides.stageOverrides;
    expect((await refused(JSON.stringify({ ...backup, data: withoutOverrides })))?.issues.map((i) => i.path.join('.'))).toEqual(['data.stageOverrides']);
  });

  it('a stage move that is not one', async () => {
    const backup = await exportBackup(source, NOW);
    const bad = structuredClone(backup);
    bad.data.stageOverrides[0]!.stageId = '';
    expect((await refused(JSON.stringify(bad)))?.issues.map((i) => i.path.join('.'))).toEqual(['data.stageOverrides.0.stageId']);
  });

  it('one bad row anywhere refuses the whole file, with its path', async () => {
    const backup = await exportBackup(source, NOW);
    const bad = structuredClone(backup);
    (bad.data.notes[1] as { capturedAt: unknown }).capturedAt = 'yesterday';
    expect((await refused(JSON.stringify(bad)))?.issues.map((i) => i.path.join('.'))).toEqual(['data.notes.1.capturedAt']);
  });

  it('hostile: an oversized note, duplicate keys, prototype tricks', async () => {
    const backup = await exportBackup(source, NOW);
    const huge = structuredClone(backup);
    huge.data.notes[0]!.text = 'x'.repeat(100_001);
    expect((await refused(JSON.stringify(huge)))?.issues[0]?.path).toEqual(['data', 'notes', 0, 'text']);

    const twice = structuredClone(backup);
    twice.data.notes.push({ ...twice.data.notes[0]!, text: 'impostor' });
    expect((await refused(JSON.stringify(twice)))?.issues[0]?.message).toMatch(/duplicate key/);

    const proto = JSON.stringify(backup).replace('"format"', '"__proto__":{"polluted":true},"format"');
    const parsed = parseBackup(proto);
    expect(parsed.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('markup in values is kept as inert text', async () => {
    const backup = await exportBackup(source, NOW);
    backup.data.notes[0]!.text = '<img src=x onerror=alert(1)>';
    await applyImport(target, parsedOk(JSON.stringify(backup)));
    expect((await target.get('notes', backup.data.notes[0]!.id))?.text).toBe('<img src=x onerror=alert(1)>');
  });
});
