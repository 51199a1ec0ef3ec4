import { describe, expect, it } from 'vitest';
import { contentNoteForNote, textToHtml } from './mapping';
import { noteHtmlToText, readableTitle } from './note-text';

describe('noteHtmlToText', () => {
  it('gives back the text of a note this extension wrote, line breaks and special characters intact', () => {
    const text = 'Budget: <USD 1 M> & "capex"\nCFO signs — 签字';
    expect(noteHtmlToText(`<p>${textToHtml(text)}</p>`)).toBe(text);
  });
  it('keeps paragraphs, drops tags and scripts, decodes numeric entities once', () => {
    expect(noteHtmlToText('<p>One</p><p>Two<br>three &amp;lt; &#26032; &#x1F600;</p><script>alert(1)</script>')).toBe('One\nTwo\nthree &lt; 新 😀');
  });
  it('turns invalid code points into the replacement character', () => {
    expect(noteHtmlToText('&#0; &#xD800; &#9999999;')).toBe('\uFFFD \uFFFD \uFFFD');
  });
  it('reads the whole body the extension writes, source line included', () => {
    const fields = contentNoteForNote({ id: 'n1', text: 'First line\nsecond', pageTitle: 'Mail <x>', url: 'https://mail.example.com/1', capturedAt: Date.UTC(2026, 11, 5, 9) });
    expect(noteHtmlToText(Buffer.from(fields.Content, 'base64').toString('utf8'))).toBe('First line\nsecond\nSource: Mail <x> — https://mail.example.com/1\nCaptured: 2026-12-05 09:00 UTC');
  });
});

describe('readableTitle', () => {
  it('drops the resend marker only', () => {
    expect(readableTitle('CFO signs above 1 M [it:abc123def456]')).toBe('CFO signs above 1 M');
    expect(readableTitle('A title [with brackets]')).toBe('A title [with brackets]');
  });
});
