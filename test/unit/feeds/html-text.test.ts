import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToLine, htmlToText } from '../../../src/domain/feeds/html-text.js';

describe('htmlToText', () => {
  it('removes markup, scripts and styles; block elements break lines', () => {
    expect(htmlToText('<p>Hello <b>wor</b>ld</p><script>alert("x")</script><style>p{}</style><p>Next<br/>line</p>')).toBe(
      'Hello world\n\nNext\nline',
    );
  });

  it('decodes named, decimal and hex references, including windows-1252 C1 numbers', () => {
    expect(decodeEntities('caf&eacute; &amp; &#8217;&#x2014;&#150;&nbsp;&copy 2024 &unknown;')).toBe('café & ’—–\u00a0© 2024 &unknown;');
  });

  it('keeps escaped markup as text and plain text line breaks', () => {
    expect(htmlToText('5 &lt; 6 &amp;&amp; 7 &gt; 3')).toBe('5 < 6 && 7 > 3');
    expect(htmlToText('line one\nline two')).toBe('line one\nline two');
  });

  it('makes one line of a title', () => {
    expect(htmlToLine('  Breaking:\n <em>Kem   Sokha</em> &amp;amp; more ')).toBe('Breaking: Kem Sokha &amp; more');
  });

  it('stays linear on hostile input', () => {
    const hostile = '<a "'.repeat(100_000) + '<script>'.repeat(50_000) + '<p'.repeat(100_000);
    expect(typeof htmlToText(hostile)).toBe('string');
  });
});
