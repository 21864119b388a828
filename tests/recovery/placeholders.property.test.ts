import { expect } from 'chai';
import fc from 'fast-check';
import { REPLY_PLACEHOLDERS } from '../../src/knowledge/checkPlaceholders';
import type { KnowledgeBase, Problem } from '../../src/knowledge/schema';
import { bookingContextOf } from '../../src/platform';
import { sampleBookings } from '../../src/platform/demo/sampleBookings';
import { checkFact, createSession, fillPlaceholders, type BookingContext, type FactValue, type RecoverySession } from '../../src/recovery';
import { checkContext, showStep } from '../../src/recovery/stepView';
import { answerFor } from '../dialogs/travellers';
import { shippedKb } from '../helpers/shippedKb';

const NOW = new Date('2026-03-02T09:30:00Z');
const UNFILLED = /\{[A-Za-z][\w.]*\}/;
// The mark fillPlaceholders used to put where a value was missing.
const MISSING_MARK = '…';
const RUNS = 200;

/** Every string inside a value (the step detail's drafts, sources, risks, how-to steps...), with where it is. */
function stringsIn(value: unknown, at = 'detail'): Array<[string, string]> {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringsIn(v, `${at}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringsIn(v, `${at}.${k}`));
  return [];
}

/** Fails with the problem, step and text when a text the traveller reads still holds a placeholder or the missing-value mark. */
function expectFilled(texts: Array<[string, string]>, where: string): void {
  for (const [field, text] of texts) {
    expect(UNFILLED.test(text), `${where} ${field} has an unfilled placeholder: ${JSON.stringify(text)}`).to.equal(false);
    expect(text.includes(MISSING_MARK), `${where} ${field} shows the missing-value mark: ${JSON.stringify(text)}`).to.equal(false);
  }
}

/** A valid value of a fact as the S6 checks normalise it, from the dialog tests' answers (a past date when a future one is refused). */
function validFact(kb: KnowledgeBase, problem: Problem, name: string): FactValue {
  const spec = problem.facts.find((f) => f.name === name)!;
  const ctx = checkContext(createSession(problem.id, NOW), kb, NOW, name);
  const candidates = [answerFor(problem, name), ...(spec.kind === 'date' ? ['2026-02-20', '2026-03-20'] : [])];
  for (const raw of candidates) {
    const result = checkFact(spec.kind, raw, ctx);
    if (result.kind !== 'invalid') return { kind: spec.kind, value: result.value, raw, confirmed: true };
  }
  throw new Error(`no valid test value for ${problem.id}.${name} (${spec.kind})`);
}

/** A session of the problem with some facts known, with or without a booking found, as the dialogs hold it (a case is opened at the start). */
function sessionWith(problem: Problem, facts: Record<string, FactValue>, booking: BookingContext | undefined): RecoverySession {
  const session = createSession(problem.id, NOW, 'RB-7Q2K');
  return { ...session, facts, ...(booking ? { booking } : {}) };
}

/** The texts the traveller reads when the engine shows every step of the problem in this session. */
function shownTexts(kb: KnowledgeBase, problem: Problem, session: RecoverySession): Array<[string, Array<[string, string]>]> {
  return problem.steps.map((step) => {
    const shown = showStep(kb, problem, step, session, NOW, 'afterFailure');
    const texts: Array<[string, string]> = [
      ['say', shown.say],
      ['successQuestion', shown.successQuestion],
      ...(shown.why === undefined ? [] : ([['why', shown.why]] as Array<[string, string]>)),
      ...stringsIn(shown.detail),
    ];
    return [step.id, texts];
  });
}

describe('placeholders in the shipped knowledge base (property-based)', function () {
  this.timeout(60_000);
  let kb: KnowledgeBase;
  let bookings: BookingContext[];
  let answers: Map<string, Record<string, FactValue>>;

  before(async () => {
    kb = await shippedKb();
    bookings = sampleBookings(NOW).map(bookingContextOf);
    answers = new Map(kb.problems.map((p) => [p.id, Object.fromEntries(p.facts.map((f) => [f.name, validFact(kb, p, f.name)]))]));
  });

  const check = (problem: Problem, known: readonly string[], booking: BookingContext | undefined): void => {
    const all = answers.get(problem.id)!;
    const facts = Object.fromEntries(known.map((name) => [name, all[name]]));
    const session = sessionWith(problem, facts, booking);
    for (const [stepId, texts] of shownTexts(kb, problem, session)) {
      expectFilled(texts, `${problem.id} step ${stepId} (known: ${known.join(', ') || 'nothing'}; booking: ${booking?.reference ?? 'none'})`);
    }
  };

  describe('showStep()', () => {
    it('should fill every placeholder of every step, with no fact or every fact known, without a booking or with one of each product', () => {
      const onePerProduct = bookings.filter((b, i) => bookings.findIndex((o) => o.product === b.product) === i);
      expect(onePerProduct.length).to.be.at.least(5);
      for (const problem of kb.problems) {
        for (const known of [[], problem.facts.map((f) => f.name)]) {
          for (const booking of [undefined, ...onePerProduct]) check(problem, known, booking);
        }
      }
    });

    it('should fill every placeholder of every step, for any facts known and any booking', () => {
      // Ids in the counterexamples, not whole problems and bookings.
      const cases = fc.constantFrom(...kb.problems.map((p) => p.id)).chain((problemId) =>
        fc.record({
          problemId: fc.constant(problemId),
          known: fc.subarray(kb.problems.find((p) => p.id === problemId)!.facts.map((f) => f.name)),
          reference: fc.option(fc.constantFrom(...bookings.map((b) => b.reference!)), { nil: undefined }),
        }),
      );
      fc.assert(
        fc.property(cases, ({ problemId, known, reference }) => {
          check(kb.problems.find((p) => p.id === problemId)!, known, bookings.find((b) => b.reference === reference));
        }),
        { numRuns: RUNS },
      );
    });
  });

  describe('FAQ answers', () => {
    it('should fill every placeholder with the platform values, {platform} and {assistant}', () => {
      const values = { ...kb.platform.values, platform: kb.platform.name, assistant: kb.platform.assistantName };
      for (const faq of kb.faqs) {
        const filled = fillPlaceholders(faq.answer, values);
        expect(filled.missing, `FAQ ${faq.id}`).to.deep.equal([]);
        expectFilled([['answer', filled.text]], `FAQ ${faq.id}`);
      }
    });
  });

  describe('replies', () => {
    it('should fill every variant with the reply placeholders and the platform values', () => {
      const samples: Record<(typeof REPLY_PLACEHOLDERS)[number], string> = {
        assistant: kb.platform.assistantName,
        platform: kb.platform.name,
        caseReference: 'RB-7Q2K',
        problemTitle: 'double charge',
        value: 'WL-H482913',
      };
      const values = { ...kb.platform.values, ...samples };
      const variants = Object.entries(kb.platform.replies).flatMap(([key, list]) => (list ?? []).map((text, i): [string, string] => [`${key}#${i}`, text]));
      expect(variants).to.not.be.empty;
      for (const [id, text] of variants) {
        const filled = fillPlaceholders(text, values);
        expect(filled.missing, id).to.deep.equal([]);
        expectFilled([[id, filled.text]], 'reply');
      }
    });
  });
});
