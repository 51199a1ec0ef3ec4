// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { MAX_FIELDS } from '@/lib/crm/limits';
import { inferFields } from './infer-fields';
import { f, loadHtml } from './testing';

describe('label inference', () => {
  const fieldsOf = (html: string) => {
    const doc = loadHtml(`<!doctype html><html><body><main>${html}</main></body></html>`);
    return inferFields(doc.querySelector('main')!);
  };

  it('names a control by aria-labelledby, then aria-label, then its label, then its title (accname order)', () => {
    expect(
      fieldsOf(`
        <span id="a">Stage</span><label for="x1">Phase</label><input id="x1" aria-labelledby="a" aria-label="Status" value="Won">
        <label for="x2">Phase</label><input id="x2" aria-label="Status" value="Lost">
        <label for="x3">Phase</label><input id="x3" title="Tooltip" value="Open">
        <input title="Region" value="EMEA">
        <input value="no label at all">`),
    ).toStrictEqual([f('Stage', 'Won'), f('Status', 'Lost'), f('Phase', 'Open'), f('Region', 'EMEA')]);
  });

  it('names an unlabelled control by the text just before it (Chromium InferLabelFromPrevious), never by a control', () => {
    expect(
      fieldsOf(`
        <p>Amount: <input value="EUR 5.00"></p>
        <div><span>Budget</span> <input value="9"></div>
        <div><input value="a"><input value="b"></div>
        <div><div><p>Long</p><p>block</p></div><input value="c"></div>`),
    ).toStrictEqual([f('Amount', 'EUR 5.00'), f('Budget', '9')]);
  });

  it('joins several aria-labelledby ids in order, and reads a hidden label (accname does)', () => {
    expect(
      fieldsOf(`<span id="l1" hidden>Expected</span><span id="l2">close</span><output aria-labelledby="l1 l2">2027-01-31</output>`),
    ).toStrictEqual([f('Expected close', '2027-01-31')]);
  });

  it('reads label[for] pointing at a non-control element and a label followed by its value', () => {
    expect(
      fieldsOf(`
        <label for="v1">Owner</label><span id="v1">Ana Lima</span>
        <div><label>Account</label><div><a href="/a/1">Acme</a></div></div>`),
    ).toStrictEqual([f('Owner', 'Ana Lima'), f('Account', 'Acme')]);
  });

  it('takes aria-label only on a value, not on containers, landmarks or widgets', () => {
    expect(
      fieldsOf(`
        <nav aria-label="Main"><a href="/">Home</a></nav>
        <section aria-label="Summary"><p>Text</p></section>
        <div aria-label="Card"><div>Stage</div><div>Won</div></div>
        <button aria-label="Close">x</button>
        <a href="/x" aria-label="Open Acme">Acme</a>
        <span aria-label="Owner">Ana Lima</span>`),
    ).toStrictEqual([f('Owner', 'Ana Lima')]);
  });

  it('reads th + td rows and td + td rows whose first cell ends with ":", not data rows', () => {
    expect(
      fieldsOf(`<table>
        <tr><th>Field</th><th>Value</th></tr>
        <tr><th>Stage</th><td>Won</td></tr>
        <tr><td>Owner：</td><td>王芳</td><td>Region:</td><td>APAC</td></tr>
        <tr><td>Widget</td><td>12</td></tr>
        <tr><td>Odd:</td><td>1</td><td>row</td></tr>
        <tr><th>Nested</th><td><table><tr><th>Inner</th><td>yes</td></tr></table></td></tr>
      </table>`),
    ).toStrictEqual([f('Stage', 'Won'), f('Owner', '王芳'), f('Region', 'APAC'), f('Inner', 'yes')]);
  });

  it('reads "Key: value" lines, but not times, URLs, prose or two keys on one line', () => {
    expect(
      fieldsOf(`
        <p>Owner: Ana Lima<br>负责人：王芳</p>
        <p>Meeting at 10:30 with the buyer</p>
        <p>See https://example.invalid/x for details</p>
        <p>We met the customer. Next: a site visit</p>
        <div><span>Stage: Won</span> <span>Phase: Closing</span></div>`),
    ).toStrictEqual([f('Owner', 'Ana Lima'), f('负责人', '王芳'), f('Stage', 'Won'), f('Phase', 'Closing')]);
  });

  it('skips pairs hidden by the hidden attribute, aria-hidden, inline style or the stylesheet', () => {
    expect(
      fieldsOf(`<style>.gone{display:none}</style>
        <dl hidden><dt>A</dt><dd>1</dd></dl>
        <dl aria-hidden="true"><dt>B</dt><dd>2</dd></dl>
        <dl style="display:none"><dt>C</dt><dd>3</dd></dl>
        <dl class="gone"><dt>D</dt><dd>4</dd></dl>
        <dl><dt>E</dt><dd style="visibility:hidden">5</dd></dl>
        <dl><dt class="gone">F</dt><dd>6</dd></dl>
        <dl><dt>G</dt><dd>7</dd></dl>`),
    ).toStrictEqual([f('G', '7')]);
  });

  it('reads open shadow roots', () => {
    const doc = loadHtml('<!doctype html><html><body><main><x-field></x-field></main></body></html>');
    const host = doc.querySelector('x-field')!;
    const shadow = host.attachShadow({ mode: 'open' });
    const dl = doc.createElement('dl');
    for (const [tag, text] of [['dt', 'Stage'], ['dd', 'Won']] as const) dl.appendChild(doc.createElement(tag)).textContent = text;
    shadow.appendChild(dl);
    expect(inferFields(doc.querySelector('main')!)).toStrictEqual([f('Stage', 'Won')]);
  });

  it('skips a label longer than 200 characters (prose, not a label) and caps fields at MAX_FIELDS', () => {
    expect(fieldsOf(`<dl><dt>${'x'.repeat(201)}</dt><dd>1</dd></dl>`)).toStrictEqual([]);
    const many = Array.from({ length: MAX_FIELDS + 50 }, (_, i) => `<dt>Field ${i}</dt><dd>${i}</dd>`).join('');
    const fields = fieldsOf(`<dl>${many}</dl>`);
    expect(fields).toHaveLength(MAX_FIELDS);
    expect(fields[MAX_FIELDS - 1]).toEqual(f(`Field ${MAX_FIELDS - 1}`, String(MAX_FIELDS - 1)));
  });
});
