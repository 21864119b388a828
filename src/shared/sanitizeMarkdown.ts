/** Link schemes a KB text may use; anything else (javascript:, data:, vbscript:, file:, relative) loses its link. */
const SAFE_URL = /^(https?:\/\/[^\s]+|mailto:[^\s]+|tel:[+\d][\d\s().-]*)$/i;
// Elements whose content is code, not text: removed with their content (by a scan, see removeCodeElements).
const CODE_ELEMENT = /^<(script|style|iframe|object|embed|template|noscript|svg|math)(?![a-z0-9_])/i;
const COMMENTS = /<!--[\s\S]*?(-->|$)/g;
const TAGS = /<\/?[a-zA-Z!?][^<>]*>/g;
// An opening that never closes ("<img src=x onerror=..." at the end of a line) is dropped to the end of its line.
const UNCLOSED_TAG = /<\/?[a-zA-Z!?][^<>\n]*$/gm;
// [text](url "title") and ![alt](url); the URL may be wrapped in <>. The text holds no "[" (one scan per line, not one per bracket).
const LINK = /(!?)\[([^[\]\n]*)\]\(\s*<?((?:[^\s()<>]|\([^\s()]*\))*)>?(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)/g;
// [label]: url reference definitions.
const REFERENCE = /^[ \t]{0,3}\[([^\]\n]+)\]:[ \t]*<?(\S*?)>?(?:[ \t]+.*)?$/gm;
// Anything still shaped like a link target after the passes above (nested brackets, odd spacing); "(" ends a
// target, so "](](](" is scanned once, not once per bracket.
const LEFTOVER_TARGET = /\]\(([^()]*)\)/g;
// Passes of the tag stripper; an input still changing after them is built to nest tags, and loses every "<".
const MAX_STRIP_PASSES = 4;

/** A URL a channel may render as a link: http(s), mailto: or tel:, without control characters; else undefined. */
export function safeUrl(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  const trimmed = url.trim();
  // Control characters and entity-encoded schemes ("java&#115;cript:") are how filters get fooled: refuse both.
  if (/[\u0000-\u001f\u007f]|&#|&[a-z]+;/i.test(trimmed)) return undefined;
  return SAFE_URL.test(trimmed) ? trimmed : undefined;
}

/**
 * Removes code elements with their content, as the pattern `<(name)\b[^>]*>[\s\S]*?<\/\1\s*>` would, in one
 * scan: where no ">" or no closing tag follows, no later opening can have one either, so nothing is searched twice.
 */
function removeCodeElements(text: string): string {
  const lower = text.toLowerCase();
  const nextClose = new Map<string, number>();
  /** The first `</name\s*>` at or after `from` (-1: none), searched forward only. */
  const closing = (name: string, from: number): number => {
    let at = nextClose.get(name);
    if (at !== undefined && (at === -1 || at >= from)) return at;
    at = lower.indexOf(`</${name}`, from);
    while (at >= 0 && !/^\s*>/.test(lower.slice(at + name.length + 2, at + name.length + 2 + 64))) at = lower.indexOf(`</${name}`, at + 1);
    nextClose.set(name, at);
    return at;
  };
  let out = '';
  let at = 0;
  // The first ">" after an opening is the first after every later opening before it: found once, reused.
  let gt = -1;
  for (let lt = text.indexOf('<'); lt >= 0; lt = text.indexOf('<', lt + 1)) {
    const name = CODE_ELEMENT.exec(text.slice(lt, lt + 16))?.[1]?.toLowerCase();
    if (!name) continue;
    if (gt < lt) gt = text.indexOf('>', lt);
    if (gt < 0) break;
    const close = closing(name, gt + 1);
    if (close < 0) continue;
    out += text.slice(at, lt);
    at = text.indexOf('>', close) + 1;
    lt = at - 1;
  }
  return out + text.slice(at);
}

function stripHtml(text: string): string {
  let previous: string;
  let out = text;
  let passes = 0;
  // Repeated until stable: "<scr<script>ipt>" must not become "<script>" after one pass.
  do {
    previous = out;
    out = removeCodeElements(out).replace(COMMENTS, '').replace(TAGS, '').replace(UNCLOSED_TAG, '');
  } while (out !== previous && ++passes < MAX_STRIP_PASSES);
  // Each pass peels one level; deeper nesting is an attack, not content: no tag survives without its "<".
  return out === previous ? out : out.replace(/</g, '');
}

/**
 * Makes KB Markdown (FAQ answers, step texts) safe to hand to a channel: raw HTML is removed (code elements with
 * their content), links and images keep their target only when it is http(s), mailto: or tel: (images: https
 * only, so a card never loads from a plain-http address), and otherwise become their text. Plain text and the
 * Markdown subset the cards use (bold, italics, lists, safe links) pass unchanged. Never throws.
 */
export function sanitizeMarkdown(text: unknown): string {
  if (typeof text !== 'string' || text.length === 0) return '';
  // Autolinks (<https://...>) look like tags: turn the safe ones into plain URLs before tags are stripped.
  let out = text.replace(/<([a-z][a-z0-9+.-]*:[^\s<>]*)>/gi, (_whole, url: string) => safeUrl(url) ?? '');
  out = stripHtml(out);
  out = out.replace(LINK, (_whole, bang: string, label: string, url: string) => {
    const safe = safeUrl(url);
    if (bang) return safe?.toLowerCase().startsWith('https://') ? `![${label}](${safe})` : label;
    return safe ? `[${label}](${safe})` : label;
  });
  out = out.replace(REFERENCE, (whole, _label: string, url: string) => (safeUrl(url) ? whole : ''));
  out = out.replace(LEFTOVER_TARGET, (whole, url: string) => (safeUrl(url) ? whole : ']'));
  return out;
}
