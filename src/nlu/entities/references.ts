import type { Entity, EntityContext } from './types';

type Format = EntityContext['referenceFormats'][number];

/** One reference shape from a format's example: its letters before the digits and how many digits follow. */
interface Shape {
  letters: string;
  digits: number;
  example: string;
}

function shapeOf(format: Format): Shape | undefined {
  const compact = format.example.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const m = /^([A-Z]+)(\d+)$/.exec(compact);
  return m ? { letters: m[1], digits: m[2].length, example: format.example.toUpperCase() } : undefined;
}

/** Writes the compact reference in the example's form: "WLX119274" -> "WL-X119274". */
function reshape(compact: string, example: string): string {
  let out = '';
  let i = 0;
  for (const slot of example) out += /[A-Z0-9]/.test(slot) ? compact[i++] : slot;
  return out;
}

const isAlnum = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9]/.test(c);
const isSeparator = (c: string | undefined): boolean => c === ' ' || c === '-' || c === '‐' || c === '–' || c === '—' || c === '_' || c === '.';

/**
 * Booking references anywhere in a message, in the platform's formats, whatever the case, spaces and
 * dashes ("wl x119274", "WLX119274", "wl-x 119274"): normalised to the platform's form. The user's
 * text is never compiled into a pattern: each shape (letters, then digits) is walked character by
 * character, skipping single separators, so the scan is linear in the text per format.
 */
export function findReferences(text: string, formats: EntityContext['referenceFormats']): Entity[] {
  const shapes = formats.map((f) => ({ shape: shapeOf(f), re: new RegExp(`^(?:${f.pattern})$`) }));
  const out: Entity[] = [];
  for (let start = 0; start < text.length; start++) {
    if (!isAlnum(text[start]) || isAlnum(text[start - 1])) continue;
    for (const { shape, re } of shapes) {
      const end = shape && walk(text, start, shape);
      if (end === undefined || !shape) continue;
      const compact = text.slice(start, end).toUpperCase().replace(/[^A-Z0-9]/g, '');
      const value = reshape(compact, shape.example);
      if (!re.test(value)) continue;
      out.push({ kind: 'bookingReference', value, raw: text.slice(start, end), start, end });
      start = end - 1;
      break;
    }
  }
  return out;
}

/** Where a reference of this shape that starts at `start` ends; undefined when none does. */
function walk(text: string, start: number, shape: Shape): number | undefined {
  const want = shape.letters + '9'.repeat(shape.digits);
  let i = start;
  for (let k = 0; k < want.length; k++) {
    // One separator (space, dash, dot) may stand between any two characters of the reference.
    if (k > 0 && isSeparator(text[i]) && isAlnum(text[i + 1])) i++;
    const c = text[i]?.toUpperCase();
    if (c === undefined) return undefined;
    if (want[k] === '9' ? !/[0-9]/.test(c) : c !== want[k]) return undefined;
    i++;
  }
  return isAlnum(text[i]) ? undefined : i;
}
