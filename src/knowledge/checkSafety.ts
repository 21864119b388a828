import { entries, err, type KbView, type RawProblem } from './kbView';
import { kbTexts, plain } from './checkTexts';

/** Problem tags that name a danger to the traveller: each must be high-stakes, with a path at every hour. */
export const DANGER_TAGS = ['stranded', 'safety', 'locked_out', 'minors', 'medical', 'unsafe_place'] as const;

const ANY_HOUR = /\b(?:any hour|around the clock|24\/7|24 hours a day|day and night|at all hours|any time of (?:the )?day or night)\b/i;
const STAFF = /\b(?:prioriti[sz]ed|agents?|person|people|team|staff|colleagues?|someone|humans?)\b/i;

/**
 * kb:check, safety coverage: every danger tag a problem uses is high-stakes; every high-stakes tag has a
 * path at every hour (the on-call line, or safety steps in every problem with the tag); every safety step
 * says {emergencyNumber}, which the escalation rules define by country; and no text promises a person at
 * any hour while nobody is on duty outside business hours.
 */
export function checkSafety(view: KbView): RawProblem[] {
  const esc = view.escalation;
  if (!esc) return [];
  const out: RawProblem[] = [];
  const highStakes = new Set(esc.highStakesTags);
  const paths = esc.highStakesPaths ?? {};
  for (const [pi, problem] of entries(view.problems)) {
    problem.tags.forEach((tag, ti) => {
      if ((DANGER_TAGS as readonly string[]).includes(tag) && !highStakes.has(tag)) out.push(err(['problems', pi, 'tags', ti], `tag "${tag}" names a danger to the traveller: list it in escalation.yaml highStakesTags`));
    });
    const needsSteps = problem.tags.filter((t) => highStakes.has(t) && paths[t] === 'safetySteps');
    if (needsSteps.length && !problem.steps.some((s) => s.safety)) out.push(err(['problems', pi, 'tags'], `tagged ${needsSteps.join(', ')}, whose path at every hour is the safety steps, but no step is marked safety: true (a safety step gives {emergencyNumber} and the safe options at any hour)`));
    const needsAnyHour = problem.tags.filter((t) => highStakes.has(t) && paths[t] === 'anyHourSteps');
    if (needsAnyHour.length && !problem.steps.some((s) => s.anyHour || s.safety)) out.push(err(['problems', pi, 'tags'], `tagged ${needsAnyHour.join(', ')}, whose path at every hour is a step that works at any hour, but no step is marked anyHour: true`));
    problem.steps.forEach((step, si) => {
      if (!step.safety) return;
      const says = [[step.say, ['say']] as const, ...(step.variants ?? []).map((v, vi) => [v.say, ['variants', vi, 'say']] as const), ...(step.scoped ?? []).map((s, k) => [s.say, ['scoped', k, 'say']] as const)];
      for (const [text, path] of says) {
        if (text && !text.includes('{emergencyNumber}')) out.push(err(['problems', pi, 'steps', si, ...path], 'a safety step says {emergencyNumber} (the emergency number of the booking\'s destination)'));
      }
      if (!esc.emergencyNumbers) out.push(err(['problems', pi, 'steps', si, 'safety'], 'safety steps need escalation.yaml emergencyNumbers (by country, and what to say when the country is unknown)'));
    });
  }
  esc.highStakesTags.forEach((tag, i) => {
    const path = paths[tag];
    if (!path) out.push(err(['escalation', 'highStakesTags', i], `high-stakes tag "${tag}" has no path at every hour: add it to highStakesPaths (onCall, safetySteps or anyHourSteps)`));
    else if (path === 'onCall' && !esc.onCall) out.push(err(['escalation', 'highStakesPaths', tag], `"${tag}" goes to the on-call line, but escalation.yaml defines no onCall line staffed 24/7`));
  });
  for (const tag of Object.keys(paths)) {
    if (!highStakes.has(tag)) out.push(err(['escalation', 'highStakesPaths', tag], `"${tag}" is not in highStakesTags`));
  }
  if (!esc.onCall) {
    for (const t of kbTexts(view)) {
      if (t.place !== 'faq' && t.place !== 'reply' && t.place !== 'message' && t.place !== 'afterHours') continue;
      const claim = plain(t.text).split(/(?<=[.!?])\s+|\n+/).find((s) => ANY_HOUR.test(s) && STAFF.test(s));
      if (claim) out.push(err(t.kbPath, `claims a person at any hour ("${claim}"), but nobody is on duty outside ${esc.businessHours.open}-${esc.businessHours.close} and there is no onCall line`));
    }
  }
  return out;
}
