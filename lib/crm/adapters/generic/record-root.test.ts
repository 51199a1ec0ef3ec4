// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findGenericRecordRoot } from './record-root';
import { loadHtml } from './testing';

describe('findRecordRoot', () => {
  it('takes main, then role=main, then the body, skipping a hidden main', () => {
    let doc = loadHtml('<!doctype html><html><body><div role="main" id="r"></div><main id="m"></main></body></html>');
    expect(findGenericRecordRoot(doc)?.id).toBe('m');
    doc = loadHtml('<!doctype html><html><body><main hidden></main><div role="main" id="r"></div></body></html>');
    expect(findGenericRecordRoot(doc)?.id).toBe('r');
    doc = loadHtml('<!doctype html><html><body id="b"><main style="display:none"></main></body></html>');
    expect(findGenericRecordRoot(doc)?.id).toBe('b');
  });
});
