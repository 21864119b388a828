import { pct, type SetMetrics } from './metrics';
import type { ConversationRun, TurnRun } from './run';

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Share of turns understood per class and set, as a grouped bar chart (inline SVG). */
export function classChart(runsBySet: ReadonlyMap<string, readonly ConversationRun[]>): string {
  const classes = [...new Set([...runsBySet.values()].flat().flatMap((r) => r.loaded.conversation.classes))].sort();
  const sets = [...runsBySet.keys()];
  const colours = ['#2f6fb5', '#e08a1e', '#4a9a5b'];
  const rate = (runs: readonly ConversationRun[], cls: string): number | null => {
    const turns = runs.filter((r) => r.loaded.conversation.classes.includes(cls as never)).flatMap((r) => r.turns).filter((t) => t.check.understood !== undefined);
    return turns.length ? turns.filter((t) => t.check.understood).length / turns.length : null;
  };
  const [left, top, barW, groupGap, height] = [40, 20, 16, 18, 220];
  const width = left + classes.length * (sets.length * barW + groupGap) + 20;
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height + 110}" font-family="sans-serif" font-size="11">`];
  for (const tick of [0, 0.25, 0.5, 0.75, 0.9, 1]) {
    const y = top + height * (1 - tick);
    parts.push(`<line x1="${left}" x2="${width - 10}" y1="${y}" y2="${y}" stroke="${tick === 0.9 ? '#c33' : '#ddd'}" ${tick === 0.9 ? 'stroke-dasharray="4 3"' : ''}/>`);
    parts.push(`<text x="${left - 4}" y="${y + 4}" text-anchor="end">${tick * 100}%</text>`);
  }
  classes.forEach((cls, i) => {
    const x0 = left + 8 + i * (sets.length * barW + groupGap);
    sets.forEach((set, j) => {
      const r = rate(runsBySet.get(set) ?? [], cls);
      if (r === null) return;
      const h = height * r;
      parts.push(`<rect x="${x0 + j * barW}" y="${top + height - h}" width="${barW - 2}" height="${h}" fill="${colours[j % colours.length]}"><title>${esc(set)} · ${esc(cls)}: ${(r * 100).toFixed(1)}%</title></rect>`);
    });
    parts.push(`<text transform="translate(${x0 + (sets.length * barW) / 2},${top + height + 12}) rotate(40)" >${esc(cls)}</text>`);
  });
  sets.forEach((set, j) => {
    parts.push(`<rect x="${left + j * 90}" y="${top + height + 80}" width="10" height="10" fill="${colours[j % colours.length]}"/><text x="${left + j * 90 + 14}" y="${top + height + 89}">${esc(set)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

function turnHtml(t: TurnRun): string {
  const said = t.turn.say !== undefined ? `“${esc(t.turn.say)}”` : `[pressed] ${esc(t.turn.press ?? '')}`;
  const problems = [...t.check.failures, ...t.askedAgain.map((n) => `asked again: ${n}`), ...t.placeholders.map((p) => `unfilled placeholder ${p}`), ...(t.unexpectedFallback ? ['asked to rephrase'] : [])];
  const read = t.trace ? `waiting for ${t.trace.pending ?? '?'} → ${t.trace.act ?? '?'} · ${t.trace.topic ?? '–'} · ${t.trace.decision ?? ''}` : 'no trace';
  return `<tr class="${problems.length ? 'bad' : ''}"><td>${t.index + 1}</td><td>${said}<div class="read">${esc(read)}</div></td><td>${t.replies.map((r) => `<div class="reply">${esc(r)}</div>`).join('')}</td><td>${problems.map((p) => `<div>${esc(p)}</div>`).join('')}</td></tr>`;
}

/** The HTML report: figures per set, the class chart, and every conversation with a failing turn in full. */
export function reportHtml(metrics: ReadonlyArray<[string, SetMetrics]>, runsBySet: ReadonlyMap<string, readonly ConversationRun[]>): string {
  const rows = metrics.map(([set, m]) => `<tr><td>${esc(set)}</td><td>${m.conversations}</td><td>${pct(m.understood, m.judged)} (${m.understood}/${m.judged})</td><td>${m.factsAskedAgain}</td><td>${m.unexpectedFallbacks}</td><td>${m.unfilledPlaceholders}</td><td>${pct(m.handoffsDone, m.handoffsDue)}</td><td>${pct(m.unwantedHandoffs, m.handoffsNotDue)}</td><td>${m.conversationsPassed}/${m.conversations}</td></tr>`);
  const failing = [...runsBySet.entries()].flatMap(([set, runs]) =>
    runs.filter((r) => r.turns.some((t) => t.check.failures.length || t.askedAgain.length || t.placeholders.length || t.unexpectedFallback)).map((r) => {
      const c = r.loaded.conversation;
      return `<section><h3>${esc(set)} · ${esc(c.id)}</h3><p>${esc(c.about)} <span class="file">${esc(r.loaded.file)} · ${esc(c.classes.join(', '))}</span></p><table class="turns"><tr><th>#</th><th>traveller (read as)</th><th>bot</th><th>what failed</th></tr>${r.turns.map(turnHtml).join('')}</table></section>`;
    }),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Conversation tests</title><style>
body{font-family:system-ui,sans-serif;margin:2rem;max-width:1200px}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left}
.turns td{font-size:13px}.bad{background:#fff1f0}.reply{white-space:pre-wrap;border-bottom:1px dotted #ddd;margin-bottom:4px}.read{color:#666;font-size:11px}.file{color:#888;font-size:12px}
</style></head><body><h1>Conversation tests</h1>
<table><tr><th>set</th><th>conversations</th><th>turns understood</th><th>facts asked again</th><th>fallbacks</th><th>unfilled placeholders</th><th>handoffs due done</th><th>handoffs not due</th><th>conversations passed</th></tr>${rows.join('')}</table>
<h2>Turns understood per class</h2>${classChart(runsBySet)}
<h2>Conversations with a failing turn (${failing.length})</h2>${failing.join('\n')}</body></html>`;
}
