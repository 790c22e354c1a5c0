import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, renderValue } from './export-html.js';

describe('the readable copy of an export', () => {
  it('never lets a note become markup', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (key, text) => {
        const html = renderValue({ [key]: text, list: [text, { inner: text }] });
        // Outside the tags this renderer writes itself, no "<" survives from the data.
        const stripped = html.replace(/<\/?(dl|dt|dd|ol|li|span)( class="[a-z]+")?>/g, '');
        expect(stripped).not.toMatch(/[<>]/);
      }),
    );
  });

  it('escapes the five characters that matter', () => {
    expect(escapeHtml(`<script>alert("x" & 'y')</script>`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;',
    );
  });

  it('reads as words: labels from keys, yes/no, a dash for nothing, ids left to the JSON', () => {
    const html = renderValue({ id: 'x1', pmId: 'p', nextBiggerChallenge: null, shared: true, steps: [] });
    expect(html).toBe(
      '<dl><dt>Next bigger challenge</dt><dd><span class="none">—</span></dd><dt>Shared</dt><dd>yes</dd>' +
        '<dt>Steps</dt><dd><span class="none">none</span></dd></dl>',
    );
  });
});
