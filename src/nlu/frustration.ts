import { JaroWinklerDistance } from './natural';

/** Signs of frustration besides the words' sentiment. */
export type FrustrationCue =
  | 'repetition'
  | 'capitals'
  | 'still'
  | 'again'
  | 'nothing_works'
  | 'ridiculous'
  | 'exclamations'
  | 'swearing'
  | 'already_tried';

const WORD_CUES: ReadonlyArray<readonly [FrustrationCue, RegExp]> = [
  ['still', /\bstill\b/i],
  ['again', /\bagain\b|\bonce more\b|\bfor the (?:\w+ )?time\b/i],
  ['nothing_works', /\bnothing (?:works|worked|is working|helps|helped)\b|\buseless\b|\bpointless\b/i],
  ['ridiculous', /\bridiculous\b|\bunacceptable\b|\babsurd\b|\ba joke\b|\bjoke of\b|\bscam\b|\bdisgrace(?:ful)?\b|\boutrageous\b|\bfed up\b|\bsick of\b/i],
  ['already_tried', /\b(?:already|i just) (?:did|tried|told|said|gave|checked)\b|\bi told you\b/i],
  ['swearing', /\b(?:fuck\w*|f\*+\w*|shit\w*|s\*+t|crap\w*|damn\w*|bloody|bullshit|wtf|ffs|piss(?:ed)?|screw (?:this|you|it)|hell)\b/i],
];

function normalised(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** True when the text repeats one of the last two messages (the traveller is saying it again). */
export function isRepetition(text: string, previousTexts: readonly string[]): boolean {
  const now = normalised(text);
  // "yes" twice is an answer, not frustration.
  if (now.split(' ').length < 3 && now.length < 12) return false;
  return previousTexts.slice(-2).some((prev) => {
    const before = normalised(prev);
    return before === now || (before.length > 0 && JaroWinklerDistance(before, now) >= 0.93);
  });
}

/** True when most letters of a message are capitals (shouting); words with digits (references) do not count. */
export function isShouting(text: string): boolean {
  const letters = text
    .split(/\s+/)
    .filter((w) => !/\d/.test(w))
    .join('')
    .replace(/[^\p{L}]/gu, '');
  if (letters.length < 6) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  return upper / letters.length >= 0.7;
}

/** The frustration cues in a message, given the traveller's earlier messages (oldest first). */
export function frustrationCues(text: string, previousTexts: readonly string[] = []): FrustrationCue[] {
  const cues: FrustrationCue[] = [];
  if (isRepetition(text, previousTexts)) cues.push('repetition');
  if (isShouting(text)) cues.push('capitals');
  for (const [cue, re] of WORD_CUES) if (re.test(text)) cues.push(cue);
  if (/!{2,}|[!?]{3,}/.test(text)) cues.push('exclamations');
  return cues;
}
