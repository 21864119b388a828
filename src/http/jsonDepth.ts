/** How deep a request body's JSON may nest (arrays and objects); a Bot Framework activity needs fewer than 20. */
export const MAX_JSON_DEPTH = 400;

/** Where a JSON text first nests deeper than the limit. */
export interface DepthExcess {
  /** The limit that was passed. */
  maxDepth: number;
  /** The character offset of the bracket that opened one level too many. */
  offset: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;

/**
 * Scans a JSON text once, left to right, counting open brackets outside strings: the first place it nests deeper
 * than `maxDepth`, or null. A counter, not recursion, so no input can overflow the stack; linear in the length.
 * Malformed JSON is left to the parser (the scan only counts).
 */
export function jsonDepthExcess(text: string, maxDepth = MAX_JSON_DEPTH): DepthExcess | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      // An escaped character (\" or \\) is skipped whole, so an escaped quote never ends the string.
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > maxDepth) return { maxDepth, offset: i };
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) depth--;
  }
  return null;
}
