// Charts drawn as inline SVG, no library: each is a <figure> with a title and description read by screen
// readers, a legend, and the same numbers as a table (a fallback and an exact reading).
import { h, newId, s } from './dom.js';

/** @typedef {{ name: string, values: Array<number | null>, color?: string }} Series */
/**
 * @typedef {{ title: string, description?: string, labels: string[], series: Series[],
 *   format?: (n: number) => string, min?: number, max?: number }} ChartData
 */

export const COLORS = ['#0b6e69', '#e07a3f', '#5b4ea8', '#2f7fc1', '#8a8f98', '#c0392b'];
const W = 560;
const H = 240;
const M = { top: 14, right: 18, bottom: 34, left: 46 };

/**
 * Tick values spanning [min, max] with a round step.
 * @param {number} min @param {number} max @param {number} [count] @param {boolean} [integer]
 */
export function ticks(min, max, count = 4, integer = false) {
  const span = max - min || 1;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const nice = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((st) => st >= raw) ?? raw;
  // Counts have no quarter conversations.
  const step = integer ? Math.max(1, Math.ceil(nice)) : nice;
  const lo = Math.floor(min / step) * step;
  const out = [];
  for (let v = lo; v <= max + step * 0.999; v += step) out.push(Number(v.toFixed(10)));
  return out;
}

/** @param {ChartData} d */
function scaleY(d) {
  const all = d.series.flatMap((x) => x.values).filter((v) => typeof v === 'number');
  const t = ticks(d.min ?? Math.min(0, ...all), d.max ?? Math.max(1, ...all), 4, !d.format && all.every((v) => Number.isInteger(v)));
  const lo = t[0];
  const hi = t[t.length - 1];
  return { t, y: (/** @type {number} */ v) => M.top + (H - M.top - M.bottom) * (1 - (v - lo) / (hi - lo || 1)) };
}

/** @param {ChartData} d @param {(v: number) => number} y @param {number[]} t @param {number} slot @param {(i: number) => number} x */
function axes(d, y, t, slot, x) {
  const fmt = d.format ?? String;
  const every = Math.max(1, Math.ceil(d.labels.length / 8));
  return [
    t.map((v) => s('g', { class: 'chart__grid' },
      s('line', { x1: M.left, x2: W - M.right, y1: y(v), y2: y(v), stroke: '#e3e6ea' }),
      s('text', { x: M.left - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'chart__tick', text: fmt(v) }))),
    // Every `every`-th label, and the last one unless it would touch the one before it.
    d.labels.map((label, i) => (i % every === 0 || (i === d.labels.length - 1 && i % every >= every / 2)) && slot > 0
      ? s('text', { x: x(i), y: H - M.bottom + 16, 'text-anchor': 'middle', class: 'chart__tick', text: label }) : null),
  ];
}

/**
 * A line chart (one line per series) over the labels.
 * @param {ChartData} d
 */
export function lineChart(d) {
  const { t, y } = scaleY(d);
  const n = d.labels.length;
  const x = (/** @type {number} */ i) => M.left + (n <= 1 ? (W - M.left - M.right) / 2 : ((W - M.left - M.right) * i) / (n - 1));
  const fmt = d.format ?? String;
  const lines = d.series.map((ser, k) => {
    const color = ser.color ?? COLORS[k % COLORS.length];
    const pts = ser.values.map((v, i) => (typeof v === 'number' ? [x(i), y(v), v, i] : null)).filter((p) => p !== null);
    const path = pts.map((p, j) => `${j ? 'L' : 'M'}${p[0].toFixed(1)},${p[1].toFixed(1)}`).join(' ');
    return s('g', { class: 'chart__series', 'data-series': ser.name },
      s('path', { d: path, fill: 'none', stroke: color, 'stroke-width': 2.5, 'stroke-linejoin': 'round' }),
      pts.map((p) => s('circle', { cx: p[0], cy: p[1], r: n > 40 ? 2 : 3.5, fill: color },
        s('title', { text: `${d.labels[p[3]]}: ${ser.name} ${fmt(p[2])}` }))));
  });
  return figure(d, [axes(d, y, t, 1, x), lines]);
}

/**
 * A vertical bar chart (bars of the series side by side per label).
 * @param {ChartData} d
 */
export function barChart(d) {
  const { t, y } = scaleY(d);
  const n = Math.max(1, d.labels.length);
  const slot = (W - M.left - M.right) / n;
  const bw = Math.max(1.5, (slot * 0.75) / d.series.length);
  const x = (/** @type {number} */ i) => M.left + slot * i + slot / 2;
  const fmt = d.format ?? String;
  const zero = y(Math.max(t[0], 0));
  const bars = d.series.map((ser, k) => s('g', { class: 'chart__series', 'data-series': ser.name },
    ser.values.map((v, i) => (typeof v === 'number' ? s('rect', {
      x: x(i) - (bw * d.series.length) / 2 + bw * k, y: Math.min(y(v), zero), width: bw - 1, height: Math.max(1, Math.abs(zero - y(v))),
      fill: ser.color ?? COLORS[k % COLORS.length], class: 'chart__bar',
    }, s('title', { text: `${d.labels[i]}: ${ser.name} ${fmt(v)}` })) : null))));
  return figure(d, [axes(d, y, t, slot, x), bars]);
}

/**
 * Horizontal bars, one per label (long labels such as problem titles or handoff reasons).
 * @param {ChartData} d
 */
export function hbarChart(d) {
  const ser = d.series[0] ?? { name: '', values: [] };
  const fmt = d.format ?? String;
  const row = 28;
  const labelW = 200;
  const height = Math.max(row, d.labels.length * row) + 8;
  const max = d.max ?? Math.max(1e-9, ...ser.values.map((v) => v ?? 0));
  const barMax = W - labelW - 76;
  const rows = d.labels.map((label, i) => {
    const raw = ser.values[i];
    const v = raw ?? 0;
    const shown = raw === null || raw === undefined ? 'no data' : fmt(v);
    const yy = 4 + i * row;
    return s('g', { class: 'chart__row' },
      s('text', { x: labelW - 8, y: yy + 17, 'text-anchor': 'end', class: 'chart__label', text: label.length > 26 ? `${label.slice(0, 25)}…` : label }),
      s('rect', { x: labelW, y: yy + 4, width: Math.max(1, (barMax * v) / max), height: row - 8, rx: 3, fill: ser.color ?? COLORS[0], class: 'chart__bar' },
        s('title', { text: `${label}: ${shown}` })),
      s('text', { x: labelW + Math.max(1, (barMax * v) / max) + 6, y: yy + 17, class: 'chart__value', text: shown }));
  });
  return figure(d, rows, height);
}

/**
 * @param {ChartData} d
 * @param {Array<unknown>} content
 * @param {number} [height]
 */
function figure(d, content, height = H) {
  const titleId = newId('chart-title');
  const descId = newId('chart-desc');
  const fmt = d.format ?? String;
  // Zero is data (0% resolved, no conversations that day); only missing values are not.
  const empty = d.labels.length === 0 || d.series.every((x) => x.values.every((v) => v === null || v === undefined));
  if (empty) height = 56;
  const svg = s('svg', { viewBox: `0 0 ${W} ${height}`, role: 'img', 'aria-labelledby': `${titleId} ${descId}`, class: 'chart__svg', 'data-points': String(d.labels.length) },
    s('title', { id: titleId, text: d.title }),
    s('desc', { id: descId, text: d.description ?? summary(d) }),
    empty ? s('text', { x: W / 2, y: height / 2 + 5, 'text-anchor': 'middle', class: 'chart__empty', text: 'No data for this period' })
      : /** @type {any} */ (content));
  const legend = d.series.length > 1 ? h('ul', { class: 'chart__legend' }, d.series.map((ser, k) =>
    h('li', {}, h('span', { class: `swatch swatch--${k % COLORS.length}`, 'aria-hidden': 'true' }), ser.name))) : null;
  const table = h('table', {},
    h('caption', { text: d.title }),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: '' }), d.series.map((ser) => h('th', { scope: 'col', text: ser.name || 'value' })))),
    h('tbody', {}, d.labels.map((label, i) => h('tr', {}, h('th', { scope: 'row', text: label }),
      d.series.map((ser) => h('td', { text: typeof ser.values[i] === 'number' ? fmt(/** @type {number} */ (ser.values[i])) : '–' }))))));
  return h('figure', { class: 'chart' },
    h('figcaption', { class: 'chart__title', text: d.title }), svg, legend,
    h('details', { class: 'chart__table' }, h('summary', { text: 'Show the numbers as a table' }), table));
}

/** @param {ChartData} d */
function summary(d) {
  const fmt = d.format ?? String;
  return d.series.map((ser) => {
    const vals = ser.values.filter((v) => typeof v === 'number');
    if (!vals.length) return `${ser.name}: no data`;
    return `${ser.name || d.title}: ${vals.length} values from ${fmt(Math.min(...vals))} to ${fmt(Math.max(...vals))}`;
  }).join('; ');
}
