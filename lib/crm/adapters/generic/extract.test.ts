// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { MAX_TEXT } from '@/lib/crm/limits';
import { extractGenericRecord } from './extract';
import { ALL_PARTS, loadHtml } from './testing';

describe('hostile content', () => {
  it('cuts giant values, labels and control values at MAX_TEXT', () => {
    const giant = 'A'.repeat(50_000);
    const doc = loadHtml(`<!doctype html><html><body><main><h1>${giant}</h1><dl><dt>Stage</dt><dd>${giant}</dd></dl><p>Owner: ${'B'.repeat(3_000)}</p><label for="t">Notes</label><textarea id="t"></textarea></main></body></html>`);
    (doc.getElementById('t') as HTMLTextAreaElement).value = 'C'.repeat(1_000_000);
    const extraction = extractGenericRecord(doc.querySelector('main')!);
    expect(extraction.name).toHaveLength(MAX_TEXT);
    expect(extraction.stage).toHaveLength(MAX_TEXT);
    expect(extraction.owner).toHaveLength(MAX_TEXT);
    expect(extraction.fields.find((x) => x.label === 'Notes')?.value).toHaveLength(MAX_TEXT);
  });

  it('reads a deep and wide page without failing', () => {
    // 1 000 levels: far deeper than any CRM page, and within what happy-dom can tear down
    // (its recursive clean-up overflows the stack near 3 000). Speed is measured by `npm run bench`.
    let html = '';
    for (let i = 0; i < 1_000; i += 1) html += '<div>';
    html += '<dl><dt>Deep</dt><dd>yes</dd></dl>';
    for (let i = 0; i < 1_000; i += 1) html += '</div>';
    const doc = loadHtml(`<!doctype html><html><body><main>${html}${'<span>x</span>'.repeat(60_000)}</main></body></html>`);
    const extraction = extractGenericRecord(doc.querySelector('main')!);
    expect(extraction.missing).toEqual(ALL_PARTS);
  });
});
