import { httpDateOfVersion } from './datetime';
import { describe, expect, it } from 'vitest';
import defaultPlaybook from '@/lib/playbook/default-playbook.json';
import {
  base64Utf8,
  contactRoleFor,
  contentNoteForNote,
  DEFAULT_CONTACT_ROLES,
  escapeHtml,
  factsNote,
  factsNoteHtml,
  factsNoteTitle,
  MAX_TITLE_CHARS,
  noteLink,
  noteMarker,
  noteTitle,
  sameNoteBody,
  teamMemberRoleFor,
  textToHtml,
  type FactRow,
} from './mapping';

const decode = (base64: string) => Buffer.from(base64, 'base64').toString('utf8');
const HOSTILE = `<script>alert("x")</script> & 'quoted' — 客户需要离网供电 🔋`;
const ID = '3f2a9c1e-7b4d-4e2a-9f00-123456789abc';

describe('escaping', () => {
  it('escapes the five characters, with &#39; (Salesforce refuses &apos;)', () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;');
    expect(escapeHtml('already &amp; escaped')).toBe('already &amp;amp; escaped');
  });

  it('keeps line breaks as <br> (raw new lines are stripped by Salesforce)', () => {
    expect(textToHtml('one\r\ntwo\nthree\rfour')).toBe('one<br>two<br>three<br>four');
    expect(textToHtml('<b>\n&')).toBe('&lt;b&gt;<br>&amp;');
  });

  it('base64 of UTF-8, also for text beyond Latin-1 and long text', () => {
    expect(decode(base64Utf8(HOSTILE))).toBe(HOSTILE);
    const long = '电'.repeat(100_000);
    expect(decode(base64Utf8(long))).toBe(long);
  });
});

describe('a note as a ContentNote', () => {
  const note = { id: ID, text: `${HOSTILE}\nsecond line <i>`, pageTitle: 'Mail <from> "Amina"', url: 'javascript:alert(1)', capturedAt: Date.UTC(2026, 11, 4, 10, 5) };

  it('titles it with the first line and a marker from the note id', () => {
    const { Title } = contentNoteForNote(note);
    expect(Title).toBe(`${HOSTILE} [it:3f2a9c1e7b4d]`);
    expect(noteMarker(ID)).toBe('it:3f2a9c1e7b4d');
  });

  it('writes the text, page and time escaped, with no markup from the page', () => {
    const html = decode(contentNoteForNote(note).Content);
    expect(html).toBe(
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39; — 客户需要离网供电 🔋<br>second line &lt;i&gt;</p>' +
        '<p>Source: Mail &lt;from&gt; &quot;Amina&quot; — javascript:alert(1)<br>Captured: 2026-12-04 10:05 UTC</p>',
    );
    expect(html).not.toMatch(/<(script|i|a)\b/);
    expect(html).not.toContain('\n');
  });

  it('cuts a long first line to fit 255 without splitting an emoji; skips blank lines and control characters', () => {
    const title = noteTitle(`\n  \n${'🔋'.repeat(200)}\nrest`, 'it:abc');
    expect(title.length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
    expect(title).toMatch(/^(🔋)+… \[it:abc\]$/u);
    expect(noteTitle('a\tb\u0000c   d', 'm')).toBe('a b c d [m]');
    expect(noteTitle(' \n ', 'm')).toBe('Note [m]');
  });

  it('links it to the opportunity for everyone who sees it', () => {
    expect(noteLink('069000000000001', '006000000000001')).toEqual({
      ContentDocumentId: '069000000000001',
      LinkedEntityId: '006000000000001',
      ShareType: 'V',
      Visibility: 'AllUsers',
    });
  });
});

describe('the requirement facts note', () => {
  const rows: FactRow[] = [
    { label: 'Site power', value: 'off-grid <diesel> & "solar"\n2 sites', source: { kind: 'manual' }, confirmedByCustomer: true, setBy: 'Priya', setAt: Date.UTC(2026, 0, 2, 3, 4) },
    {
      label: '预算',
      value: '€1.2M 🔋',
      source: { kind: 'note', noteId: 'n1', quote: `<script>x</script> it's approved`, url: 'https://mail.example/1?a=1&b=2' },
      confirmedByCustomer: false,
      setBy: '张伟',
      setAt: Date.UTC(2026, 0, 3),
    },
    { label: 'Competitors', value: 'Acme', source: { kind: 'crm-field', fieldLabel: 'Main <competitor>' }, confirmedByCustomer: false, setBy: '', setAt: 0 },
  ];

  it('is a readable table with every value escaped', () => {
    expect(factsNoteHtml(rows)).toBe(
      '<p>Requirement facts</p><table><tr><th>Fact</th><th>Value</th><th>Source</th><th>Confirmed</th></tr>' +
        '<tr><td>Site power</td><td>off-grid &lt;diesel&gt; &amp; &quot;solar&quot;<br>2 sites</td><td>Entered by hand — Priya, 2026-01-02 03:04 UTC</td><td>Yes, by the customer</td></tr>' +
        '<tr><td>预算</td><td>€1.2M 🔋</td><td>Note: “&lt;script&gt;x&lt;/script&gt; it&#39;s approved” (https://mail.example/1?a=1&amp;b=2) — 张伟, 2026-01-03 00:00 UTC</td><td>No</td></tr>' +
        '<tr><td>Competitors</td><td>Acme</td><td>CRM field “Main &lt;competitor&gt;” — unknown, 1970-01-01 00:00 UTC</td><td>No</td></tr></table>',
    );
  });

  it('has one title per opportunity and user, the same for 15- and 18-character ids, and a base64 body', () => {
    const note = factsNote('006000000000001AAA', '005000000000007AAB', rows);
    expect(note.Title).toBe('Requirement facts [it:facts-006000000000001-005000000000007]');
    expect(factsNoteTitle('006000000000001', '005000000000007')).toBe(note.Title);
    expect(factsNoteTitle('006000000000001AAA', '005000000000008AAC')).not.toBe(note.Title);
    expect(decode(note.Content)).toBe(factsNoteHtml(rows));
  });

  it('recognises its own body after Salesforce normalises it', () => {
    expect(sameNoteBody('<p>a<br>b</p> <p>c</p>', '<p>a<br/>b</p><p>c</p>')).toBe(true);
    expect(sameNoteBody('<p>a<br>b</p>', '<p>a<br>B</p>')).toBe(false);
  });
});

describe('If-Unmodified-Since', () => {
  it('is an HTTP-date, rounded up to the second, from Salesforce’s datetime', () => {
    expect(httpDateOfVersion('2026-12-04T10:00:00.000+0000')).toBe('Fri, 04 Dec 2026 10:00:00 GMT');
    expect(httpDateOfVersion('2026-12-04T10:00:00.123+0000')).toBe('Fri, 04 Dec 2026 10:00:01 GMT');
    expect(httpDateOfVersion('2026-12-04T12:00:00.000+0200')).toBe('Fri, 04 Dec 2026 10:00:00 GMT');
    expect(() => httpDateOfVersion('yesterday')).toThrow(/Not a Salesforce datetime/);
  });
});

describe('roles', () => {
  const standardContactRoles = ['Business User', 'Decision Maker', 'Economic Buyer', 'Economic Decision Maker', 'Evaluator', 'Executive Sponsor', 'Influencer', 'Technical Buyer', 'Other'];
  const standardTeamRoles = ['Account Manager', 'Channel Manager', 'Executive Sponsor', 'Lead Qualifier', 'Pre-Sales Consultant', 'Sales Manager', 'Sales Rep', 'Other'];

  it('maps every decision role of the default playbook to a standard picklist value', () => {
    for (const role of defaultPlaybook.decisionRoles) {
      expect(DEFAULT_CONTACT_ROLES[role.id], role.id).toBeDefined();
      expect(standardContactRoles).toContain(contactRoleFor(role.id));
    }
    expect(contactRoleFor('decision-maker')).toBe('Economic Decision Maker');
    expect(contactRoleFor('end-user')).toBe('Business User');
    expect(contactRoleFor('a-custom-role')).toBe('Other');
  });

  it('maps the team roles: AR, SR, FR and the rest on the standard values', () => {
    for (const role of defaultPlaybook.teamRoles) expect(standardTeamRoles).toContain(teamMemberRoleFor(role.id));
    expect(teamMemberRoleFor('ar')).toBe('Account Manager');
    expect(teamMemberRoleFor('sr')).toBe('Pre-Sales Consultant');
    expect(teamMemberRoleFor('fr')).toBe('Other');
    expect(teamMemberRoleFor('finance')).toBe('Other');
  });

  it('takes the org’s own picklist values over the defaults', () => {
    const maps = { teamRoles: { fr: 'Fulfilment Responsible' }, contactRoles: { procurement: 'Procurement' } };
    expect(teamMemberRoleFor('fr', maps)).toBe('Fulfilment Responsible');
    expect(teamMemberRoleFor('ar', maps)).toBe('Account Manager');
    expect(contactRoleFor('procurement', maps)).toBe('Procurement');
  });
});
