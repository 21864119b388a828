import { findCues, type MessageCues } from '../../src/nlu/cues';
import { normalizeText } from '../../src/nlu/normalize';

/** As readMessage reads a message: the trimmed text for the question mark, its normalised text for the words. */
export const cuesOf = (message: string): MessageCues => {
  const text = message.trim();
  return findCues(text, normalizeText(text));
};
