import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Light and dark: every colour in the panel's stylesheet is a custom property
// set once for the light scheme and again under prefers-color-scheme: dark,
// so no element (old or new) keeps a light-only colour in dark mode.

const css = readFileSync(new URL('./panel.css', import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
const lightBlock = /^:root\s*{([^}]*)}/m.exec(css)?.[1] ?? '';
const darkBlock = /@media \(prefers-color-scheme: dark\)\s*{\s*:root\s*{([^}]*)}\s*}/.exec(css)?.[1] ?? '';
const rules = css.replace(/^:root\s*{[^}]*}/m, '').replace(/@media \(prefers-color-scheme: dark\)\s*{\s*:root\s*{[^}]*}\s*}/, '');
const definedIn = (block: string) => new Set([...block.matchAll(/(--[\w-]+)\s*:/g)].map((match) => match[1]));
const COLOUR_LITERAL = /#[0-9a-f]{3,8}\b|\b(?:rgb|hsl)a?\((?!0 0 0 \/)|\b(?:white|black)\b(?!-)/gi;

describe('panel.css', () => {
  it('declares both colour schemes', () => {
    expect(lightBlock).toContain('color-scheme: light dark');
    expect(darkBlock).not.toBe('');
  });

  it('uses no colour outside the scheme variables (a translucent black shadow aside)', () => {
    expect(rules.match(COLOUR_LITERAL) ?? []).toEqual([]);
  });

  it('sets every colour variable it uses for the light and for the dark scheme', () => {
    const used = new Set([...rules.matchAll(/var\((--[\w-]+)\)/g)].map((match) => match[1]));
    const light = definedIn(lightBlock);
    const dark = definedIn(darkBlock);
    expect([...used].filter((name) => !light.has(name))).toEqual([]);
    expect([...used].filter((name) => !dark.has(name))).toEqual([]);
  });

  it('shows a note (Hint.tsx) on keyboard focus as well as on hover, and hides it otherwise', () => {
    // The selector list of a rule that sets display: block names `.hinted:<state> + .hint`.
    const shownOn = (state: string) => new RegExp(`\\.hinted:${state} \\+ \\.hint\\b[^{}]*{[^}]*display: block`).test(rules);
    expect(shownOn('hover')).toBe(true);
    expect(shownOn('focus')).toBe(true);
    expect(/(^|\n)\.hint {[^}]*display: none/.test(rules)).toBe(true);
  });
});
