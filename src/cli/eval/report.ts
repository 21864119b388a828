import type { EvalOutcome } from './evaluate';
import { formatOutcome } from './format';

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A confusion heat map as inline SVG, restricted to the labels most involved in errors (a full
 * 150 x 150 matrix is unreadable): rows are expected labels, columns predicted ones.
 */
export function confusionSvg(outcome: EvalOutcome, maxLabels = 25): string {
  const errors = new Map<string, number>();
  for (const p of outcome.points) {
    if (p.gold === p.predicted) continue;
    errors.set(p.gold, (errors.get(p.gold) ?? 0) + 1);
  }
  const labels = [...new Set([...errors].sort((a, b) => b[1] - a[1]).map(([l]) => l).slice(0, maxLabels).concat(['oos']))];
  const index = new Map(labels.map((l, i) => [l, i]));
  const threshold = outcome.metrics.threshold;
  const cells = labels.map(() => labels.map(() => 0));
  for (const p of outcome.points) {
    const predicted = p.confidence < threshold || p.confidence === 0 ? 'oos' : p.predicted;
    const r = index.get(p.gold);
    const c = index.get(predicted);
    if (r !== undefined && c !== undefined) cells[r][c] += 1;
  }
  const max = Math.max(1, ...cells.flat());
  const size = 18;
  const margin = 180;
  const width = margin + labels.length * size + 10;
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${width}" font-family="sans-serif" font-size="10">`];
  labels.forEach((l, i) => {
    parts.push(`<text x="${margin - 4}" y="${margin + i * size + 13}" text-anchor="end">${esc(l)}</text>`);
    parts.push(`<text transform="translate(${margin + i * size + 12},${margin - 4}) rotate(-60)">${esc(l)}</text>`);
  });
  cells.forEach((row, r) => row.forEach((n, c) => {
    const shade = n === 0 ? '#f7f7f7' : r === c ? `rgba(30,120,60,${0.2 + (0.8 * n) / max})` : `rgba(200,40,40,${0.2 + (0.8 * n) / max})`;
    parts.push(`<rect x="${margin + c * size}" y="${margin + r * size}" width="${size - 1}" height="${size - 1}" fill="${shade}"><title>${esc(labels[r])} -> ${esc(labels[c])}: ${n}</title></rect>`);
  }));
  parts.push('</svg>');
  return parts.join('');
}

/** The self-contained HTML report (no CDN, no script). */
export function reportHtml(outcome: EvalOutcome): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Rebound NLU evaluation</title>
<style>body{font-family:sans-serif;margin:2em;max-width:1100px}pre{background:#f4f4f4;padding:1em}</style></head><body>
<h1>Rebound NLU evaluation</h1><pre>${esc(formatOutcome(outcome))}</pre>
<h2>Confusion chart</h2><p>Expected label (rows) against predicted label (columns), for the labels with the most errors; green: correct, red: confused; out-of-scope at the chosen threshold.</p>
${confusionSvg(outcome)}</body></html>\n`;
}
