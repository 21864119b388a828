import { SYSTEM_HANDLERS } from './schema';
import { normalizeText } from './normalizeText';
import { entries, err, has, type Holey, type KbView, type RawProblem } from './kbView';

const SYSTEM = new Set<string>(SYSTEM_HANDLERS);

/** Cross-entry checks: unique ids, intent handlers, duplicated texts, and references to problems. */
export function checkCatalog(view: KbView): RawProblem[] {
  return [
    ...uniqueIds('intents', view.intents, (e) => e.id, 'intent id'),
    ...uniqueIds('faqs', view.faqs, (e) => e.id, 'FAQ id'),
    ...uniqueIds('problems', view.problems, (e) => e.id, 'problem id'),
    ...uniqueIds('sources', view.sources, (e) => e.id, 'source id'),
    ...uniqueIds('actors', view.actors, (e) => e.kind, 'actor kind', 'kind'),
    ...uniqueIds(['compensation', 'remedies'], view.remedies, (e) => e.id, 'remedy id'),
    ...checkHandlers(view),
    ...duplicateTexts(view),
    ...problemRefs(view),
  ];
}

function uniqueIds<T>(root: string | string[], list: Holey<T>, idOf: (e: T) => string, what: string, key = 'id'): RawProblem[] {
  const base = Array.isArray(root) ? root : [root];
  const first = new Map<string, number>();
  const out: RawProblem[] = [];
  for (const [i, e] of entries(list)) {
    const id = idOf(e);
    const seen = first.get(id);
    if (seen !== undefined) out.push(err([...base, i, key], `${what} "${id}" is used twice`, [...base, seen, key]));
    else first.set(id, i);
  }
  return out;
}

function checkHandlers(view: KbView): RawProblem[] {
  const out: RawProblem[] = [];
  for (const [i, intent] of entries(view.intents)) {
    const [kind, target = ''] = intent.handler.split(':');
    const at = ['intents', i, 'handler'];
    if (kind === 'system' && !SYSTEM.has(target)) {
      out.push(err(at, `unknown system handler "${target}" (one of ${SYSTEM_HANDLERS.join(', ')})`));
    } else if (kind === 'problem' && !has(view.present.problems, target)) {
      out.push(err(at, `handler names problem "${target}", which does not exist`));
    } else if (kind === 'faq' && !has(view.present.faqs, target)) {
      out.push(err(at, `handler names FAQ "${target}", which does not exist`));
    }
  }
  return out;
}

interface Owner {
  label: string;
  key: string;
  path: Array<string | number>;
  /** An intent that routes to an FAQ may repeat that FAQ's questions. */
  routesTo?: string;
}

function duplicateTexts(view: KbView): RawProblem[] {
  const out: RawProblem[] = [];
  const seen = new Map<string, Owner>();
  const visit = (path: Array<string | number>, text: string, owner: Omit<Owner, 'path'>): void => {
    const norm = normalizeText(text);
    if (norm === '') return;
    const first = seen.get(norm);
    if (!first) {
      seen.set(norm, { ...owner, path });
      return;
    }
    if (first.key === owner.key) out.push(err(path, `"${text}" is repeated within this entry`, first.path));
    else if (first.routesTo !== owner.key && owner.routesTo !== first.key) {
      out.push(err(path, `"${text}" duplicates a text of ${first.label} (each question or utterance belongs to one entry)`, first.path));
    }
  };
  for (const [i, faq] of entries(view.faqs)) {
    const owner = { label: `FAQ "${faq.id}"`, key: `faq:${faq.id}` };
    faq.questions.forEach((q, k) => visit(['faqs', i, 'questions', k], q, owner));
  }
  for (const [i, intent] of entries(view.intents)) {
    const owner = { label: `intent "${intent.id}"`, key: `intent:${intent.id}`, routesTo: intent.handler };
    intent.utterances.forEach((u, k) => visit(['intents', i, 'utterances', k], u, owner));
  }
  return out;
}

function problemRefs(view: KbView): RawProblem[] {
  const out: RawProblem[] = [];
  for (const [i, source] of entries(view.sources)) {
    source.problems.forEach((id, k) => {
      if (!has(view.present.problems, id)) out.push(err(['sources', i, 'problems', k], `unknown problem "${id}"`));
    });
  }
  for (const [i, remedy] of entries(view.remedies)) {
    remedy.problems.forEach((id, k) => {
      if (!has(view.present.problems, id)) out.push(err(['compensation', 'remedies', i, 'problems', k], `unknown problem "${id}"`));
    });
  }
  return out;
}
