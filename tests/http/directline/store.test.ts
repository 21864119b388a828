import { expect } from 'chai';
import { InMemoryDirectLineStore } from '../../../src/http/directline/store';

describe('InMemoryDirectLineStore', () => {
  const conv = (id: string) => ({ id, userId: 'dl_u', createdAt: '2030-01-01T00:00:00Z' });

  describe('append()', () => {
    it('should number activities in order and list those after a watermark', async () => {
      const store = new InMemoryDirectLineStore();
      await store.create(conv('c1'));
      const a = await store.append('c1', { type: 'message', text: 'a' });
      const b = await store.append('c1', { type: 'message', text: 'b' });
      expect([a.activity.id, b.activity.id]).to.deep.equal(['c1|0000000', 'c1|0000001']);
      const after = await store.list('c1', 0);
      expect(after.activities.map((x) => x.text)).to.deep.equal(['b']);
      expect(after.watermark).to.equal('1');
    });

    it('should keep only the newest activities of a conversation', async () => {
      const store = new InMemoryDirectLineStore({ maxActivitiesPerConversation: 2 });
      await store.create(conv('c1'));
      for (const text of ['a', 'b', 'c']) await store.append('c1', { type: 'message', text });
      expect((await store.list('c1', -1)).activities.map((x) => x.text)).to.deep.equal(['b', 'c']);
    });
  });

  describe('create()', () => {
    it('should forget the least recently used conversation beyond the limit', async () => {
      const store = new InMemoryDirectLineStore({ maxConversations: 2 });
      await store.create(conv('c1'));
      await store.create(conv('c2'));
      await store.get('c1');
      await store.create(conv('c3'));
      expect(await store.get('c2')).to.equal(null);
      expect(await store.get('c1')).to.not.equal(null);
    });
  });
});
