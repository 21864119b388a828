import { expect } from 'chai';
import { type MakeStores, useStores } from './harness';

/** Contract of TranscriptStore. */
export function transcriptStoreContract(makeStores: MakeStores): void {
  describe('TranscriptStore', () => {
    const ctx = useStores(makeStores);
    const at = (minute: number) => `2026-03-01T09:${String(minute).padStart(2, '0')}:00.000Z`;

    describe('append()', () => {
      it('should keep lines of a conversation in order with increasing seq', async () => {
        const first = await ctx.stores.transcripts.append({ conversationId: 'c1', userId: 'u1', at: at(1), from: 'traveller', text: 'hello' });
        await ctx.stores.transcripts.append({ conversationId: 'c2', at: at(1), from: 'traveller', text: 'other' });
        const second = await ctx.stores.transcripts.append({ conversationId: 'c1', at: at(1), from: 'bot', text: 'hi', data: { card: 'welcome' } });
        expect(second.seq).to.be.greaterThan(first.seq);
        const lines = await ctx.stores.transcripts.list('c1');
        expect(lines.map((l) => [l.from, l.text])).to.deep.equal([['traveller', 'hello'], ['bot', 'hi']]);
        expect(lines[1].data).to.deep.equal({ card: 'welcome' });
        expect((await ctx.stores.transcripts.list('c1', { after: first.seq })).map((l) => l.text)).to.deep.equal(['hi']);
      });

      it('should redact personal data even when the caller forgot to', async () => {
        await ctx.stores.transcripts.append({ conversationId: 'c1', at: at(1), from: 'traveller', text: 'mail me at ana@example.com' });
        expect((await ctx.stores.transcripts.list('c1'))[0].text).to.equal('mail me at [email]');
      });
    });

    describe('purgeOlderThan()', () => {
      it('should delete only lines older than the date', async () => {
        await ctx.stores.transcripts.append({ conversationId: 'c1', at: at(1), from: 'traveller', text: 'old' });
        await ctx.stores.transcripts.append({ conversationId: 'c1', at: at(5), from: 'traveller', text: 'new' });
        expect(await ctx.stores.transcripts.purgeOlderThan(new Date(at(5)))).to.equal(1);
        expect((await ctx.stores.transcripts.list('c1')).map((l) => l.text)).to.deep.equal(['new']);
      });
    });
  });
}
