import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { parse } from 'yaml';
import { redact } from '../../src/shared/redact';

interface Corpus {
  caught: Record<string, Array<{ text: string; secret: string }>>;
  kept: string[];
}
const corpus = parse(readFileSync(path.join(__dirname, '../fixtures/pii/samples.yaml'), 'utf8')) as Corpus;

describe('redact() on the personal-data corpus (tests/fixtures/pii/samples.yaml)', () => {
  for (const [kind, samples] of Object.entries(corpus.caught)) {
    describe(kind, () => {
      for (const { text, secret } of samples) {
        it(`should redact "${text}" as [${kind}]`, () => {
          const out = redact(text);
          expect(out, out).not.to.include(secret);
          expect(out, out).to.include(`[${kind}]`);
        });
      }
    });
  }

  describe('values that are not personal data', () => {
    for (const text of corpus.kept) {
      it(`should keep "${text}" unchanged`, () => {
        expect(redact(text)).to.equal(text);
      });
    }
  });

  it('should redact a booking reference as a booking reference, never as a passport or phone number', () => {
    expect(redact('passport no 533380006, booking WL-H482913')).to.equal('passport no [passport], booking [booking-ref]');
    expect(redact('my booking id WL-H482913')).to.equal('my booking id [booking-ref]');
  });

  it('should redact the card, its expiry and its security code in one message', () => {
    expect(redact('card 4111 1111 1111 1111 cvv 737 exp 03/29')).to.equal('card [card] cvv [cvv] exp [expiry]');
  });
});
