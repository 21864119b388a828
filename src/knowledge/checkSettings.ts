import { entries, err, warn, type KbView, type RawProblem } from './kbView';

/** Checks of the platform settings and escalation rules: regexes, times, time zone, high-stakes tags. */
export function checkSettings(view: KbView): RawProblem[] {
  return [...checkPlatform(view), ...checkEscalation(view)];
}

function checkPlatform(view: KbView): RawProblem[] {
  const out: RawProblem[] = [];
  view.platform?.referenceFormats.forEach((format, i) => {
    let re: RegExp;
    try {
      re = new RegExp(format.pattern);
    } catch (e) {
      out.push(err(['platform', 'referenceFormats', i, 'pattern'], `not a valid regular expression: ${(e as Error).message}`));
      return;
    }
    if (!re.test(format.example)) {
      out.push(err(['platform', 'referenceFormats', i, 'example'], `example "${format.example}" does not match the pattern ${format.pattern}`));
    }
  });
  return out;
}

function checkEscalation(view: KbView): RawProblem[] {
  const esc = view.escalation;
  if (!esc) return [];
  const out: RawProblem[] = [];
  const at = (...rest: Array<string | number>) => ['escalation', ...rest];
  const { open, close, timezone, days } = esc.businessHours;
  const openMin = minutes(open);
  const closeMin = minutes(close);
  if (openMin === undefined) out.push(err(at('businessHours', 'open'), `"${open}" is not a time of day (00:00 to 23:59)`));
  if (closeMin === undefined) out.push(err(at('businessHours', 'close'), `"${close}" is not a time of day (00:00 to 23:59)`));
  if (openMin !== undefined && openMin === closeMin) out.push(err(at('businessHours', 'close'), 'opening and closing times are the same'));
  if (!validTimeZone(timezone)) out.push(err(at('businessHours', 'timezone'), `unknown time zone "${timezone}" (an IANA name such as Europe/Paris)`));
  days.forEach((d, i) => {
    if (days.indexOf(d) !== i) out.push(warn(at('businessHours', 'days', i), `"${d}" is listed twice`));
  });
  const used = new Set(entries(view.problems).flatMap(([, p]) => p.tags));
  esc.highStakesTags.forEach((tag, i) => {
    if (!used.has(tag)) out.push(warn(at('highStakesTags', i), `no problem has the tag "${tag}"`));
  });
  return out;
}

function minutes(hhmm: string): number | undefined {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? h * 60 + min : undefined;
}

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
