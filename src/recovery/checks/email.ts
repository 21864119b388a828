import { DamerauLevenshteinDistance } from '../../nlu/natural';
import { invalid, suggest, valid, type CheckResult } from './types';

/** Mail domains travellers use most; a near miss of one of them is probably a typo. */
export const COMMON_MAIL_DOMAINS = [
  'gmail.com', 'googlemail.com', 'hotmail.com', 'hotmail.co.uk', 'hotmail.fr', 'outlook.com', 'live.com', 'msn.com',
  'yahoo.com', 'yahoo.co.uk', 'yahoo.fr', 'ymail.com', 'icloud.com', 'me.com', 'mac.com', 'aol.com', 'gmx.de', 'gmx.net',
  'web.de', 'proton.me', 'protonmail.com', 'mail.com', 'orange.fr', 'free.fr', 'libero.it', 'btinternet.com', 'comcast.net',
];

const SYNTAX = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/;

function nearestDomain(domain: string): string | undefined {
  let best: { d: string; distance: number } | undefined;
  for (const d of COMMON_MAIL_DOMAINS) {
    const distance = DamerauLevenshteinDistance(domain, d, { restricted: true });
    if (!best || distance < best.distance) best = { d, distance };
  }
  // Two edits on a short domain is a different domain, not a typo.
  const allowed = domain.length >= 8 ? 2 : 1;
  return best && best.distance > 0 && best.distance <= allowed ? best.d : undefined;
}

/** S6: checks an e-mail address's syntax and catches common domain typos (gmial.com -> gmail.com). */
export function checkEmail(raw: string): CheckResult {
  const text = raw.trim().replace(/^mailto:/i, '').replace(/\s*@\s*/, '@');
  if (!text.includes('@')) return invalid('An e-mail address needs an @, like name@example.com.');
  const at = text.lastIndexOf('@');
  const local = text.slice(0, at);
  const domain = text.slice(at + 1).toLowerCase().replace(/\.+$/, '').replace(/,/g, '.');
  const value = `${local}@${domain}`;
  if (/\s/.test(value) || !SYNTAX.test(value) || local.length > 64 || value.includes('..')) {
    return invalid('That e-mail address does not look complete. It should look like name@example.com.');
  }
  if (COMMON_MAIL_DOMAINS.includes(domain)) return valid(value);
  const near = nearestDomain(domain);
  if (near) return suggest(`${local}@${near}`, `Did you mean ${local}@${near}?`);
  return valid(value);
}
