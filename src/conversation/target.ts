import type { KnowledgeBase, SystemHandler } from '../knowledge/schema';
import { SYSTEM_HANDLERS } from '../knowledge/schema';
import type { Candidate } from '../nlu/types';

/** Where a recognised message goes. */
export type Target =
  | { kind: 'system'; name: SystemHandler }
  | { kind: 'problem'; id: string }
  | { kind: 'faq'; id: string };

/** Parses a handler reference (`system:help`, `problem:double_charge`, `faq:refund-timeline`). */
export function parseTarget(ref: string): Target | null {
  const i = ref.indexOf(':');
  if (i < 1) return null;
  const kind = ref.slice(0, i);
  const id = ref.slice(i + 1);
  if (!id) return null;
  if (kind === 'system') return (SYSTEM_HANDLERS as readonly string[]).includes(id) ? { kind, name: id as SystemHandler } : null;
  if (kind === 'problem' || kind === 'faq') return { kind, id };
  return null;
}

/** Formats a target back into its reference string (used in card submit data). */
export function targetRef(target: Target): string {
  return target.kind === 'system' ? `system:${target.name}` : `${target.kind}:${target.id}`;
}

/** The target of an NLU candidate in this KB, or null when the KB no longer has it. */
export function targetOf(candidate: Candidate, kb: KnowledgeBase): Target | null {
  if (candidate.kind === 'faq') return kb.faqs.some((f) => f.id === candidate.id) ? { kind: 'faq', id: candidate.id } : null;
  const intent = kb.intents.find((i) => i.id === candidate.id);
  return intent ? parseTarget(intent.handler) : null;
}

/** A human label for a target, for "did you mean ...?" buttons. */
export function targetLabel(target: Target, kb: KnowledgeBase, candidate?: Candidate): string {
  if (target.kind === 'faq') {
    if (candidate?.kind === 'faq') return candidate.question;
    return kb.faqs.find((f) => f.id === target.id)?.questions[0] ?? target.id;
  }
  if (target.kind === 'problem') return kb.problems.find((p) => p.id === target.id)?.title ?? target.id;
  return SYSTEM_LABELS[target.name];
}

const SYSTEM_LABELS: Record<SystemHandler, string> = {
  greeting: 'Say hello',
  goodbye: 'Goodbye',
  thanks: 'Thanks',
  help: 'What can you do?',
  cancel: 'Stop this',
  start_over: 'Start over',
  status: 'Where does my case stand?',
  human: 'Talk to a person',
  yes: 'Yes',
  no: 'No',
  bot_identity: 'Who are you?',
};
