// @ts-check
// The top of the case view: everything the bot gathered, so the agent never asks the traveller to repeat it.
import { formatTime, h } from './dom.js';

/** @typedef {import('./api.js').CaseDetail} CaseDetail */

const OUTCOME_LABEL = { succeeded: 'worked', failed: 'did not work', skipped: 'skipped', pending: 'no answer yet' };

/**
 * The gathered-context panel of a case.
 * @param {CaseDetail} detail
 * @returns {HTMLElement}
 */
export function renderContext(detail) {
  const c = detail.case;
  const summary = detail.summary ?? c.summary;
  const facts = Object.entries(summary.facts ?? {});
  return h('section', { className: 'context', 'aria-labelledby': 'context-title' },
    h('h3', { id: 'context-title', className: 'context__title' }, summary.title || 'Asked for a person'),
    h('dl', { className: 'context__grid' },
      term('Problem', summary.problemId ? summary.problemId.replace(/_/g, ' ') : 'not identified (asked for a person at once)'),
      term('Why a person', c.handoffReason ? c.handoffReason.replace(/_/g, ' ') : 'n/a'),
      term('Wished outcome', summary.wishedOutcome || 'not said'),
      term('Sentiment', sentiment(summary.sentimentTrend ?? []))),
    h('div', { className: 'context__columns' },
      h('div', {},
        h('h4', {}, 'Facts'),
        facts.length
          ? h('dl', { className: 'facts' }, ...facts.flatMap(([k, v]) => [h('dt', {}, k.replace(/_/g, ' ')), h('dd', {}, v)]))
          : h('p', { className: 'muted' }, 'No facts gathered.')),
      h('div', {},
        h('h4', {}, 'Strategies tried'),
        summary.steps?.length
          ? h('ol', { className: 'steps' }, ...summary.steps.map((s) =>
            h('li', { className: `step step--${s.outcome}` },
              h('span', { className: 'step__strategy' }, s.strategy),
              ` ${s.stepId.replace(/_/g, ' ')}: `,
              h('strong', {}, OUTCOME_LABEL[s.outcome] ?? s.outcome),
              s.note ? h('span', { className: 'muted' }, ` (${s.note})`) : null,
              h('time', { className: 'muted', dateTime: s.at }, ` ${formatTime(s.at)}`))))
          : h('p', { className: 'muted' }, 'The bot tried no recovery step.'),
        summary.remedies?.length
          ? h('p', { className: 'muted' }, `Offered by the bot: ${summary.remedies.map((r) => `${r.remedyId}${r.amount !== undefined ? ` ${r.amount} ${r.currency ?? ''}` : ''} (${r.accepted === true ? 'accepted' : r.accepted === false ? 'declined' : 'no answer'})`).join(', ')}`)
          : null)));
}

/**
 * @param {string} label
 * @param {Node | string} value
 */
function term(label, value) {
  const wrap = h('div', { className: 'context__term' }, h('dt', {}, label), h('dd', {}, value));
  return wrap;
}

/**
 * The sentiment trend as small bars (one per traveller message) and a word.
 * @param {number[]} trend
 * @returns {HTMLElement}
 */
export function sentiment(trend) {
  if (!trend.length) return h('span', { className: 'muted' }, 'no messages scored');
  const first = trend[0];
  const last = trend[trend.length - 1];
  const word = last < -0.5 ? 'upset' : last < -0.1 ? 'unhappy' : last > 0.2 ? 'positive' : 'neutral';
  const direction = trend.length < 2 || Math.abs(last - first) < 0.15 ? 'steady' : last > first ? 'improving' : 'worsening';
  const bars = h('span', { className: 'spark', 'aria-hidden': 'true' });
  for (const score of trend.slice(-12)) {
    const bar = h('span', { className: score < 0 ? 'spark__bar spark__bar--neg' : 'spark__bar' });
    // CSSOM, not a style attribute: allowed by the strict CSP.
    bar.style.height = `${Math.round(20 + Math.abs(score) * 80)}%`;
    bars.append(bar);
  }
  return h('span', { className: 'sentiment', title: trend.map((s) => s.toFixed(2)).join(' → ') }, bars, ` ${word}, ${direction} (${last.toFixed(2)})`);
}
