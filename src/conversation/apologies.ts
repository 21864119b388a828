/**
 * At most one apology per reply: a turn that already said sorry does not say it again ("I'm sorry this
 * happened" in the acknowledgement, then "Sorry, I didn't get that" and "I'm sorry that's on us"). Sentences
 * are found by one scan of the text (linear); an apology sentence after the first loses its apology
 * words when the rest says something ("Sorry, I couldn't read that." -> "I couldn't read that."), else it goes.
 */
const APOLOGY = /\b(?:sorry|apologi[sz]e|apologies)\b/i;
const LEADING = /^(\s*)(?:(?:i'?m|i am|we'?re|we are)\s+)?(?:so\s+|very\s+|really\s+|truly\s+)?(?:sorry|apologies)\b[,.!:;]?\s*/i;
// Every part is optional after the first character class, so a match never backtracks: linear.
const SENTENCE = /[^.!?\n]+[.!?]*[^\S\n]*|\n+|[.!?]+[^\S\n]*/g;

/** The text with apologies past the first one taken out; `apologised` tells whether the reply has one now. */
export function limitApologies(text: string, alreadyApologised: boolean): { text: string; apologised: boolean } {
  let apologised = alreadyApologised;
  let out = '';
  for (const sentence of text.match(SENTENCE) ?? []) {
    if (!APOLOGY.test(sentence)) {
      out += sentence;
      continue;
    }
    if (!apologised) {
      apologised = true;
      out += sentence;
      continue;
    }
    const rest = sentence.replace(LEADING, '$1');
    const words = rest.trim().split(/\s+/).length;
    // What is left after the apology words still says something: keep it, capitalised.
    if (rest !== sentence && words >= 3 && !APOLOGY.test(rest)) out += rest.replace(/^(\s*)(\S)/, (_m, sp: string, c: string) => sp + c.toUpperCase());
  }
  // A sentence taken out of a paragraph leaves no empty paragraph behind.
  const tidy = out.replace(/\n{3,}/g, '\n\n').replace(/[^\S\n]+$/, '');
  return { text: tidy, apologised };
}
