import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { isAppError } from '../../src/shared/errors';
import { removeDir, SHIPPED_KB_DIR, startApp, tempDataDir } from '../helpers/testApp';

interface Health {
  status: string;
  knowledgeBase: { version: number | string; warnings?: string[] };
}

describe('corrupted knowledge base files at start-up', () => {
  let dataDir: string;
  let kbDir: string;
  beforeEach(() => {
    dataDir = tempDataDir();
    kbDir = path.join(tempDataDir(), 'knowledge');
    cpSync(SHIPPED_KB_DIR, kbDir, { recursive: true });
  });
  afterEach(() => {
    removeDir(dataDir);
    removeDir(path.dirname(kbDir));
  });

  it('should serve the last good published version and say why on /healthz', async function () {
    this.timeout(30_000);
    const first = await startApp({ DATA_DIR: dataDir, KB_DIR: kbDir });
    const published = ((await (await fetch(`${first.url}/healthz`)).json()) as Health).knowledgeBase.version;
    await first.stop();

    writeFileSync(path.join(kbDir, 'faqs', 'refunds.yaml'), 'faqs:\n  - id: [unclosed\n    questions: {{{\n');
    const second = await startApp({ DATA_DIR: dataDir, KB_DIR: kbDir });
    try {
      const res = await fetch(`${second.url}/healthz`);
      const health = (await res.json()) as Health;
      expect(res.status, 'a broken file does not take the bot down').to.equal(200);
      expect(health.knowledgeBase.version).to.equal(published);
      expect(health.knowledgeBase.warnings?.[0]).to.match(/invalid.*last published version is serving/);
      expect(health.knowledgeBase.warnings?.join('\n')).to.include('refunds.yaml');
      const answer = await second.client().post(second.client().activity({ type: 'message', text: 'how long does a refund take?' }));
      expect(answer.status).to.equal(200);
    } finally {
      await second.stop();
    }
  });

  it('should carry no warnings when the files are valid', async function () {
    this.timeout(30_000);
    const app = await startApp({ DATA_DIR: dataDir, KB_DIR: kbDir });
    await app.stop();
    const again = await startApp({ DATA_DIR: dataDir, KB_DIR: kbDir });
    try {
      expect(((await (await fetch(`${again.url}/healthz`)).json()) as Health).knowledgeBase).not.to.have.property('warnings');
    } finally {
      await again.stop();
    }
  });

  it('should refuse to start on a fresh install, with every problem listed, when there is no good version', async () => {
    writeFileSync(path.join(kbDir, 'faqs', 'refunds.yaml'), 'faqs:\n  - id: [unclosed\n');
    const error = await startApp({ DATA_DIR: dataDir, KB_DIR: kbDir }).then(() => null, (e: unknown) => e);
    expect(isAppError(error) && error.code).to.equal('INVALID_KB');
    expect((error as Error).message).to.include('refunds.yaml');
  });
});
