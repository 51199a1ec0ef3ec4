// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractGenericRecord } from './extract';
import { partForLabel } from './parts';
import { f, loadHtml } from './testing';

describe('partForLabel', () => {
  it.each([
    ['Name', 'name'],
    ['Deal name', 'name'],
    ['Opportunity Name', 'name'],
    ['Subject', 'name'],
    ['商机名称', 'name'],
    ['主题', 'name'],
    ['Stage', 'stage'],
    ['Deal stage', 'stage'],
    ['Sales stage', 'stage'],
    ['Status:', 'stage'],
    ['Phase *', 'stage'],
    ['销售阶段', 'stage'],
    ['状态', 'stage'],
    ['Amount', 'amount'],
    ['Deal value', 'amount'],
    ['Opportunity amount', 'amount'],
    ['Expected revenue', 'amount'],
    ['商机金额', 'amount'],
    ['预计收入', 'amount'],
    ['Close date', 'closeDate'],
    ['Expected close', 'closeDate'],
    ['Closing Date', 'closeDate'],
    ['结束日期', 'closeDate'],
    ['预计成交日期', 'closeDate'],
    ['Owner', 'owner'],
    ['Deal owner', 'owner'],
    ['Assigned to', 'owner'],
    ['Salesperson', 'owner'],
    ['负责人', 'owner'],
    ['商机所有人', 'owner'],
    ['销售员', 'owner'],
    ['Account', 'account'],
    ['Account Name', 'account'],
    ['Company', 'account'],
    ['Organization', 'account'],
    ['Customer', 'account'],
    ['客户名称', 'account'],
    ['公司', 'account'],
    ['组织', 'account'],
  ])('%s -> %s', (label, part) => {
    expect(partForLabel(label)?.part).toBe(part);
  });

  it.each(['Payment status', 'Sync status', 'Job title', 'Company size', 'Contact name', 'Value proposition', 'Created date', 'Probability', '付款状态'])(
    '%s names no part',
    (label) => {
      expect(partForLabel(label)).toBeNull();
    },
  );

  it('prefers the better label: Amount over Expected revenue, Stage over Status, whatever the order', () => {
    const doc = loadHtml('<!doctype html><html><body><main><dl><dt>Status</dt><dd>Open</dd><dt>Expected revenue</dt><dd>EUR 10.00</dd><dt>Stage</dt><dd>Proposal</dd><dt>Amount</dt><dd>EUR 40.00</dd></dl></main></body></html>');
    const extraction = extractGenericRecord(doc.querySelector('main')!);
    expect(extraction.stage).toBe('Proposal');
    expect(extraction.amount).toEqual({ text: 'EUR 40.00', value: 40, currency: 'EUR' });
    expect(extraction.missing).toEqual(['name', 'closeDate', 'owner', 'account']);
  });

  it('takes the name from the first rendered h1 when no label names it, and reports what it cannot find', () => {
    const doc = loadHtml('<!doctype html><html><body><main><h1 hidden>Old</h1><h1>Acme – Renewal</h1><dl><dt>Stage</dt><dd></dd></dl></main></body></html>');
    expect(extractGenericRecord(doc.querySelector('main')!)).toStrictEqual({
      name: 'Acme – Renewal',
      fields: [f('Stage', '')],
      contacts: [],
      missing: ['stage', 'amount', 'closeDate', 'owner', 'account'],
    });
  });
});
