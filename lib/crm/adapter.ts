import type { ExpectedPart, RecordSnapshot } from './snapshot';

/** The record a URL points at, before the DOM is read. */
export interface RecordRef {
  objectType: string;
  recordId: string;
}

/** What an adapter read from the DOM; the content script adds crm/host/url/adapter/readAt. */
export type Extraction = Omit<RecordSnapshot, 'crm' | 'host' | 'url' | 'adapter' | 'readAt' | 'objectType' | 'recordId'>;

/**
 * One CRM. Each adapter lives in its own file in `adapters/` and is registered
 * in `registry.ts`. Adapters are pure DOM readers: no messaging, no storage,
 * nothing that writes to the page.
 */
export interface CrmAdapter {
  /** Stable id, stored with every snapshot. */
  id: string;
  /** Product name shown in the panel's health line. */
  label: string;
  /** Host match patterns (also the manifest's host permissions). */
  matches: readonly string[];
  /** Record types this adapter reads, or 'any' (the generic reader); others are reported as unsupported. */
  objectTypes: readonly string[] | 'any';
  /**
   * Recognises a record page from its URL; null for any other page of the CRM.
   * `doc` is for CRMs whose URL alone does not say the record type (Odoo's
   * numbered actions); most adapters ignore it.
   */
  recognize(url: URL, doc?: Document): RecordRef | null;
  /**
   * The element holding the record in view, so observers watch it and not the
   * whole document. Null while the record has not rendered.
   */
  findRecordRoot(doc: Document, ref: RecordRef): Element | null;
  /** Reads the record in view. Never throws; parts it cannot find go into `missing`. */
  extract(root: Element, ref: RecordRef): Extraction;
}

export type { ExpectedPart };
