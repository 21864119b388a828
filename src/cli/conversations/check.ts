import type { TurnExpect } from '../../knowledge/conversationTests';
import type { TurnTrace } from '../../conversation/trace';
import { airportName } from '../../nlu/entities';

/** What one turn did, as the evaluation saw it. */
export interface TurnObserved {
  trace?: TurnTrace;
  /** Everything the bot said this turn. */
  text: string;
  /** The case's priority after the turn, when the conversation has a case. */
  priority?: 'high' | 'normal';
}

/** The result of one turn's expectations. */
export interface TurnCheck {
  /** Act and topic both hold (undefined when the turn expects neither). */
  understood?: boolean;
  /** Expectations that did not hold, in words. */
  failures: string[];
}

const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Whether an observed topic matches an expected one ("faq:*" matches any FAQ; "fact:x" and "x" are the same fact). */
export function topicMatches(expected: string, observed: string | undefined): boolean {
  if (observed === undefined) return false;
  if (expected.endsWith('*')) return observed.startsWith(expected.slice(0, -1));
  return expected === observed;
}

const tidy = (s: string): string => s.toLowerCase().normalize('NFKD').replace(/\p{M}+/gu, '').replace(/[^\p{L}\p{N}@.+/-]+/gu, ' ').trim();

/** Whether a fact's observed value is the expected one: the same normalised value; free text contained either way. */
export function factMatches(expected: string, observed: string | undefined): boolean {
  if (observed === undefined) return false;
  if (expected === observed) return true;
  const [e, o] = [tidy(expected), tidy(observed)];
  if (e === o) return true;
  // An airport is kept by its code: "schiphol" or "amsterdam" is AMS (Amsterdam Airport Schiphol).
  const airport = /^[A-Z]{3}$/.test(observed) ? airportName(observed) : undefined;
  if (airport && e.length >= 3 && tidy(airport).includes(e)) return true;
  const money = (s: string) => /^(\d+(?:\.\d+)?)\s*([a-z]{3})?$/.exec(s);
  const [me, mo] = [money(e), money(o)];
  if (me && mo) return Number(me[1]) === Number(mo[1]) && (!me[2] || me[2] === mo[2]);
  if (/^\+?[\d\s-]+$/.test(e) && /^\+?[\d\s-]+$/.test(o)) return e.replace(/\D/g, '') === o.replace(/\D/g, '');
  // Free text: what the traveller wrote may be taken with or without the words around it.
  return e.length >= 3 && o.length >= 3 && (o.includes(e) || e.includes(o));
}

function textMatches(pattern: string, text: string): boolean {
  const m = /^\/(.+)\/([a-z]*)$/s.exec(pattern);
  if (m) {
    try {
      return new RegExp(m[1], m[2].includes('i') ? m[2] : `${m[2]}i`).test(text);
    } catch {
      return false;
    }
  }
  return text.toLowerCase().includes(pattern.toLowerCase());
}

/** Checks one turn's expectations against what it did. */
export function checkTurn(expect: TurnExpect | undefined, seen: TurnObserved): TurnCheck {
  const failures: string[] = [];
  if (!expect) return { failures };
  const t = seen.trace;
  const acts = list(expect.act);
  const topics = list(expect.topic);
  const actOk = acts.length === 0 || acts.includes(t?.act as never);
  const topicOk = topics.length === 0 || topics.some((x) => topicMatches(x, t?.topic));
  if (!actOk) failures.push(`act: expected ${acts.join(' | ')}, read ${t?.act ?? 'nothing'}`);
  if (!topicOk) failures.push(`topic: expected ${topics.join(' | ')}, read ${t?.topic ?? 'nothing'}`);
  for (const [name, value] of Object.entries(expect.facts ?? {})) {
    const got = t?.factsKnown[name];
    if (!factMatches(value, got)) failures.push(`fact ${name}: expected ${value}, ${got === undefined ? 'not taken' : `got ${got}`}`);
  }
  if (expect.asks) {
    const name = expect.asks.replace(/^fact:/, '');
    if (!t?.factsAsked.includes(name)) failures.push(`asks: expected ${name}, asked ${t?.factsAsked.join(', ') || 'nothing'}`);
  }
  for (const s of expect.says ?? []) if (!textMatches(s, seen.text)) failures.push(`says: "${s}" not said`);
  for (const s of expect.never ?? []) if (textMatches(s, seen.text)) failures.push(`never: "${s}" was said`);
  if (expect.handoff !== undefined && (t?.handoff ?? false) !== expect.handoff) failures.push(`handoff: expected ${expect.handoff}`);
  if (expect.priority && seen.priority !== expect.priority) failures.push(`priority: expected ${expect.priority}, is ${seen.priority ?? 'no case'}`);
  if (expect.fallback === true && !t?.fallback) failures.push('fallback: expected a request to rephrase');
  const understood = acts.length || topics.length ? actOk && topicOk : undefined;
  return { ...(understood === undefined ? {} : { understood }), failures };
}
