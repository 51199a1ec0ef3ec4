// Loads adapter fixtures into happy-dom for unit tests: the same HTML files the
// e2e server serves under the CRM's real host name (see fixtures.json in each
// lib/crm/adapters/fixtures/<crm>/ folder).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll } from 'vitest';

export interface FixtureEntry {
  file: string;
  /** Path (and query, and for hash-routed CRMs the fragment) of the page the fixture stands for. */
  path: string;
  description: string;
}

export interface FixtureIndex {
  host: string;
  fixtures: FixtureEntry[];
}

export const fixtureDir = (crm: string) => join(__dirname, '..', 'fixtures', crm);

export function readFixtureIndex(crm: string): FixtureIndex {
  return JSON.parse(readFileSync(join(fixtureDir(crm), 'fixtures.json'), 'utf8')) as FixtureIndex;
}

/**
 * happy-dom does not implement declarative shadow DOM (`<template
 * shadowrootmode>` stays a template, with DOMParser and document.write alike),
 * so tests attach those roots themselves, as the browser's parser does.
 */
export function attachDeclarativeShadowRoots(root: ParentNode): void {
  for (const template of Array.from(root.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode]'))) {
    const host = template.parentElement;
    if (!host || host.shadowRoot) continue;
    const shadow = host.attachShadow({ mode: template.getAttribute('shadowrootmode') as ShadowRootMode });
    shadow.appendChild(template.content);
    template.remove();
    attachDeclarativeShadowRoots(shadow);
  }
}

/**
 * Removes every node leaf first, without recursion. happy-dom tears a window
 * down recursively and overflows the stack on the very deep trees the
 * hostile-page tests build; a window emptied this way closes safely.
 */
function dismantle(root: Node): void {
  let current: Node = root;
  for (;;) {
    const child = current.lastChild;
    if (child) {
      current = child;
      continue;
    }
    if (current === root) return;
    const parent = current.parentNode;
    if (!parent) return;
    parent.removeChild(current);
    current = parent;
  }
}

/** Fixture access for one CRM; windows opened are closed after the test file. */
export function fixturesOf(crm: string) {
  const index = readFixtureIndex(crm);
  const windows: Window[] = [];
  afterAll(async () => {
    for (const window of windows) dismantle(window.document as unknown as Node);
    await Promise.all(windows.map((window) => window.happyDOM.close()));
  });

  const entry = (file: string): FixtureEntry => {
    const found = index.fixtures.find((candidate) => candidate.file === file);
    if (!found) throw new Error(`${file} is not in ${crm}/fixtures.json`);
    return found;
  };
  const urlOf = (file: string) => new URL(`https://${index.host}${entry(file).path}`);

  const readHtml = (file: string) => readFileSync(join(fixtureDir(crm), file), 'utf8');

  /** A fresh window at `url` with `html` as its document. */
  const loadHtml = (html: string, url = `https://${index.host}/`): Document => {
    const window = new Window({ url });
    windows.push(window);
    window.document.write(html);
    const doc = window.document as unknown as Document;
    attachDeclarativeShadowRoots(doc);
    return doc;
  };

  /** A fresh window at the fixture's URL with the fixture as its document. */
  const load = (file: string): Document => loadHtml(readHtml(file), urlOf(file).href);

  return { index, files: index.fixtures.map((fixture) => fixture.file), entry, urlOf, readHtml, load, loadHtml };
}
