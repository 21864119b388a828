/** Link schemes a KB text may use; anything else (javascript:, data:, vbscript:, file:, relative) loses its link. */
const SAFE_URL = /^(https?:\/\/[^\s]+|mailto:[^\s]+|tel:[+\d][\d\s().-]*)$/i;
// Elements whose content is code, not text: removed with their content.
const CODE_ELEMENTS = /<(script|style|iframe|object|embed|template|noscript|svg|math)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const COMMENTS = /<!--[\s\S]*?(-->|$)/g;
const TAGS = /<\/?[a-zA-Z!?][^<>]*>/g;
// An opening that never closes ("<img src=x onerror=..." at the end of a line) is dropped to the end of its line.
const UNCLOSED_TAG = /<\/?[a-zA-Z!?][^<>\n]*$/gm;
// [text](url "title") and ![alt](url); the URL may be wrapped in <>.
const LINK = /(!?)\[([^\]\n]*)\]\(\s*<?((?:[^\s()<>]|\([^\s()]*\))*)>?(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)/g;
// [label]: url reference definitions.
const REFERENCE = /^[ \t]{0,3}\[([^\]\n]+)\]:[ \t]*<?(\S*?)>?(?:[ \t]+.*)?$/gm;
// Anything still shaped like a link target after the passes above (nested brackets, odd spacing).
const LEFTOVER_TARGET = /\]\(([^)]*)\)/g;

/** A URL a channel may render as a link: http(s), mailto: or tel:, without control characters; else undefined. */
export function safeUrl(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  const trimmed = url.trim();
  // Control characters and entity-encoded schemes ("java&#115;cript:") are how filters get fooled: refuse both.
  if (/[\u0000-\u001f\u007f]|&#|&[a-z]+;/i.test(trimmed)) return undefined;
  return SAFE_URL.test(trimmed) ? trimmed : undefined;
}

function stripHtml(text: string): string {
  let previous: string;
  let out = text;
  // Repeated until stable: "<scr<script>ipt>" must not become "<script>" after one pass.
  do {
    previous = out;
    out = out.replace(CODE_ELEMENTS, '').replace(COMMENTS, '').replace(TAGS, '').replace(UNCLOSED_TAG, '');
  } while (out !== previous);
  return out;
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
