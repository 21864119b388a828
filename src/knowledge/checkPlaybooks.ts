import type { Problem, Step } from './schema';
import { entries, err, has, warn, type KbView, type RawProblem } from './kbView';

const END_TRANSITIONS = new Set(['next', 'resolved', 'handoff']);

/** Reference checks inside each problem's playbook: steps, transitions, facts, sources, actors, remedies. */
export function checkPlaybooks(view: KbView): RawProblem[] {
  const out: RawProblem[] = [];
  const routed = new Set(
    entries(view.intents)
      .map(([, i]) => i.handler)
      .filter((h) => h.startsWith('problem:'))
      .map((h) => h.slice('problem:'.length)),
  );
  for (const [pi, problem] of entries(view.problems)) {
    const at = (...rest: Array<string | number>) => ['problems', pi, ...rest];
    if (view.present.intents !== null && !routed.has(problem.id)) {
      out.push(err(at('id'), `no intent routes to problem "${problem.id}" (add an intent with handler problem:${problem.id})`));
    }
    out.push(...checkFacts(problem, at));
    const firstIndex = new Map<string, number>();
    problem.steps.forEach((step, si) => {
      const seen = firstIndex.get(step.id);
      if (seen !== undefined) out.push(err(at('steps', si, 'id'), `step id "${step.id}" is used twice in this problem`, at('steps', seen, 'id')));
      else firstIndex.set(step.id, si);
    });
    problem.steps.forEach((step, si) => {
      const last = si === problem.steps.length - 1;
      out.push(...checkStep(view, problem, step, last, firstIndex, (...rest) => at('steps', si, ...rest)));
    });
  }
  return out;
}

type At = (...rest: Array<string | number>) => Array<string | number>;

function checkFacts(problem: Problem, at: At): RawProblem[] {
  const out: RawProblem[] = [];
  const names = new Set<string>();
  problem.facts.forEach((fact, fi) => {
    if (names.has(fact.name)) out.push(err(at('facts', fi, 'name'), `fact "${fact.name}" is declared twice`, at('facts', problem.facts.findIndex((f) => f.name === fact.name), 'name')));
    names.add(fact.name);
    if (fact.kind === 'choice' && !(fact.choices && fact.choices.length > 0)) {
      out.push(err(at('facts', fi), `fact "${fact.name}" is a choice but lists no choices`));
    }
  });
  return out;
}

function checkStep(view: KbView, problem: Problem, step: Step, last: boolean, stepIds: Map<string, number>, at: At): RawProblem[] {
  const out: RawProblem[] = [];
  for (const key of ['onSuccess', 'onFailure'] as const) {
    const target = step[key];
    if (target === step.id) out.push(err(at(key), `${key} goes back to the same step "${step.id}" (a loop)`));
    else if (!END_TRANSITIONS.has(target) && !stepIds.has(target)) {
      out.push(err(at(key), `${key} names "${target}", which is not a step of this problem (nor next, resolved, handoff)`));
    } else if (target === 'next' && last) {
      out.push(err(at(key), `${key} is "next" (the default for onFailure) but this is the last step: use resolved, handoff or a step id`));
    }
  }
  (step.sources ?? []).forEach((id, k) => {
    if (!has(view.present.sources, id)) out.push(err(at('sources', k), `unknown source "${id}" (not in sources.yaml)`));
  });
  if (step.action === 'outside_source' && !step.sources?.length) out.push(err(at('sources'), 'an outside_source step names at least one source'));
  if (step.actor && !has(view.present.actors, step.actor)) {
    out.push(err(at('actor'), `actor kind "${step.actor}" has no entry in actors.yaml`));
  }
  if (step.action === 'contact_actor' && !step.actor) out.push(err(at('actor'), 'a contact_actor step names the actor kind to reach'));
  if (step.action === 'howto' && !step.howto) out.push(err(at('howto'), 'a howto step describes the feature it teaches'));
  if (step.action === 'offer_remedy' && !step.remedies?.length) out.push(err(at('remedies'), 'an offer_remedy step names at least one remedy'));
  (step.remedies ?? []).forEach((id, k) => {
    const remedy = view.remedies.find((r) => r?.id === id);
    if (!has(view.present.remedies, id)) out.push(err(at('remedies', k), `unknown remedy "${id}" (not in compensation.yaml)`));
    else if (remedy && !remedy.problems.includes(problem.id)) {
      out.push(err(at('remedies', k), `remedy "${id}" does not cover problem "${problem.id}" (add it to the remedy's problems)`));
    }
  });
  const facts = new Set(problem.facts.map((f) => f.name));
  (step.facts ?? []).forEach((name, k) => {
    if (!facts.has(name)) out.push(err(at('facts', k), `fact "${name}" is not declared in this problem's facts`));
  });
  if (step.action === 'check_input' && !step.facts?.length) out.push(warn(at('facts'), 'a check_input step should name the facts it checks'));
  for (const key of ['say', 'draft'] as const) {
    for (const name of placeholders(step[key])) {
      if (!facts.has(name)) out.push(warn(at(key), `placeholder {${name}} is not a fact of this problem`));
    }
  }
  return out;
}

function placeholders(text: string | undefined): string[] {
  return text ? [...text.matchAll(/\{([a-zA-Z][a-zA-Z0-9]*)\}/g)].map((m) => m[1] as string) : [];
}
