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
    for (const label of Object.keys(fact.choiceWords ?? {})) {
      if (!fact.choices?.includes(label)) out.push(err(at('facts', fi, 'choiceWords', label), `"${label}" is not one of the choices of fact "${fact.name}"`));
    }
    (fact.unknown?.ask ?? []).forEach((name, k) => {
      const alt = problem.facts.find((f) => f.name === name);
      if (!alt) out.push(err(at('facts', fi, 'unknown', 'ask', k), `fact "${name}" is not declared in this problem's facts`));
      else if (alt.required) out.push(err(at('facts', fi, 'unknown', 'ask', k), `fact "${name}" is asked instead of "${fact.name}" and must be optional (required: false)`));
    });
    if (fact.alternativeOnly && !problem.facts.some((f) => f.unknown?.ask.includes(fact.name))) {
      out.push(warn(at('facts', fi, 'alternativeOnly'), `fact "${fact.name}" is asked only as an alternative, but no fact's unknown.ask names it: it is never asked`));
    }
    if (fact.fromDate) {
      const from = problem.facts.find((f) => f.name === fact.fromDate!.fact);
      if (!from || (from.kind !== 'date' && from.kind !== 'dateRange')) out.push(err(at('facts', fi, 'fromDate', 'fact'), `fromDate names "${fact.fromDate.fact}", which is not a date fact of this problem`));
      fact.fromDate.rules.forEach((r, k) => {
        if (r.choice !== undefined && !fact.choices?.includes(r.choice)) out.push(err(at('facts', fi, 'fromDate', 'rules', k, 'choice'), `"${r.choice}" is not one of the choices of fact "${fact.name}"`));
      });
    }
    if (fact.entity && fact.kind !== 'text') out.push(err(at('facts', fi, 'entity'), `only a text fact takes an entity ("${fact.name}" is ${fact.kind})`));
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
  return out;
}
