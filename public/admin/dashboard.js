// The dashboard: the analytics of a period as figures and charts (each chart with a table of its numbers).
import { api } from './api.js';
import { barChart, hbarChart, lineChart } from './charts.js';
import { h, replace } from './dom.js';
import { toModel } from './analyticsModel.js';

const DAY_MS = 86_400_000;

/** @param {Date} d */
const isoDay = (d) => d.toISOString().slice(0, 10);
/** @param {number} n */
const pct = (n) => `${Math.round(n * 100)}%`;

/**
 * Renders the dashboard for the period in the form (default: the last 30 days).
 * @param {HTMLElement} main
 * @param {{ from?: string, to?: string }} [period]  ISO days, `to` inclusive in the form
 */
export async function renderDashboard(main, period = {}) {
  const today = new Date();
  const from = period.from ?? isoDay(new Date(today.getTime() - 29 * DAY_MS));
  const to = period.to ?? isoDay(today);
  // The API's `to` is exclusive: ask for the day after the last day shown.
  const { data } = await api('GET', '/analytics', { query: { from, to: isoDay(new Date(Date.parse(to) + DAY_MS)) } });
  const m = toModel(data);
  const fromInput = /** @type {HTMLInputElement} */ (h('input', { id: 'from', type: 'date', value: from, required: true }));
  const toInput = /** @type {HTMLInputElement} */ (h('input', { id: 'to', type: 'date', value: to, required: true }));
  const heading = h('h2', { tabindex: '-1', text: 'Dashboard' });

  replace(main, heading,
    h('form', { class: 'period', novalidate: true, onsubmit: (/** @type {Event} */ ev) => {
      ev.preventDefault();
      if (fromInput.value && toInput.value && fromInput.value <= toInput.value) void renderDashboard(main, { from: fromInput.value, to: toInput.value });
    } },
    h('div', { class: 'field' }, h('label', { for: 'from', text: 'From' }), fromInput),
    h('div', { class: 'field' }, h('label', { for: 'to', text: 'To (included)' }), toInput),
    h('button', { type: 'submit', class: 'button', text: 'Show' })),
    h('ul', { class: 'kpis', 'aria-label': 'Key figures' }, m.kpis.map((k) =>
      h('li', { class: 'kpi' }, h('span', { class: 'kpi__value', text: k.value }), h('span', { class: 'kpi__label', text: k.label }),
        k.hint ? h('span', { class: 'kpi__hint', text: k.hint }) : null))),
    h('div', { class: 'charts' },
      lineChart({ title: 'Conversations per day', labels: m.days,
        series: [{ name: 'conversations', values: m.daily.conversations }, { name: 'contained (no handoff)', values: m.daily.contained }, { name: 'handed off', values: m.daily.handoffs }] }),
      barChart({ title: 'Resolved by the bot per day', labels: m.days,
        series: [{ name: 'resolved by the bot (traveller confirmed)', values: m.daily.resolvedByBot }, { name: 'handed off', values: m.daily.handoffs, color: '#e07a3f' }] }),
      hbarChart({ title: 'Handoff reasons', labels: m.reasons.labels, series: [{ name: 'handoffs', values: m.reasons.values, color: '#e07a3f' }] }),
      hbarChart({ title: 'Resolved by the bot, per problem (cases)', labels: m.perProblem.labels, series: [{ name: 'resolved by the bot', values: m.perProblem.values }], format: pct, max: 1 }),
      hbarChart({ title: 'Success rate per strategy (steps tried)', labels: m.perStrategy.labels, series: [{ name: 'worked', values: m.perStrategy.values, color: '#2f7fc1' }], format: pct, max: 1 }),
      hbarChart({ title: 'Success rate per playbook step (tries)', labels: m.perStep.labels, series: [{ name: 'worked', values: m.perStep.values, color: '#5b4ea8' }], format: pct, max: 1 }),
      barChart({ title: 'Satisfaction: answers rated', labels: m.satisfaction.labels, series: [{ name: 'ratings', values: m.satisfaction.values, color: '#2f7fc1' }] }),
      lineChart({ title: 'Sentiment trend (mean per day, -1 to 1)', labels: m.days, min: -1, max: 1,
        series: [{ name: 'mean sentiment', values: m.daily.sentiment, color: '#5b4ea8' }], format: (n) => n.toFixed(2) })),
    h('p', { class: 'hint', text: 'Definitions (docs/analytics.md): contained = no handoff; resolved by the bot = the traveller confirmed it worked; durable = the follow-up confirmed it and no recontact within 7 days.' }));
  heading.focus();
}
