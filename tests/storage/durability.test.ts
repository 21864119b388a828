import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { systemClock } from '../../src/shared/clock';
import { silentLogger } from '../../src/shared/logger';
import { createStores } from '../../src/storage';

describe('SQLite adapter durability', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(path.join(tmpdir(), 'rebound-durability-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  describe('createStores()', () => {
    it('should keep every acknowledged turn and case after the writer is killed with SIGKILL mid-burst', async () => {
      const child = spawn(process.execPath, ['--require', 'tsx/cjs', path.join(__dirname, 'durabilityWriter.ts'), dir], { stdio: ['ignore', 'pipe', 'inherit'] });
      let lastAck = -1;
      let buffer = '';
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
      await new Promise<void>((resolve) => {
        child.stdout.on('data', (chunk: Buffer) => {
          buffer += chunk.toString();
          const lines = buffer.split('\n');
          buffer = lines.pop() ?? '';
          for (const line of lines) lastAck = Number(line.split(' ')[1]);
          if (lastAck >= 150) {
            child.kill('SIGKILL');
            resolve();
          }
        });
      });
      expect(await exited).to.equal('SIGKILL');
      const stores = await createStores({ dataDir: dir }, { clock: systemClock, logger: silentLogger });
      try {
        const keys = Array.from({ length: lastAck + 1 }, (_v, i) => `webchat/conversations/c${i}`);
        const state = await stores.state.read(keys);
        expect(keys.filter((k) => !state[k])).to.deep.equal([]);
        expect(await stores.transcripts.list(`c${lastAck}`)).to.have.length(1);
        const cases = await stores.cases.list('open', { limit: 10_000 });
        expect(cases.length).to.be.at.least(Math.floor(lastAck / 10) + 1);
      } finally {
        await stores.close();
      }
    });
  });
});
