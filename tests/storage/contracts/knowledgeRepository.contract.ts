import { expect } from 'chai';
import type { KnowledgeBase } from '../../../src/knowledge/schema';
import { type MakeStores, expectAppError, useStores } from './harness';

/** A stand-in knowledge base: the repository stores whatever JSON it is given. */
export function kb(marker: string): KnowledgeBase {
  return { platform: { name: marker }, faqs: [{ id: marker, questions: ['q?'], answer: 'a' }] } as unknown as KnowledgeBase;
}

/** Contract of KnowledgeRepository. */
export function knowledgeRepositoryContract(makeStores: MakeStores): void {
  describe('KnowledgeRepository', () => {
    const ctx = useStores(makeStores);

    describe('publish()', () => {
      it('should publish numbered versions with author, message and a content hash', async () => {
        const v1 = await ctx.stores.knowledge.publish(kb('one'), 'olga', 'first', null);
        const v2 = await ctx.stores.knowledge.publish(kb('two'), 'piet', 'second', 1);
        expect([v1.version, v2.version]).to.deep.equal([1, 2]);
        expect(v1.contentHash).to.match(/^[0-9a-f]{64}$/).and.not.equal(v2.contentHash);
        const published = await ctx.stores.knowledge.getPublished();
        expect(published).to.deep.include({ version: 2, author: 'piet', message: 'second' });
        expect(published?.kb).to.deep.equal(kb('two'));
        expect((await ctx.stores.knowledge.getVersion(1))?.kb).to.deep.equal(kb('one'));
        expect((await ctx.stores.knowledge.listVersions()).map((v) => v.version)).to.deep.equal([2, 1]);
      });

      it('should hash equal content equally whatever its key order', async () => {
        const a = await ctx.stores.knowledge.publish({ b: 1, a: [1, 2] } as unknown as KnowledgeBase, 'o', 'm', null);
        const b = await ctx.stores.knowledge.publish({ a: [1, 2], b: 1 } as unknown as KnowledgeBase, 'o', 'm', 1);
        expect(a.contentHash).to.equal(b.contentHash);
      });

      it('should refuse a stale expected version with CONFLICT and keep the winner', async () => {
        await ctx.stores.knowledge.publish(kb('one'), 'olga', 'first', null);
        const results = await Promise.allSettled([
          ctx.stores.knowledge.publish(kb('olga'), 'olga', 'mine', 1),
          ctx.stores.knowledge.publish(kb('piet'), 'piet', 'mine', 1),
        ]);
        expect(results.filter((r) => r.status === 'fulfilled')).to.have.length(1);
        const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
        expect(rejected.reason.code).to.equal('CONFLICT');
        await expectAppError(ctx.stores.knowledge.publish(kb('late'), 'x', 'y', null), 'CONFLICT');
        expect((await ctx.stores.knowledge.listVersions()).map((v) => v.version)).to.deep.equal([2, 1]);
      });

      it('should answer null before the first publish and for unknown versions', async () => {
        expect(await ctx.stores.knowledge.getPublished()).to.equal(null);
        expect(await ctx.stores.knowledge.getVersion(7)).to.equal(null);
      });
    });

    describe('saveDraft()', () => {
      it('should create, then update only with the current eTag', async () => {
        const first = await ctx.stores.knowledge.saveDraft(kb('d1'), 'olga', null);
        await expectAppError(ctx.stores.knowledge.saveDraft(kb('again'), 'piet', null), 'CONFLICT');
        const second = await ctx.stores.knowledge.saveDraft(kb('d2'), 'piet', first.eTag);
        expect(second.eTag).to.not.equal(first.eTag);
        await expectAppError(ctx.stores.knowledge.saveDraft(kb('stale'), 'olga', first.eTag), 'CONFLICT');
        expect(await ctx.stores.knowledge.getDraft()).to.deep.include({ eTag: second.eTag, updatedBy: 'piet', kb: kb('d2') });
      });

      it('should discard the draft only with the current eTag', async () => {
        const draft = await ctx.stores.knowledge.saveDraft(kb('d1'), 'olga', null);
        await expectAppError(ctx.stores.knowledge.discardDraft('stale'), 'CONFLICT');
        expect(await ctx.stores.knowledge.discardDraft(draft.eTag)).to.equal(true);
        expect(await ctx.stores.knowledge.getDraft()).to.equal(null);
        expect(await ctx.stores.knowledge.discardDraft(draft.eTag)).to.equal(false);
      });
    });

    describe('appendAudit()', () => {
      it('should list entries newest first, filtered by target or actor', async () => {
        await ctx.stores.knowledge.appendAudit({ actor: 'olga', action: 'faq.update', target: 'faq:a', details: { field: 'answer' } });
        ctx.clock.advance(1000);
        await ctx.stores.knowledge.appendAudit({ actor: 'piet', action: 'kb.publish', target: 'kb:v2' });
        const all = await ctx.stores.knowledge.listAudit();
        expect(all.map((e) => e.action)).to.deep.equal(['kb.publish', 'faq.update']);
        expect(all[1]).to.deep.include({ actor: 'olga', target: 'faq:a', details: { field: 'answer' }, at: '2026-03-01T09:00:00.000Z' });
        expect((await ctx.stores.knowledge.listAudit({ target: 'faq:a' })).map((e) => e.actor)).to.deep.equal(['olga']);
        expect((await ctx.stores.knowledge.listAudit({ actor: 'piet' })).map((e) => e.target)).to.deep.equal(['kb:v2']);
        expect(await ctx.stores.knowledge.listAudit({ limit: 1 })).to.have.length(1);
      });
    });
  });
}
