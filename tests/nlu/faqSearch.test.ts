import { expect } from 'chai';
import { FaqSearch } from '../../src/nlu';

const faqs = [
  { id: 'pets', questions: ['Are pets allowed in the hotel?', 'Can I bring my dog?'] },
  { id: 'seats', questions: ['How do I choose my seat on the flight?'] },
  { id: 'invoice', questions: ['How do I get an invoice?', 'Where can I download my receipt?'] },
];

describe('FaqSearch', () => {
  describe('search()', () => {
    const table: [string, string][] = [
      ['can i bring my dog', 'pets'],
      ['are pets alowed in the hotle', 'pets'],
      ['how do i chose my seet', 'seats'],
      ['download my reciept', 'invoice'],
    ];
    for (const [query, id] of table) {
      it(`should find "${id}" for "${query}" with a confidence in [0,1]`, () => {
        const [hit] = new FaqSearch(faqs).search(query);
        expect(hit.id).to.equal(id);
        expect(hit.confidence).to.be.within(0, 1);
      });
    }

    it('should rank an exact question above a loose match (higher is better)', () => {
      const hits = new FaqSearch(faqs).search('Can I bring my dog?');
      expect(hits[0]).to.include({ id: 'pets', question: 'Can I bring my dog?' });
      expect(hits[0].confidence).to.be.greaterThan(0.9);
    });

    it('should return nothing for empty or unknown text', () => {
      const search = new FaqSearch(faqs);
      expect(search.search('')).to.deep.equal([]);
      expect(search.search('🙂🙂')).to.deep.equal([]);
      expect(search.search('zzzz qqqq')).to.deep.equal([]);
    });

    it('should find one entry among 10,000', () => {
      const many = Array.from({ length: 10_000 }, (_, i) => ({ id: `faq${i}`, questions: [`how do i change booking number ${i} option${i}`] }));
      const [hit] = new FaqSearch([...many, ...faqs]).search('where can i download my receipt');
      expect(hit.id).to.equal('invoice');
    });
  });
});
