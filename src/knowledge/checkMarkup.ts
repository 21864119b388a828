import { entries, err, type KbView, type RawProblem } from './kbView';
import { kbTexts } from './checkTexts';
import type { KbPath } from './kbProblem';

/**
 * What a link in a traveller-facing text may point at: https, mailto: and tel:, or a {placeholder} the platform
 * fills (a booking's own links; the sanitiser checks the filled value on the way out). Plain http can be
 * rewritten on the way, and javascript:, data: or a relative path are never a place to send a traveller.
 */
const ALLOWED_TARGET = /^(?:https:\/\/\S|mailto:\S|tel:\S|\{[A-Za-z]\w*\})/i;

// Every pattern below is linear in the text: each starts at a fixed character and its repetition cannot cross
// the next start, so no text of an owner (or of an import) can make the check slow.
/** [label](target) and ![alt](target); the target may be wrapped in <>. */
const INLINE_TARGET = /\]\(\s*<?([^\s()<>]*)/g;
/** [label]: target reference definitions, at the start of a line. */
const REFERENCE_TARGET = /^[ \t]{0,3}\[[^\]\n]*\]:[ \t]*<?([^\s<>]*)/gm;
/** <scheme:...> autolinks. */
const AUTOLINK = /<([a-z][a-z0-9+.-]*:[^\s<>]*)>/gi;
/** A bare http:// address, which Web Chat and Teams turn into a link by themselves. */
const BARE_HTTP = /\bhttp:\/\/[^\s<>()[\]]*/gi;
/** An HTML tag, comment, declaration or processing instruction (an autolink's scheme is followed by ':', not matched). */
const HTML = /<(?:\/?[a-z][a-z0-9-]*(?=[\s/>])|!--|![a-z]|\?[a-z])/gi;

/** The problems of one text: every disallowed link target and every piece of raw HTML, each once. */
export function markupProblems(text: string): string[] {
  const out = new Set<string>();
  const targets = new Set<string>();
  const target = (raw: string | undefined): void => {
    const t = (raw ?? '').trim();
    targets.add(t);
    if (!ALLOWED_TARGET.test(t)) out.add(`link to "${shorten(t)}": only https:, mailto: and tel: links reach travellers (anything else is removed on the way out)`);
  };
  for (const m of text.matchAll(INLINE_TARGET)) target(m[1]);
  for (const m of text.matchAll(REFERENCE_TARGET)) target(m[1]);
  for (const m of text.matchAll(AUTOLINK)) target(m[1]);
  for (const m of text.matchAll(BARE_HTTP)) if (!targets.has(m[0])) target(m[0]);
  for (const m of text.matchAll(HTML)) out.add(`raw HTML ("${m[0]}..."): write Markdown instead (HTML is removed before travellers see it)`);
  return [...out];
}

/** A source's url is a link by itself: the same schemes, whole. */
export function urlProblem(url: string): string | undefined {
  const t = url.trim();
  return ALLOWED_TARGET.test(t) ? undefined : `link "${shorten(t)}": only https:, mailto: and tel: links reach travellers (anything else is removed on the way out)`;
}

/**
 * kb:check and the admin API: no traveller-facing text (answers, steps, prompts, messages, replies, titles,
 * questions) holds raw HTML or a link that is not https, mailto: or tel:, and every source url is one. The
 * sanitiser would remove them anyway; this tells the owner where, one problem per place and kind.
 */
export function checkMarkup(view: KbView): RawProblem[] {
  const out: RawProblem[] = [];
  const check = (text: string | undefined, kbPath: KbPath): void => {
    if (text) for (const message of markupProblems(text)) out.push(err(kbPath, message));
  };
  for (const t of kbTexts(view)) check(t.text, t.kbPath);
  for (const [si, source] of entries(view.sources)) {
    check(source.title, ['sources', si, 'title']);
    const bad = urlProblem(source.url);
    if (bad) out.push(err(['sources', si, 'url'], bad));
  }
  for (const [fi, faq] of entries(view.faqs)) faq.questions.forEach((q, qi) => check(q, ['faqs', fi, 'questions', qi]));
  for (const [pi, problem] of entries(view.problems)) check(problem.title, ['problems', pi, 'title']);
  return out;
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
