import { expect } from 'chai';
import { parseDelimited, formatDelimited } from '../../src/admin/delimited';
import { formatFaqTable, parseFaqTable, slugId } from '../../src/admin/faqTable';
import { mergeFaqs } from '../../src/admin/faqMerge';
import type { KnowledgeBase } from '../../src/knowledge';

describe('parseDelimited()', () => {
  it('should read quoted fields holding delimiters, quotes and line breaks, and write them back', () => {
    const rows = [['a,b', 'say "hi"', 'line\nbreak'], ['plain', '', 'x']];
    const text = formatDelimited(rows, ',');
    expect(parseDelimited(`\ufeff${text}`, ',')).to.deep.equal(rows);
  });
});

describe('parseFaqTable()', () => {
  it('should read the QnA Maker TSV export, grouping rows by QnaId and turning metadata into tags', () => {
    const tsv = 'Question\tAnswer\tSource\tMetadata\tQnaId\nHi?\tHello.\tEditorial\tcategory:Small Talk|x:y\t3\nHello?\tHello.\tEditorial\t\t3\n';
    expect(parseFaqTable('tsv', tsv)).to.deep.equal({
      faqs: [{ id: 'qna-3', questions: ['Hi?', 'Hello?'], answer: 'Hello.', tags: ['small-talk', 'y'] }],
      rows: 2,
      problems: [],
    });
  });

  it('should name the required columns when the header is wrong', () => {
    expect(parseFaqTable('csv', 'q,a\nx,y\n').problems[0]).to.match(/^row 1: .*question, answer/);
  });

  it('should round-trip its own CSV export', () => {
    const faqs = [{ id: 'x', questions: ['Q1?', 'Q2, "quoted"?'], answer: 'A\nmultiline', tags: ['t1', 't2'], locale: 'en' }];
    expect(parseFaqTable('csv', formatFaqTable('csv', faqs)).faqs).to.deep.equal([{ questions: faqs[0]!.questions, answer: 'A\nmultiline', tags: ['t1', 't2'] }]);
  });
});

describe('slugId()', () => {
  it('should make a KB id of any question', () => {
    expect(slugId('Où est ma réservation ?')).to.equal('ou-est-ma-reservation');
    expect(slugId('???')).to.equal('faq');
  });
});

describe('mergeFaqs()', () => {
  it('should update an FAQ matched by a normalised question, add the others, and remove nothing', () => {
    const kb = { faqs: [{ id: 'refund', questions: ['How long does a refund take?'], answer: 'old', tags: ['money'], locale: 'en' }] } as unknown as KnowledgeBase;
    const merged = mergeFaqs(kb, [
      { questions: ['how long does a REFUND take', 'refund delay?'], answer: 'new', tags: [] },
      { questions: ['New question?'], answer: 'x', tags: ['t'] },
    ]);
    expect(merged).to.deep.include({ added: ['new-question'], changed: ['refund'], unchanged: [] });
    expect(merged.candidate.faqs[0]).to.deep.equal({ id: 'refund', questions: ['How long does a refund take?', 'refund delay?'], answer: 'new', tags: ['money'], locale: 'en' });
    expect(kb.faqs[0]!.answer).to.equal('old');
  });
});
