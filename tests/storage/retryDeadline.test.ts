import { expect } from 'chai';
import { silentLogger } from '../../src/shared/logger';
import { withDeadline, withRetry } from '../../src/storage/sql/retry';
import { expectAppError } from './contracts/harness';

const NEVER = () => new Promise<never>(() => undefined);
const FAST_RETRY = { attempts: 10, baseDelayMs: 1, maxDelayMs: 2 };

describe('withRetry()', () => {
  it('should give up with STORAGE_UNAVAILABLE when an attempt never settles, at the deadline', async () => {
    const err = await expectAppError(withRetry(NEVER, FAST_RETRY, silentLogger, 30), 'STORAGE_UNAVAILABLE');
    expect(err.message).to.match(/did not answer within 30 ms/);
  });

  it('should stop retrying transient failures at the deadline, however many attempts are left', async () => {
    let attempts = 0;
    const refused = async () => {
      attempts += 1;
      throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    };
    await expectAppError(withRetry(refused, { attempts: 1000, baseDelayMs: 5, maxDelayMs: 5 }, silentLogger, 40), 'STORAGE_UNAVAILABLE');
    expect(attempts).to.be.within(2, 20);
  });

  it('should hand each attempt the time left', async () => {
    const seen: number[] = [];
    await withRetry(async (left) => void seen.push(left), FAST_RETRY, silentLogger, 1000);
    expect(seen).to.have.length(1);
    expect(seen[0]).to.be.within(900, 1000);
  });
});

describe('withDeadline()', () => {
  it('should let an answer that is already there win over the deadline', async () => {
    expect(await withDeadline(Promise.resolve('row'), 1)).to.equal('row');
  });

  it('should reject at once when no time is left', async () => {
    await expectAppError(withDeadline(NEVER(), 0, 50), 'STORAGE_UNAVAILABLE');
  });
});
