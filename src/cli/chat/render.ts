/** A button the terminal client shows as a number. */
export interface Button {
  title: string;
  /** What pressing it sends: a card submit value, or text (imBack). */
  value?: unknown;
  text?: string;
}

interface ActivityLike {
  type?: string;
  text?: string;
  summary?: string;
  attachments?: Array<{ contentType?: string; content?: unknown }>;
  suggestedActions?: { actions?: Array<{ title?: string; value?: unknown; type?: string }> };
}

type CardNode = { type?: string; text?: string; title?: string; data?: unknown; body?: CardNode[]; items?: CardNode[]; actions?: CardNode[]; columns?: CardNode[]; facts?: Array<{ title?: string; value?: string }>; url?: string };

function walk(node: CardNode, lines: string[], buttons: Button[]): void {
  if (node.type === 'TextBlock' && node.text) lines.push(node.text);
  if (node.type === 'FactSet') for (const f of node.facts ?? []) lines.push(`  ${f.title ?? ''}: ${f.value ?? ''}`);
  if (node.type === 'Action.Submit' || node.type === 'Action.Execute') buttons.push({ title: node.title ?? '?', value: node.data });
  if (node.type === 'Action.OpenUrl') lines.push(`  ↗ ${node.title ?? ''}: ${node.url ?? ''}`);
  for (const child of [...(node.body ?? []), ...(node.items ?? []), ...(node.columns ?? []), ...(node.actions ?? [])]) walk(child, lines, buttons);
}

/** Turns a bot activity into terminal lines and numbered buttons (cards, suggested actions, plain text). */
export function renderActivity(activity: ActivityLike): { lines: string[]; buttons: Button[] } {
  const lines: string[] = [];
  const buttons: Button[] = [];
  if (activity.type !== 'message') return { lines, buttons };
  if (activity.text) lines.push(activity.text);
  for (const a of activity.attachments ?? []) {
    if (a.contentType === 'application/vnd.microsoft.card.adaptive' && a.content) walk(a.content as CardNode, lines, buttons);
    else if (a.content && typeof a.content === 'object') {
      const c = a.content as { title?: string; text?: string; buttons?: Array<{ title?: string; value?: unknown }> };
      if (c.title) lines.push(c.title);
      if (c.text) lines.push(c.text);
      for (const b of c.buttons ?? []) buttons.push({ title: b.title ?? '?', text: typeof b.value === 'string' ? b.value : undefined, value: typeof b.value === 'string' ? undefined : b.value });
    }
  }
  for (const s of activity.suggestedActions?.actions ?? []) {
    buttons.push({ title: s.title ?? String(s.value), text: typeof s.value === 'string' ? s.value : s.title });
  }
  return { lines, buttons };
}
