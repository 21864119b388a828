import { expect } from 'chai';
import { expectAppError, type MakeStores, useStores } from './harness';

/** Contract of the Direct Line store (RetainedDirectLineStore): conversations, ordered activity sets, watermarks. */
export function directLineStoreContract(makeStores: MakeStores): void {
  describe('DirectLineStore', () => {
    const ctx = useStores(makeStores);
    const T0 = '2026-03-01T09:00:00.000Z';
    const conversation = (id: string) => ({ id, userId: `dl_${id}`, createdAt: T0 });

    describe('create()', () => {
      it('should create a conversation once and find it again', async () => {
        expect(await ctx.stores.directLine.create(conversation('c1'))).to.equal(true);
        expect(await ctx.stores.directLine.create({ ...conversation('c1'), userId: 'someone else' })).to.equal(false);
        expect(await ctx.stores.directLine.get('c1')).to.deep.equal(conversation('c1'));
        expect(await ctx.stores.directLine.get('c2')).to.equal(null);
      });
    });

    describe('append()', () => {
      it('should number the activities of each conversation from 0 and keep them as given', async () => {
        await ctx.stores.directLine.create(conversation('c1'));
        await ctx.stores.directLine.create(conversation('c2'));
        const card = { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { body: [{ text: 'é ✓' }] } }], from: { id: 'bot' } };
        const first = await ctx.stores.directLine.append('c1', { type: 'message', text: 'hello' });
        const second = await ctx.stores.directLine.append('c1', card);
        const other = await ctx.stores.directLine.append('c2', { type: 'message', text: 'elsewhere' });
        expect([first.watermark, second.watermark, other.watermark]).to.deep.equal([0, 1, 0]);
        expect(first.activity).to.deep.equal({ type: 'message', text: 'hello', id: 'c1|0000000' });
        expect(second.activity).to.deep.equal({ ...card, id: 'c1|0000001' });
        expect((await ctx.stores.directLine.list('c1', -1)).activities).to.deep.equal([first.activity, second.activity]);
      });

      it('should give concurrent appends distinct, gapless sequence numbers', async () => {
        await ctx.stores.directLine.create(conversation('c1'));
        const appended = await Promise.all(Array.from({ length: 20 }, (_v, i) => ctx.stores.directLine.append('c1', { type: 'message', text: String(i) })));
        expect(appended.map((a) => a.watermark).sort((x, y) => x - y)).to.deep.equal(Array.from({ length: 20 }, (_v, i) => i));
        const listed = await ctx.stores.directLine.list('c1', -1);
        expect(listed.activities.map((a) => a.id)).to.deep.equal(appended.map((a) => a.activity.id).sort());
        expect(listed.watermark).to.equal('19');
      });

      it('should refuse an activity for an unknown conversation', async () => {
        await expectAppError(ctx.stores.directLine.append('nope', { type: 'message' }), 'NOT_FOUND');
      });
    });

    describe('list()', () => {
      it('should return the activities after the watermark and the watermark to ask from next', async () => {
        await ctx.stores.directLine.create(conversation('c1'));
        expect(await ctx.stores.directLine.list('c1', -1)).to.deep.equal({ activities: [], watermark: '-1' });
        for (const text of ['a', 'b', 'c']) await ctx.stores.directLine.append('c1', { type: 'message', text });
        const after0 = await ctx.stores.directLine.list('c1', 0);
        expect(after0.activities.map((a) => a.text)).to.deep.equal(['b', 'c']);
        expect(after0.watermark).to.equal('2');
        expect(await ctx.stores.directLine.list('c1', 2)).to.deep.equal({ activities: [], watermark: '2' });
        expect(await ctx.stores.directLine.list('unknown', 5)).to.deep.equal({ activities: [], watermark: '5' });
      });
    });

    describe('purgeIdleBefore()', () => {
      it('should delete only the conversations idle since before the date, with their activities', async () => {
        await ctx.stores.directLine.create(conversation('idle'));
        await ctx.stores.directLine.create(conversation('busy'));
        await ctx.stores.directLine.append('idle', { type: 'message', text: 'old' });
        ctx.clock.set('2026-03-10T09:00:00.000Z');
        await ctx.stores.directLine.append('busy', { type: 'message', text: 'new' });
        expect(await ctx.stores.directLine.purgeIdleBefore(new Date('2026-03-05T00:00:00.000Z'))).to.equal(1);
        expect(await ctx.stores.directLine.get('idle')).to.equal(null);
        expect((await ctx.stores.directLine.list('idle', -1)).activities).to.deep.equal([]);
        expect((await ctx.stores.directLine.list('busy', -1)).activities.map((a) => a.text)).to.deep.equal(['new']);
      });
    });
  });
}
