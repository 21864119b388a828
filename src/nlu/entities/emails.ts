import type { Entity } from './types';

// Characters that can stand in an address (RFC 5322's atext, dots, @); anything else ends a token.
const ADDRESS_CHAR = /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~@-]/;
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Whether a token is an address: one @, a local part, and a domain of two or more labels with a letter TLD. */
function address(token: string): { local: string; domain: string } | undefined {
  const at = token.indexOf('@');
  if (at <= 0 || at !== token.lastIndexOf('@') || token.length > 254) return undefined;
  const local = token.slice(0, at);
  const domain = token.slice(at + 1).toLowerCase();
  if (local.length > 64 || !LOCAL.test(local)) return undefined;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !/^[a-z]{2,}$/.test(labels[labels.length - 1])) return undefined;
  return { local, domain };
}

/**
 * E-mail addresses anywhere in a message ("my email is lena.novak@gmial.com."), value `local@domain`
 * with the domain in lower case. A token scan: the text is split where a character cannot be in an
 * address, each token holding an @ is checked on its own (short, anchored patterns), so the cost is
 * linear. Typos of the domain are left to the S6 check's "did you mean".
 */
export function findEmails(text: string): Entity[] {
  const out: Entity[] = [];
  let start = -1;
  let hasAt = false;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    const inside = c !== undefined && ADDRESS_CHAR.test(c);
    if (inside && start < 0) [start, hasAt] = [i, false];
    if (inside && c === '@') hasAt = true;
    if (inside || start < 0) continue;
    if (hasAt) {
      // Sentence punctuation after an address ("...gmail.com.") is not part of it.
      let end = i;
      while (end > start && /[.!?'`{|}~-]/.test(text[end - 1])) end--;
      const found = address(text.slice(start, end));
      if (found) out.push({ kind: 'email', value: `${found.local}@${found.domain}`, raw: text.slice(start, end), start, end });
    }
    start = -1;
  }
  return out;
}
