import { describe, expect, it } from 'vitest';
import { BroadcastSchema, PageStateMessageSchema, PanelRequestSchema } from './protocol';
import { validSnapshot } from '@/test/support/snapshots';


describe('page/state messages', () => {
  it('accept a valid record and a valid unrecognised page', () => {
    expect(PageStateMessageSchema.safeParse({ type: 'page/state', state: { kind: 'record', snapshot: validSnapshot } }).success).toBe(true);
    expect(
      PageStateMessageSchema.safeParse({ type: 'page/state', state: { kind: 'unrecognised', reason: 'not-a-record-page', adapter: 'salesforce' } }).success,
    ).toBe(true);
  });

  it.each<[string, unknown]>([
    ['no state', { type: 'page/state' }],
    ['an unknown kind', { type: 'page/state', state: { kind: 'evil' } }],
    ['a record id with markup', { type: 'page/state', state: { kind: 'record', snapshot: { ...validSnapshot, recordId: '<img src=x>' } } }],
    ['an object type with a path', { type: 'page/state', state: { kind: 'record', snapshot: { ...validSnapshot, objectType: '../x' } } }],
    ['a name over the limit', { type: 'page/state', state: { kind: 'record', snapshot: { ...validSnapshot, name: 'x'.repeat(2_001) } } }],
    ['too many fields', { type: 'page/state', state: { kind: 'record', snapshot: { ...validSnapshot, fields: Array(501).fill({ label: 'a', value: 'b' }) } } }],
    ['an invented missing part', { type: 'page/state', state: { kind: 'record', snapshot: { ...validSnapshot, missing: ['password'] } } }],
    ['a non-ISO currency', { type: 'page/state', state: { kind: 'record', snapshot: { ...validSnapshot, amount: { text: '1', value: 1, currency: 'dollars' } } } }],
    ['an unknown reason', { type: 'page/state', state: { kind: 'unrecognised', reason: 'because', adapter: 'salesforce' } }],
    ['a string', 'page/state'],
    ['null', null],
  ])('reject %s', (_name, message) => {
    expect(PageStateMessageSchema.safeParse(message).success).toBe(false);
  });
});

describe('panel requests', () => {
  it('accept valid requests', () => {
    expect(PanelRequestSchema.safeParse({ type: 'panel/tab-state', tabId: 4 }).success).toBe(true);
  });
  it.each<[string, unknown]>([
    ['a negative tab', { type: 'panel/tab-state', tabId: -1 }],
    ['a fractional tab', { type: 'panel/tab-state', tabId: 1.5 }],
    ['a tab id as text', { type: 'panel/tab-state', tabId: '4' }],
    ['an unknown type', { type: 'panel/delete-everything' }],
  ])('reject %s', (_name, message) => {
    expect(PanelRequestSchema.safeParse(message).success).toBe(false);
  });
});

describe('broadcasts', () => {
  it('reject an unknown capture outcome', () => {
    expect(BroadcastSchema.safeParse({ type: 'broadcast/capture', outcome: 'pwned', recordKey: null }).success).toBe(false);
  });
});
