import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'chai';
import { markupProblems, urlProblem } from '../../src/knowledge/checkMarkup';
import { checkKnowledgeFiles } from '../../src/knowledge';
import { edit, fixtureFiles, lineOf } from './kbTestKit';
import { runCli } from './cli/runCli';

describe('checkMarkup', () => {
  describe('markupProblems()', () => {
    it('should find every link that is not https, mailto: or tel:, in every Markdown form', () => {
      const text = 'See [rules](javascript:alert(1)), ![x](data:image/png;base64,AA), <http://a.example>, [rel](/x) and http://b.example/y\n[ref]: data:text/html,hi';
      const found = markupProblems(text).join('\n');
      for (const target of ['javascript:alert', 'data:image/png;base64,AA', 'http://a.example', '/x', 'http://b.example/y', 'data:text/html,hi']) expect(found).to.include(`"${target}"`);
      expect(markupProblems(text)).to.have.length(6);
    });

    it('should find raw HTML tags and comments, and leave Markdown, safe links, placeholders and "<" in prose alone', () => {
      expect(markupProblems('<script>x</script> <b>bold</b> <!-- c --> <img src=x onerror=y>').map((m) => m.slice(0, 18))).to.deep.equal(['raw HTML ("<script', 'raw HTML ("</scrip', 'raw HTML ("<b...")', 'raw HTML ("</b..."', 'raw HTML ("<!--...', 'raw HTML ("<img...']);
      expect(markupProblems('**Bold** [a](https://a.example) [m](mailto:a@b.example) [t](tel:+44 20) [s]({airlineStatusUrl}) <https://ok.example> under < 3 hours, a<b')).to.deep.equal([]);
    });

    it('should take linear time on adversarial text', () => {
      for (const unit of ['](', '[', '<a', '<a:', 'http://', '\n[', '<!']) {
        const started = performance.now();
        markupProblems(unit.repeat(Math.floor(200_000 / unit.length)));
        expect(performance.now() - started, JSON.stringify(unit)).to.be.below(1_000);
      }
    });
  });

  describe('urlProblem()', () => {
    it('should accept https, mailto:, tel: and a placeholder the platform fills, and refuse the rest', () => {
      for (const ok of ['https://a.example', 'tel:{hotelPhone}', 'mailto:help@a.example', '{airlineManageBookingUrl}']) expect(urlProblem(ok), ok).to.equal(undefined);
      for (const bad of ['http://a.example', 'javascript:alert(1)', 'data:text/html,x', '/relative']) expect(urlProblem(bad), bad).to.be.a('string');
    });
  });

  describe('in kb:check', () => {
    let tmp = '';
    after(async () => {
      if (tmp) await fs.rm(tmp, { recursive: true, force: true });
    });

    it('should fail a copy with a javascript: answer link, raw HTML and an http source, naming each file:line and path', async () => {
      let broken = edit(fixtureFiles(), 'faqs/payments.yaml', '    answer: Cards and PayPal.', '    answer: Cards and [PayPal](javascript:alert(1)) <b>now</b>.');
      broken = edit(broken, 'sources.yaml', 'url: "https://bank.example"', 'url: "http://bank.example"');
      const report = checkKnowledgeFiles(broken);
      expect(report.kb).to.equal(undefined);
      tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'rebound-markup-'));
      for (const f of broken) {
        await fs.mkdir(path.dirname(path.join(tmp, f.path)), { recursive: true });
        await fs.writeFile(path.join(tmp, f.path), f.content);
      }
      const r = await runCli('src/cli/kbCheck.ts', ['--dir', tmp]);
      expect(r.code).to.equal(1);
      const answerLine = lineOf(broken, 'faqs/payments.yaml', 'javascript:');
      const urlLine = lineOf(broken, 'sources.yaml', 'http://bank.example');
      expect(r.stdout).to.include(`faqs/payments.yaml:${answerLine}  faqs[0].answer  link to "javascript:alert"`);
      expect(r.stdout).to.include(`faqs/payments.yaml:${answerLine}  faqs[0].answer  raw HTML ("<b...")`);
      expect(r.stdout).to.match(new RegExp(`sources\\.yaml:${urlLine}  sources\\[\\d+\\]\\.url  link "http://bank\\.example"`));
      expect(r.stdout).to.match(/INVALID: 4 error\(s\)/);
    });
  });
});
