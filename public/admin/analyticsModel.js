// Turns the analytics answer (GET /api/admin/analytics, definitions in docs/analytics.md) into what the dashboard
// draws: key figures and chart series.

/** @param {unknown} v */
const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
/** @param {unknown} n */
const pct = (n) => (num(n) === null ? '–' : `${Math.round(Number(n) * 100)}%`);
/** @param {unknown} m minutes */
const minutes = (m) => {
  const v = num(m);
  return v === null ? '–' : v < 1 ? `${Math.round(v * 60)} s` : v < 90 ? `${Math.round(v)} min` : `${(v / 60).toFixed(1)} h`;
};
/** @param {unknown} n @param {string} what */
const of = (n, what) => (num(n) === null ? undefined : `${n} ${what}`);

/** @typedef {{ labels: string[], values: Array<number | null> }} Bars */
/**
 * @typedef {{ kpis: Array<{ label: string, value: string, hint?: string }>, days: string[],
 *   daily: Record<'conversations' | 'contained' | 'handoffs' | 'resolvedByBot' | 'sentiment', Array<number | null>>,
 *   reasons: Bars, perProblem: Bars, perStrategy: Bars, perStep: Bars, satisfaction: Bars }} DashboardModel
 */

/**
 * @param {any} a the body of GET /api/admin/analytics
 * @returns {DashboardModel}
 */
export function toModel(a) {
  a = a ?? {};
  const series = /** @type {any[]} */ (a.series ?? []);
  const reasons = Object.entries(a.handoffs?.reasons ?? {}).sort((x, y) => Number(y[1]) - Number(x[1]));
  const problems = /** @type {any[]} */ (a.problems ?? []).slice().sort((x, y) => y.cases - x.cases);
  const strategies = /** @type {any[]} */ (a.strategies ?? []).slice().sort((x, y) => String(x.strategy).localeCompare(String(y.strategy)));
  // The most tried steps first; a long tail of one-off steps says little.
  const steps = /** @type {any[]} */ (a.steps ?? []).slice().sort((x, y) => (y.succeeded + y.failed) - (x.succeeded + x.failed)).slice(0, 15);
  const sat = a.satisfaction ?? {};
  const durable = a.durableResolution ?? {};
  return {
    kpis: [
      { label: 'conversations', value: String(num(a.conversations) ?? 0) },
      { label: 'contained (no handoff)', value: pct(a.contained?.rate), hint: of(a.contained?.count, 'conversations') },
      { label: 'resolved by the bot', value: pct(a.cases?.botResolutionRate), hint: `traveller confirmed; ${a.cases?.resolvedByBot ?? 0} of ${a.cases?.opened ?? 0} cases` },
      { label: 'durable resolution', value: pct(durable.rate), hint: `no recontact in 7 days; ${durable.durable ?? 0} of ${durable.eligible ?? 0}, ${durable.pending ?? 0} pending` },
      { label: 'handoff rate', value: pct(a.handoffs?.rate), hint: of(a.handoffs?.count, 'handoff(s)') },
      { label: 'time to claim (median)', value: minutes(a.timeToClaim?.medianMinutes), hint: `90% within ${minutes(a.timeToClaim?.p90Minutes)}` },
      { label: 'time to resolve (median)', value: minutes(a.timeToResolve?.agent?.medianMinutes), hint: `by an agent; by the bot ${minutes(a.timeToResolve?.bot?.medianMinutes)}` },
      { label: 'answers found helpful', value: pct(sat.helpfulRate), hint: `${sat.helpful ?? 0} helpful, ${sat.unhelpful ?? 0} not` },
      { label: 'sentiment (mean)', value: num(a.sentiment?.mean) === null ? '–' : Number(a.sentiment.mean).toFixed(2), hint: `-1 to 1, over ${a.sentiment?.messages ?? 0} message(s)` },
    ],
    days: series.map((d) => String(d.date).slice(5)),
    daily: {
      conversations: series.map((d) => num(d.conversations)),
      contained: series.map((d) => num(d.contained)),
      handoffs: series.map((d) => num(d.handoffs)),
      resolvedByBot: series.map((d) => num(d.resolvedByBot)),
      sentiment: series.map((d) => num(d.sentiment)),
    },
    reasons: { labels: reasons.map(([k]) => k.replace(/_/g, ' ')), values: reasons.map(([, v]) => Number(v)) },
    perProblem: { labels: problems.map((p) => `${p.problemId} (${p.cases})`), values: problems.map((p) => num(p.botResolutionRate)) },
    perStrategy: { labels: strategies.map((s) => `${s.strategy} (${s.succeeded + s.failed})`), values: strategies.map((s) => num(s.successRate)) },
    perStep: { labels: steps.map((s) => `${s.problemId} · ${s.stepId} (${s.succeeded + s.failed})`), values: steps.map((s) => num(s.successRate)) },
    // No ratings at all is "no data", not two zero bars.
    satisfaction: { labels: ['helpful', 'not helpful'], values: (sat.helpful ?? 0) + (sat.unhelpful ?? 0) > 0 ? [num(sat.helpful) ?? 0, num(sat.unhelpful) ?? 0] : [null, null] },
  };
}
