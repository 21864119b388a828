import { expect } from 'chai';
import fc from 'fast-check';
import { leastMs, repeatTo, TURN_FUNCTIONS } from '../../bench/lib/turnPath';

/**
 * Growth, not wall-clock: each function runs on an input and on the same input 8 times longer. Linear work
 * grows about 8x, quadratic 64x; the test allows 24x, so a loaded machine does not flake it and a quadratic
 * pattern cannot pass. Times are the least of 5 runs, measured up to 3 times; below 2 ms for the long input the ratio is noise and
 * the function passes (a quadratic pattern costs far more than that at 40,000 characters).
 */
const SHORT = 5_000;
const LONG = SHORT * 8;
const MAX_RATIO = 24;
const NOISE_FLOOR_MS = 2;
// Shorter times than this are mostly timer and JIT noise: the ratio is taken against at least this much.
const SHORT_FLOOR_MS = 0.5;
const ATTEMPTS = 3;

// Units built from the characters the patterns care about: near-misses of e-mails, numbers, cues and tags.
const unit = fc
  .array(fc.constantFrom('a', 'A', '1', '0', '@', '.', '-', '+', ' ', '(', ')', '/', '<', '>', '[', ']', '!', '?', '\n', 'é', 'passport ', 'cvv ', 'exp ', 'script', '<!--'), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(''));

describe('turn-path text functions (issue 12, finding 2)', () => {
  // The NLU reads only the first 2,000 characters (readMessage); the bounded ones are timed there by npm run bench:adversarial.
  for (const f of TURN_FUNCTIONS.filter((x) => x.growth === 'linear')) {
    describe(`${f.name}()`, () => {
      it('should take time linear in the input length on repeated adversarial units (8x longer: under 24x the time)', () => {
        f.run(repeatTo('warm up 020 7946 0958 a@b.co <b>x</b>', SHORT));
        fc.assert(
          fc.property(unit, (u) => {
            const short = repeatTo(u, SHORT);
            const long = repeatTo(u, LONG);
            // A busy machine can slow every run of one measurement; quadratic work is slow in every attempt.
            let worst = '';
            for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
              const shortMs = leastMs(() => f.run(short), 5);
              const longMs = leastMs(() => f.run(long), 5);
              if (longMs < NOISE_FLOOR_MS || longMs / Math.max(shortMs, SHORT_FLOOR_MS) < MAX_RATIO) return;
              worst = `unit ${JSON.stringify(u)}: ${shortMs.toFixed(2)} ms -> ${longMs.toFixed(2)} ms`;
            }
            expect.fail(`over ${MAX_RATIO}x in ${ATTEMPTS} attempts; last ${worst}`);
          }),
          { numRuns: 40, seed: 12, endOnFailure: true },
        );
      });
    });
  }
});
