import type { StepDetail } from '../src/recovery';
import { textBlock } from './cards';
import { safeUrl } from '../src/shared/sanitizeMarkdown';

type Element = Record<string, unknown>;

/** One checked fact's line: its value and ✓, or what is wrong with it. */
function checkLine(c: Extract<StepDetail, { kind: 'check_input' }>['checks'][number]): string {
  const value = c.value ?? '-';
  if (c.result?.kind === 'invalid') return `${value} ✗ ${c.result.reason}`;
  if (c.result?.kind === 'suggestion' && c.result.value !== c.value) return `${value} (did you mean ${c.result.value}?)`;
  return c.value === undefined ? "not given (that's fine)" : `${value} ✓`;
}

/** The card elements of a step's capability: sources, the contact and the drafted message, risks, a how-to, checks. */
export function stepDetailElements(detail: StepDetail): Element[] {
  switch (detail.kind) {
    case 'outside_source':
      return detail.sources.map((s) => ({
        type: 'Container',
        style: 'emphasis',
        items: [textBlock(safeUrl(s.url) ? `[${s.title}](${safeUrl(s.url)})` : s.title, { weight: 'Bolder' }), textBlock(`Look for: ${s.lookFor}`, { isSubtle: true })],
      }));
    case 'contact_actor': {
      const c = detail.contact;
      const items: Element[] = [
        {
          type: 'FactSet',
          facts: [
            { title: 'Who', value: c ? `${c.name} (${detail.actor.label.toLowerCase()})` : detail.actor.label },
            ...(c?.phone ? [{ title: 'Phone', value: c.phone }] : []),
            ...(c?.email ? [{ title: 'E-mail', value: c.email }] : []),
            { title: 'How', value: detail.actor.channels.map((ch) => ch.replace('_', ' ')).join(', ') },
            ...(detail.actor.responseTime ? [{ title: 'Usually answers', value: detail.actor.responseTime }] : []),
          ],
        },
      ];
      if (detail.actor.tips) items.push(textBlock(detail.actor.tips, { isSubtle: true }));
      if (detail.draft) items.push(textBlock(detail.sendVia ? 'Message I can send for you:' : 'A message you can send them:', { weight: 'Bolder', spacing: 'Medium' }), textBlock(detail.draft.text, { fontType: 'Monospace' }));
      return items;
    }
    case 'workaround':
      return detail.risks ? [textBlock(`⚠ Before you do this: ${detail.risks}`, { color: 'Attention' })] : [];
    case 'howto': {
      if (!detail.howto) return [];
      const steps = detail.howto.steps.map((s, i) => `${i + 1}. ${s}`).join('\n');
      const out: Element[] = [textBlock(`**${detail.howto.feature}**`), textBlock(steps)];
      const image = safeUrl(detail.howto.image);
      if (image?.startsWith('https://')) out.push({ type: 'Image', url: image, altText: detail.howto.feature, size: 'Stretch' });
      return out;
    }
    case 'check_input':
      return [{ type: 'FactSet', facts: detail.checks.map((c) => ({ title: c.label, value: checkLine(c) })) }];
    case 'ask_outcome':
      return [textBlock('Pick one, or tell me in your own words.', { isSubtle: true })];
    case 'plain':
      return [];
  }
}
