import { err, type KbView, type RawProblem } from './kbView';
import { fillsValues, kbTexts, plain, type KbText } from './checkTexts';

/** A family of facts whose every statement must name a platform value (one value per fact). */
interface FactForm {
  what: string;
  pattern: RegExp;
}

const RANGE = String.raw`\d+(?:\s*(?:-|–|to)\s*\d+)?`;

/** The families kb:check knows; `platformName` builds the sender-domain one. */
function factForms(platformName: string | undefined): FactForm[] {
  const forms: FactForm[] = [
    { what: 'a time in working days', pattern: new RegExp(String.raw`\b${RANGE}\s+(?:working|business|banking)\s+days?\b`, 'gi') },
    { what: 'a time before arrival', pattern: new RegExp(String.raw`\b${RANGE}\s*(?:hours?|h)\s+before\s+(?:arrival|check-in|you arrive|your arrival)\b`, 'gi') },
    { what: 'a passport validity', pattern: new RegExp(String.raw`\b${RANGE}\s+months?\s+(?:beyond|after)\b`, 'gi') },
  ];
  const name = platformName?.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (name) forms.push({ what: `${platformName}'s e-mail address or domain`, pattern: new RegExp(String.raw`[\w.+-]*@?\b${name}\.[a-z]{2,}(?:\.[a-z]{2,})?\b`, 'gi') });
  return forms;
}

/** A statement as compared: lower case, plain, one dash, "business days" and "working days" alike. */
export function normalizeFact(text: string): string {
  return plain(text)
    .toLowerCase()
    .replace(/–/g, '-')
    .replace(/(\d)\s*(?:-|to)\s*(\d)/g, '$1-$2')
    .replace(/\b(?:business|banking) days?\b/g, 'working days')
    .replace(/\bworking day\b/g, 'working days')
    .replace(/\bhours?\b/g, 'h')
    .replace(/(\d)\s+h\b/g, '$1h')
    .replace(/\s+/g, ' ');
}

/** The last item of a menu-path value ("**My trips** > booking > **Resend confirmation**"): naming it means naming the path. */
function menuMarker(value: string): string | undefined {
  if (!value.includes(' > ')) return undefined;
  const last = plain(value.split(' > ').at(-1) ?? '').trim();
  return last.split(/\s+/).length >= 2 ? last : undefined;
}

function where(t: KbText, name: string): string {
  return fillsValues(t.place) ? `write {${name}} instead` : `no placeholder is filled here: leave the value out or say it where {${name}} is filled`;
}

/**
 * kb:check, one value per fact: a text that states a defined platform value literally (instead of its
 * {placeholder}), names the last item of a menu-path value without the path, or states a fact of a known
 * family (a time in working days, a time before arrival, a passport validity, the platform's e-mail domain)
 * with a value that is none of the platform's values (a conflicting fact value).
 */
export function checkValues(view: KbView): RawProblem[] {
  const values = Object.entries(view.platform?.values ?? {});
  const normalized = values.map(([name, v]) => [name, normalizeFact(v)] as const);
  const literal = normalized.filter(([, v]) => /[\d@]/.test(v) && v.length >= 4);
  const markers = values.map(([name, v]) => [name, menuMarker(v)] as const).filter((m): m is readonly [string, string] => m[1] !== undefined);
  const forms = factForms(view.platform?.name);
  const out: RawProblem[] = [];
  for (const t of kbTexts(view)) {
    const text = normalizeFact(t.text);
    const reported = new Set<string>();
    for (const [name, v] of literal) {
      if (!text.includes(v)) continue;
      reported.add(v);
      out.push(err(t.kbPath, `hard-coded value of {${name}} ("${v}"): ${where(t, name)}`));
    }
    for (const [name, marker] of markers) {
      if (t.text.includes(`{${name}}`)) continue;
      // Menu and button names are written as shown (capitalised): "check-in details" in a sentence is not the menu.
      if (new RegExp(String.raw`\b${escape(marker)}\b`).test(plain(t.text))) out.push(err(t.kbPath, `names "${marker}" without {${name}}: where it is is defined once (platform.yaml values); ${where(t, name)}`));
    }
    for (const form of forms) {
      for (const m of plain(t.text).matchAll(form.pattern)) {
        const said = normalizeFact(m[0]);
        if ([...reported].some((r) => r.includes(said))) continue;
        const same = normalized.find(([, v]) => v.includes(said));
        if (same) {
          if (!reported.has(same[1])) out.push(err(t.kbPath, `hard-coded value of {${same[0]}} ("${m[0]}"): ${where(t, same[0])}`));
          reported.add(same[1]);
        } else {
          out.push(err(t.kbPath, `conflicting fact value: "${m[0]}" states ${form.what} that is no platform value; define it once in platform.yaml values and write its {placeholder}`));
        }
      }
    }
  }
  return out;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
