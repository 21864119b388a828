/** Longest normalised text the engine looks at; longer messages are cut at a word boundary. */
export const MAX_NORMALIZED_CHARS = 400;

// Letters that Unicode decomposition does not split into a base letter and a mark.
const SPECIAL_FOLDS: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i', ħ: 'h',
};
const SPECIAL_RE = /[ßæœøđðþłıħ]/g;
const MARKS_RE = /\p{M}+/gu;
// Apostrophes join a word ("don't" -> "dont") rather than split it.
const APOSTROPHES_RE = /['’‘`´]/g;
// Everything that is not a letter or a digit (punctuation, symbols, emoji) separates words.
const SEPARATORS_RE = /[^\p{L}\p{N}]+/gu;

/**
 * Normalises a message: lower case, accents folded, apostrophes joined, punctuation, symbols and
 * emoji turned into spaces, whitespace collapsed, cut to `maxChars` at a word boundary.
 * Never throws; anything that is not a string normalises to "".
 */
export function normalizeText(text: unknown, maxChars: number = MAX_NORMALIZED_CHARS): string {
  if (typeof text !== 'string' || text.length === 0) return '';
  // Cut early (with slack for what folding removes) so a 10,000-char message costs no more than a short one.
  const head = text.length > maxChars * 4 ? text.slice(0, maxChars * 4) : text;
  const folded = head
    .normalize('NFKD')
    .replace(MARKS_RE, '')
    .toLowerCase()
    .replace(SPECIAL_RE, (c) => SPECIAL_FOLDS[c] ?? c)
    .replace(APOSTROPHES_RE, '')
    .replace(SEPARATORS_RE, ' ')
    .trim();
  if (folded.length <= maxChars) return folded;
  const cut = folded.slice(0, maxChars);
  const lastSpace = cut.lastIndexOf(' ');
  return lastSpace > maxChars / 2 ? cut.slice(0, lastSpace) : cut;
}
