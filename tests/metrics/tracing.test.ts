import { expect } from 'chai';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { createOtlpTracer } from '../../src/metrics/otlpTracer';
import { noopTracer } from '../../src/metrics/tracing';
import { textOf } from '../helpers/botClient';
import { removeDir, startApp, tempDataDir } from '../helpers/testApp';

/** Keeps what it is sent, also after shutdown (the SDK's InMemorySpanExporter forgets its spans on shutdown). */
class KeepingExporter implements SpanExporter {
  readonly spans: ReadableSpan[] = [];
  export(spans: ReadableSpan[], done: (result: { code: 0 }) => void): void {
    this.spans.push(...spans);
    done({ code: 0 });
  }
  async shutdown(): Promise<void> {}
}

describe('traces of a turn', () => {
  it('should make a turn span with the case reference, and child spans for the NLU and storage, with no personal data', async function () {
    this.timeout(30_000);
    const exporter = new KeepingExporter();
    const tracer = await createOtlpTracer({ endpoint: 'http://127.0.0.1:9', serviceName: 'rebound-test', serviceVersion: 't', exporter });
    const dataDir = tempDataDir();
    const running = await startApp({ DATA_DIR: dataDir }, { tracer });
    const client = running.client({ userId: 'anna-schmidt-42' });
    let reference: string | undefined;
    try {
      await client.say('I want to talk to a person, my email is anna.schmidt@gmail.com');
      reference = /RB-[0-9A-Z]{6}/.exec((await client.say('status')).map(textOf).join('\n'))?.[0];
      expect(reference, 'the case reference').to.be.a('string');
    } finally {
      // Stopping shuts the tracer down, which exports what was buffered.
      await running.stop();
      removeDir(dataDir);
    }
    const spans: ReadableSpan[] = exporter.spans;
    const turns = spans.filter((s) => s.name === 'rebound.turn');
    expect(turns).to.have.length(2);
    expect(turns.map((t) => t.attributes['rebound.case_reference'])).to.deep.equal([reference, reference]);
    expect(turns[0]!.attributes).to.include({ 'rebound.channel': 'test', 'rebound.outcome': 'handoff' });
    const first = turns[0]!.spanContext().traceId;
    const children = spans.filter((s) => s.spanContext().traceId === first && s.name !== 'rebound.turn');
    expect(children.map((s) => s.name)).to.include.members(['nlu.understand', 'storage state.read', 'storage state.write', 'storage cases.create']);
    expect(children.every((s) => s.parentSpanContext?.spanId !== undefined)).to.equal(true);
    const everything = JSON.stringify(spans.map((s) => ({ name: s.name, attributes: s.attributes, status: s.status, events: s.events })));
    for (const personal of ['anna', 'schmidt', 'gmail', client.conversationId]) expect(everything).to.not.include(personal);
  });

  it('should make no span outside a turn, and none at all when traces are off', async () => {
    const exporter = new KeepingExporter();
    const tracer = await createOtlpTracer({ endpoint: 'http://127.0.0.1:9', serviceName: 'rebound-test', serviceVersion: 't', exporter });
    expect(tracer.span('storage state.read', 'child', {}, () => 7)).to.equal(7);
    await tracer.shutdown();
    expect(exporter.spans).to.deep.equal([]);
    expect(noopTracer.span('rebound.turn', 'root', {}, () => 'ran')).to.equal('ran');
    expect(noopTracer.enabled).to.equal(false);
  });
});
