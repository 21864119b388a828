/** A reply activity as it comes back in an expectReplies body (only what the evaluation reads). */
export interface ReplyActivity {
  type: string;
  text?: string;
  summary?: string;
  attachments?: Array<{ content?: unknown }>;
}

/** A card button: its title and the data it posts. */
export interface ReplyButton {
  title: string;
  data: unknown;
}

/** Every text a traveller sees in a reply: its text, and the card's texts, facts and button titles. */
export function visibleText(reply: ReplyActivity): string {
  const out: string[] = [];
  if (reply.text) out.push(reply.text);
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (typeof o.text === 'string') out.push(o.text);
    if (typeof o.title === 'string') out.push(typeof o.value === 'string' ? `${o.title}: ${o.value}` : o.title);
    for (const [k, v] of Object.entries(o)) if (k !== 'data') walk(v);
  };
  walk(reply.attachments?.map((a) => a.content));
  if (!reply.text && out.length === 0 && reply.summary) out.push(reply.summary);
  return out.join('\n');
}

/** The Action.Submit buttons of the replies, in order. */
export function buttonsOf(replies: readonly ReplyActivity[]): ReplyButton[] {
  const out: ReplyButton[] = [];
  for (const reply of replies) {
    for (const a of reply.attachments ?? []) {
      const actions = (a.content as { actions?: Array<{ type?: string; title?: string; data?: unknown }> } | undefined)?.actions ?? [];
      for (const action of actions) if (action.type === 'Action.Submit' && typeof action.title === 'string') out.push({ title: action.title, data: action.data });
    }
  }
  return out;
}

const PLACEHOLDER = /\{[a-zA-Z][a-zA-Z0-9_.]*\}|…/g;

/** Placeholders left unfilled in a text ("{bookingReference}", or the "…" an unknown value used to become). */
export function unfilledPlaceholders(text: string): string[] {
  return text.match(PLACEHOLDER) ?? [];
}
