// The cost of the metrics (issue 16), for `npm run bench:turn`: the same turns on two apps, one with
// METRICS_ENABLED=true (the default) and one with false, interleaved conversation by conversation so that
// drift (JIT warm-up, GC, the disk) falls on both alike.

/** One turn's wall time and the CPU time the process spent during it. */
export interface TurnSample {
  ms: number;
  cpuMs: number;
}

/** Samples of the apps, per kind of turn: metrics on, metrics off, and a second app without metrics (the noise floor). */
export interface SideBySide {
  on: { faq: TurnSample[]; recovery: TurnSample[] };
  off: { faq: TurnSample[]; recovery: TurnSample[] };
  control: { faq: TurnSample[]; recovery: TurnSample[] };
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
/** The mean of the middle 80%: one GC pause or a neighbour's burst on the machine does not decide the ratio. */
const trimmedMean = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const cut = Math.floor(sorted.length / 10);
  return mean(sorted.slice(cut, sorted.length - cut));
};
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

/** Rows of the comparison: per kind of turn, wall and CPU time with metrics on and off, and their ratio. */
export function metricsCostRows(samples: SideBySide): string[][] {
  const kinds: Array<[string, TurnSample[], TurnSample[]]> = [
    ['FAQ answer', samples.on.faq, samples.off.faq],
    ['recovery step', samples.on.recovery, samples.off.recovery],
    ['all', [...samples.on.faq, ...samples.on.recovery], [...samples.off.faq, ...samples.off.recovery]],
  ];
  return kinds.map(([name, on, off]) => {
    const wallOn = trimmedMean(on.map((s) => s.ms));
    const wallOff = trimmedMean(off.map((s) => s.ms));
    const cpuOn = trimmedMean(on.map((s) => s.cpuMs));
    const cpuOff = trimmedMean(off.map((s) => s.cpuMs));
    return [
      name,
      String(on.length),
      wallOff.toFixed(2),
      wallOn.toFixed(2),
      ratio(wallOn, wallOff),
      median(off.map((s) => s.ms)).toFixed(2),
      median(on.map((s) => s.ms)).toFixed(2),
      cpuOff.toFixed(2),
      cpuOn.toFixed(2),
      ratio(cpuOn, cpuOff),
    ];
  });
}

/** The header of metricsCostRows. */
export const METRICS_COST_HEADER = ['turns', 'count', 'off ms', 'on ms', 'on/off', 'off p50', 'on p50', 'off CPU ms', 'on CPU ms', 'CPU on/off'];

/** on / off as a percentage, e.g. "101.8%". */
export function ratio(on: number, off: number): string {
  return `${((on / off) * 100).toFixed(1)}%`;
}

/**
 * The verdict lines: within 5% or not, on the (trimmed) mean wall time of all turns, next to the noise floor (two
 * apps without metrics, compared the same way: what this machine cannot tell apart).
 */
export function metricsCostVerdict(samples: SideBySide): string {
  const all = (side: { faq: TurnSample[]; recovery: TurnSample[] }) => trimmedMean([...side.faq, ...side.recovery].map((s) => s.ms));
  const [on, off, control] = [all(samples.on), all(samples.off), all(samples.control)];
  const within = on / off <= 1.05;
  return [
    `Noise floor: a second app without metrics took ${ratio(control, off)} of the first's time (the same comparison, nothing changed).`,
    `Target: metrics cost at most 5% of the bot's own time per turn: ${within ? 'met' : 'NOT met'} (${ratio(on, off)} of the time without metrics).`,
  ].join('\n');
}
