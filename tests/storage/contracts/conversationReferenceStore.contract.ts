import { expect } from 'chai';
import { type MakeStores, useStores } from './harness';

/** Contract of ConversationReferenceStore. */
export function conversationReferenceStoreContract(makeStores: MakeStores): void {
  describe('ConversationReferenceStore', () => {
    const ctx = useStores(makeStores);
    const reference = (serviceUrl: string) => ({ channelId: 'webchat', serviceUrl, conversation: { id: 'c1' }, bot: { id: 'b' } });

    describe('save()', () => {
      it('should save, replace, read back and delete a reference', async () => {
        await ctx.stores.conversationReferences.save('c1', reference('https://a.example'), 'u1');
        await ctx.stores.conversationReferences.save('c1', reference('https://b.example'));
        expect(await ctx.stores.conversationReferences.get('c1')).to.deep.equal(reference('https://b.example'));
        expect(await ctx.stores.conversationReferences.get('c2')).to.equal(null);
        await ctx.stores.conversationReferences.delete('c1');
        expect(await ctx.stores.conversationReferences.get('c1')).to.equal(null);
      });
    });
  });
}
