import { expect } from 'chai';
import { buttonsOf, textOf, type ReplyActivity } from '../helpers/botClient';
import { useTestApp } from '../helpers/testApp';
import { faqAnswerText } from '../helpers/kbText';

/** FAQ questions of the shipped KB, typed with typos, and the FAQ each must get. */
const TYPO_QUESTIONS: Array<[string, string]> = [
  ['how lnog does a refnd take', 'refund-timeline'],
  ['wil my refnud go bakc to the card i paid with', 'refund-method'],
  ['wat tiem is chek-in and check out', 'check-in-check-out-times'],
];

const OUT_OF_SCOPE = ["what's the best pizza topping", 'asdf qwerty'];

function onlyReply(replies: ReplyActivity[]): ReplyActivity {
  expect(replies, 'one message in reply').to.have.length(1);
  return replies[0]!;
}

describe('Rebound HTTP server', () => {
  const running = useTestApp();

  describe('POST /api/messages', () => {
    describe('conversationUpdate', () => {
      it('should welcome a traveller who joins, with the main menu as buttons', async () => {
        const { app, client } = running.get();
        const reply = onlyReply(await client().join());
        expect(textOf(reply)).to.equal(app.knowledge.current().kb.platform.messages.welcome);
        expect(buttonsOf(reply).map((b) => b.title)).to.include('Talk to a person');
      });
    });

    describe('an FAQ question typed with typos', () => {
      for (const [text, faqId] of TYPO_QUESTIONS) {
        it(`should answer "${text}" with FAQ ${faqId}`, async () => {
          const { app, client } = running.get();
          const faq = app.knowledge.current().kb.faqs.find((f) => f.id === faqId);
          expect(faq, `FAQ ${faqId} in the shipped KB`).to.not.equal(undefined);
          const reply = onlyReply(await client().say(text));
          expect(textOf(reply)).to.include(faqAnswerText(app.knowledge.current().kb, faqId));
          expect(buttonsOf(reply).map((b) => b.data?.target)).to.deep.equal([`faq:${faqId}`, `faq:${faqId}`]);
        });
      }
    });

    describe('an out-of-scope message', () => {
      for (const text of OUT_OF_SCOPE) {
        it(`should clarify "${text}" honestly with choices, never with an FAQ answer`, async () => {
          const { app, client } = running.get();
          const reply = onlyReply(await client().say(text));
          expect(textOf(reply)).to.equal(app.knowledge.current().kb.platform.messages.outOfScope);
          const buttons = buttonsOf(reply);
          expect(buttons.map((b) => b.title)).to.include('Talk to a person');
          expect(buttons.every((b) => b.data?.rebound === 'choose'), 'every button is a choice').to.equal(true);
          const kb = app.knowledge.current().kb;
          const answers = kb.faqs.map((f) => faqAnswerText(kb, f.id));
          expect(answers.some((a) => textOf(reply).includes(a)), 'no FAQ answer in the reply').to.equal(false);
        });
      }
    });

    describe('a malformed activity', () => {
      /** Posts a body and expects 400 INVALID_ACTIVITY listing its problems; returns them. */
      async function expectInvalid(body: unknown): Promise<string[]> {
        const answer = await running.get().client().post(body);
        expect(answer.status, JSON.stringify(answer.body)).to.equal(400);
        const error = answer.body?.error as { code: string; message: string; details?: { problems?: string[] } };
        expect(error.code).to.equal('INVALID_ACTIVITY');
        expect(error.details?.problems, `problems listed in ${JSON.stringify(error)}`).to.be.an('array').that.is.not.empty;
        return error.details!.problems!;
      }

      it('should answer 400 INVALID_ACTIVITY to a body that is not JSON', async () => {
        await expectInvalid('{"type": "message", oops');
      });

      it('should answer 400 INVALID_ACTIVITY to JSON that is not an object (array, string, null)', async () => {
        const activity = running.get().client().activity({ type: 'message', text: 'hi' });
        for (const body of [[activity], '"hello"', 'null']) await expectInvalid(body);
      });

      it('should list every missing field: type, conversation, serviceUrl', async () => {
        const problems = await expectInvalid({ text: 'hi', channelId: 'test' });
        for (const field of ['type', 'conversation', 'serviceUrl']) expect(problems.some((p) => p.startsWith(`${field}:`)), field).to.equal(true);
      });

      it('should list every field of the wrong type', async () => {
        const problems = await expectInvalid({ type: 5, channelId: 'test', serviceUrl: 7, conversation: 'c1', from: { id: 3 } });
        for (const field of ['type', 'serviceUrl', 'conversation', 'from.id']) expect(problems.some((p) => p.startsWith(`${field}:`)), field).to.equal(true);
      });
    });

    describe('an oversized body', () => {
      it('should answer 413 PAYLOAD_TOO_LARGE and keep serving afterwards', async () => {
        const { config, client } = running.get();
        const traveller = client();
        const answer = await traveller.post(traveller.activity({ type: 'message', text: 'x'.repeat(config.MAX_BODY_BYTES + 1) }));
        expect(answer.status).to.equal(413);
        expect((answer.body?.error as { code: string }).code).to.equal('PAYLOAD_TOO_LARGE');
        expect(onlyReply(await traveller.say('how lnog does a refnd take')).summary).to.be.a('string').that.is.not.empty;
      });
    });
  });

  describe('GET /healthz', () => {
    it('should report status ok with the knowledge base version and counts', async () => {
      const { app, url } = running.get();
      const res = await fetch(`${url}/healthz`);
      expect(res.status).to.equal(200);
      const body = (await res.json()) as { status: string; knowledgeBase: { version: number; counts: Record<string, number> }; storage: { backend: string } };
      expect(body.status).to.equal('ok');
      expect(body.storage.backend).to.equal('sqlite');
      const kb = app.knowledge.current();
      expect(body.knowledgeBase.version).to.equal(kb.version);
      expect(body.knowledgeBase.counts).to.deep.include({ faqs: kb.kb.faqs.length, problems: kb.kb.problems.length });
      expect(body.knowledgeBase.counts.faqs).to.be.at.least(80);
      expect(body.knowledgeBase.counts.problems).to.be.at.least(15);
    });
  });

  describe('an unknown route', () => {
    it('should answer 404 with the JSON error shape', async () => {
      const res = await fetch(`${running.get().url}/no/such/route`);
      expect(res.status).to.equal(404);
      expect(res.headers.get('content-type')).to.match(/application\/json/);
      expect(((await res.json()) as { error: { code: string } }).error.code).to.equal('NOT_FOUND');
    });
  });
});
