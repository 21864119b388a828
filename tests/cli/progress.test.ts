import { expect } from 'chai';
import { ProgressBar } from '../../src/cli/eval/progress';

/** A stream that records what is written, as a terminal or as a log file. */
function stream(isTTY: boolean): { out: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  const out = { isTTY, write: (chunk: string) => written.push(chunk) > 0 } as unknown as NodeJS.WriteStream;
  return { out, written };
}

describe('ProgressBar', () => {
  it('should write one plain line per quarter, per label, when the output is a log', () => {
    const { out, written } = stream(false);
    const bar = new ProgressBar(out);
    for (const f of [0, 0.1, 0.3, 0.4, 0.6, 0.99, 1]) bar.update('train ', f);
    bar.done();
    bar.update('predict', 0.5);
    expect(written).to.deep.equal(['train: 0%\n', 'train: 25%\n', 'train: 50%\n', 'train: 75%\n', 'train: 100%\n', 'predict: 50%\n']);
  });

  it('should redraw one line in place on a terminal and end it with [done]', () => {
    const { out, written } = stream(true);
    const bar = new ProgressBar(out);
    bar.update('train', 1);
    bar.done();
    expect(written[0]).to.match(/^\rtrain\s+\[#{30}\] 100%$/);
    expect(written[1]).to.match(/^\rtrain\s+\[done\]\s*\n$/);
  });

  it('should write nothing when disabled', () => {
    const { out, written } = stream(true);
    const bar = new ProgressBar(out, false);
    bar.update('train', 0.5);
    bar.done();
    expect(written).to.deep.equal([]);
  });
});
