/** A filled template and the placeholders that had no value. */
export interface Filled {
  text: string;
  missing: string[];
}

/** What an unknown placeholder becomes in text shown to the traveller. */
export const MISSING_VALUE = '…';

/**
 * Fills {name} placeholders from `values`. Unknown placeholders become MISSING_VALUE (or stay as
 * they are with keepMissing) and are listed, so a draft is never sent with a hole in it unnoticed.
 */
export function fillPlaceholders(template: string, values: Readonly<Record<string, string | undefined>>, keepMissing = false): Filled {
  const missing: string[] = [];
  const text = template.replace(/\{([a-zA-Z][a-zA-Z0-9]*)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value !== undefined && value !== '') return value;
    if (!missing.includes(name)) missing.push(name);
    return keepMissing ? whole : MISSING_VALUE;
  });
  return { text, missing };
}

/** True when a URL still holds a placeholder (so it must not be shown as a link). */
export function hasPlaceholder(text: string): boolean {
  return /\{[a-zA-Z][a-zA-Z0-9]*\}/.test(text);
}
