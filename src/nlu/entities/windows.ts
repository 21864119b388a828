/** A slice of a message handed to a library, with where it starts in the message. */
export interface TextWindow {
  text: string;
  offset: number;
}

/** The longest window handed to a library: libraries whose cost grows faster than the text's length stay linear overall. */
export const WINDOW_CHARS = 300;

const SENTENCE_END = new Set(['.', '!', '?', '\n', ';']);

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

/**
 * Cuts a message into windows of at most `max` characters, at a sentence end when one lies in the
 * window's second half, else at a space, else anywhere (one 100,000-character word). Each window is
 * scanned back at most `max` characters, so the whole cut is linear in the text's length.
 */
export function textWindows(text: string, max = WINDOW_CHARS): TextWindow[] {
  if (text.length <= max) return [{ text, offset: 0 }];
  const out: TextWindow[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + max, text.length);
    if (end < text.length) {
      let space = -1;
      let sentence = -1;
      for (let i = end; i > start + max / 2 && sentence < 0; i--) {
        if (SENTENCE_END.has(text[i - 1]) && isSpace(text[i] ?? ' ')) sentence = i;
        else if (space < 0 && isSpace(text[i - 1])) space = i;
      }
      end = sentence > 0 ? sentence : space > 0 ? space : end;
    }
    out.push({ text: text.slice(start, end), offset: start });
    start = end;
  }
  return out;
}

/** Whether a character code is a letter or a digit (any script). */
export function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

/** A word of a message: letters and digits (with inner apostrophes kept out), and where it is. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

/** Splits a message into words of letters and digits, in one pass. */
export function wordTokens(text: string): Token[] {
  const out: Token[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const word = i < text.length && isWordChar(text[i]);
    if (word && start < 0) start = i;
    else if (!word && start >= 0) {
      out.push({ text: text.slice(start, i), start, end: i });
      start = -1;
    }
  }
  return out;
}
