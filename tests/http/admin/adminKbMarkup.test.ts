import { expect } from 'chai';
import { useTestApp } from '../../helpers/testApp';
import { ADMIN_ENV, AdminClient } from './adminClient';

interface Problem { file: string; line?: number; kbPath: string; message: string }

describe('AdminApi', () => {
  const app = useTestApp({ ...ADMIN_ENV, RATE_LIMIT_ENABLED: 'false' });
  const owner = () => new AdminClient(app.get().url);

  describe('links and raw HTML in traveller-facing texts', () => {
    it('should refuse an answer with a javascript: link and raw HTML 422 INVALID_KB, listing each at its place, and keep serving the published KB', async () => {
      const before = app.get().app.knowledge.current();
      const faq = before.kb.faqs[0]!;
      const read = await owner().expect(200, 'GET', `/faqs/${faq.id}`);
      const answer = 'Open [your trips](javascript:alert(document.cookie)) or see http://phish.example <script>steal()</script>';
      const bad = await owner().call('PUT', `/faqs/${faq.id}`, { body: { ...read.body, answer }, ifMatch: read.eTag! });
      expect(bad.status).to.equal(422);
      expect(bad.body.error.code).to.equal('INVALID_KB');
      const problems = (bad.body.error.details.problems as Problem[]).filter((p) => p.kbPath.endsWith('.answer'));
      expect(problems.map((p) => p.message.split(':')[0])).to.deep.equal(['link to "javascript', 'link to "http', 'raw HTML ("<script...")', 'raw HTML ("</script...")']);
      for (const p of problems) expect(p.file).to.equal(`faqs/${faq.topic}.yaml`);
      // Nothing saved, nothing published: the draft is untouched and travellers get the published answer.
      expect((await owner().expect(200, 'GET', `/faqs/${faq.id}`)).eTag).to.equal(read.eTag);
      expect(app.get().app.knowledge.current().version).to.equal(before.version);
      expect(app.get().app.knowledge.current().kb.faqs[0]!.answer).to.equal(faq.answer);
    });

    it('should refuse a source whose url is http: or data:, naming the field', async () => {
      for (const url of ['http://rules.example/air', 'data:text/html,<script>x</script>']) {
        const bad = await owner().call('POST', '/sources', { body: { id: 'plain-http-source', title: 'Rules', url, lookFor: 'The rules.' } });
        expect(bad.status, url).to.equal(422);
        const places = (bad.body.error.details.problems as Problem[]).map((p) => `${p.file} ${p.kbPath} ${p.message.slice(0, 5)}`);
        expect(places.some((p) => /^sources\.yaml sources\[\d+\]\.url link /.test(p)), JSON.stringify(places)).to.equal(true);
      }
    });
  });
});
