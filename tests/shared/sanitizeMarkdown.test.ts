import { expect } from 'chai';
import { safeUrl, sanitizeMarkdown } from '../../src/shared/sanitizeMarkdown';

describe('sanitizeMarkdown', () => {
  describe('sanitizeMarkdown()', () => {
    const cases: Array<[string, string, string]> = [
      ['plain text with the Markdown subset', 'Refunds take **5-10 days**. _Check_ your bank:\n\n1. Open the app\n2. Go to [Bookings](https://example.com/b)', 'Refunds take **5-10 days**. _Check_ your bank:\n\n1. Open the app\n2. Go to [Bookings](https://example.com/b)'],
      ['a script element with its content', 'Hello<script>alert(1)</script> world', 'Hello world'],
      ['an image tag with an event handler', 'See <img src=x onerror="alert(1)"> this', 'See  this'],
      // What is left of the broken opening is dropped to the end of its line: lossy, never a tag.
      ['a tag split to survive one pass', 'a <scr<script>ipt>alert(1)</script> b', 'a '],
      ['an unclosed tag at the end of a line', 'text <img src=x onerror=alert(1)\nnext line', 'text \nnext line'],
      ['an HTML comment', 'a<!-- <b>hidden</b> -->b', 'ab'],
      ['an iframe', 'x<iframe src="https://evil.example"></iframe>y', 'xy'],
      ['a javascript: link', 'Click [here](javascript:alert(1)) now', 'Click here now'],
      ['a mixed-case, spaced javascript: link', 'Click [here]( JaVaScRiPt:alert(1) ) now', 'Click here now'],
      ['an entity-encoded scheme', 'Click [here](java&#115;cript:alert(1))', 'Click here'],
      ['a data: link', '[pic](data:text/html;base64,PHNjcmlwdD4=)', 'pic'],
      ['a relative link', '[admin](/api/admin/kb)', 'admin'],
      ['a mailto and a tel link', '[mail](mailto:help@example.com) or [call](tel:+441234567)', '[mail](mailto:help@example.com) or [call](tel:+441234567)'],
      ['a link title', '[docs](https://example.com "Docs")', '[docs](https://example.com)'],
      ['a plain-http image', '![x](http://tracker.example/p.png)', 'x'],
      ['an https image', '![map](https://example.com/map.png)', '![map](https://example.com/map.png)'],
      ['an unsafe reference definition', 'See [x].\n\n[x]: javascript:alert(1)', 'See [x].\n\n'],
      ['an unsafe autolink', 'go <javascript:alert(1)> now', 'go  now'],
      ['a safe autolink', 'go <https://example.com> now', 'go https://example.com now'],
      ['comparisons that are not tags', 'under 5 kg: 3 < 5 and 5 > 3', 'under 5 kg: 3 < 5 and 5 > 3'],
    ];
    for (const [what, input, expected] of cases) {
      it(`should handle ${what}`, () => {
        expect(sanitizeMarkdown(input)).to.equal(expected);
      });
    }

    it('should return an empty string for anything that is not a string', () => {
      expect(sanitizeMarkdown(undefined)).to.equal('');
      expect(sanitizeMarkdown({ text: '<b>' })).to.equal('');
    });

    it('should leave no tag or javascript: link in a long hostile text', () => {
      const hostile = Array.from({ length: 200 }, (_, i) => `<a href="javascript:x${i}">[l${i}](javascript:y)</a><svg onload=z>`).join(' ');
      const out = sanitizeMarkdown(hostile);
      expect(out).not.to.match(/<[a-z]/i);
      expect(out).not.to.match(/javascript:/i);
    });
  });

  describe('safeUrl()', () => {
    it('should accept http(s), mailto and tel only', () => {
      expect(safeUrl('https://example.com/x?y=1')).to.equal('https://example.com/x?y=1');
      expect(safeUrl('http://example.com')).to.equal('http://example.com');
      expect(safeUrl('mailto:a@b.c')).to.equal('mailto:a@b.c');
      expect(safeUrl('tel:+33 1 23 45 67 89')).to.equal('tel:+33 1 23 45 67 89');
      for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'vbscript:x', '//evil.example', 'file:///etc/passwd', 'java\nscript:x', 'https://a\u0000b', 7, undefined]) {
        expect(safeUrl(bad), String(bad)).to.equal(undefined);
      }
    });
  });
});
