import { spansOf, type Detector, type PiiSpan } from './spans';

// Every pattern here is linear in the text's length (docs/security.md, "Linear-time text handling"): a match
// can start only where a cheap first test passes (a lookbehind, a \b, a cue word), and past that point every
// quantifier is bounded or runs over a class the token after it cannot match.

// A start only where no address character precedes: a 100,000-letter word is scanned once, not once per letter.
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// IBAN-like account numbers: 2 letters, 2 digits, 3 to 7 groups of 4 (bounded: at most 38 characters a start).
const IBAN = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){3,7}(?:[ ]?[A-Z0-9]{1,3})?\b/g;
// Card numbers: 13-19 digits, optionally grouped by spaces or dashes (bounded); no card starts with 0 ("0049 ..." is a phone).
const CARD = /\b[1-9](?:[ -]?\d){12,18}\b/g;
// Booking references (not our case references, RB-XXXXXX, which identify no one): 2-4 capitals, a dash or not,
// then 5-10 digits or capitals with a digit. The digit lookahead is bounded to the reference's own length.
const BOOKING_REF = /\b(?!RB-)[A-Z]{2,4}-?(?=[A-Z0-9]{0,9}\d)[A-Z0-9]{5,10}\b/g;
// A flight number as written on a ticket (IATA "BA2490", ICAO "EZY8731"): kept, the bot needs it.
const FLIGHT_SHAPE = /^[A-Z]{2,3}\d{1,4}[A-Z]?$/;

// Cued values: a word that names the value, up to three filler words, then the value itself. Bounded after the cue.
const EDGE = String.raw`(?<![\p{L}\p{N}_])`;
const END = String.raw`(?![\p{L}\p{N}_])`;
const SEP = String.raw`[\s:#.,=-]{1,3}`;
const FILLER = String.raw`(?:numbers?|num|nr|no|n°|nº|n|is|was|es|est|ist|è|é|nummer|número|numero|numéro|code|de|du|da|del|my|mon|mi|mein|meine|date)`;
const cued = (cues: string, value: string): RegExp => new RegExp(`${EDGE}(?:${cues})(?:${SEP}${FILLER}){0,3}${SEP}(${value})${END}`, 'giu');

// "ID" alone is a cue, except after words that make it another identifier ("booking ID", "case id").
const NOT_ANOTHER_ID = String.raw`(?<!(?:booking|reservation|order|customer|transaction|case|user|session|conversation|ref|reference|buchungs|reserva|réservation)[\s-]{0,2})`;
const PASSPORT_CUES = [
  'passports?', 'pass(?:nummer|nr)', 'reisepass(?:nummer|nr)?', 'personalausweis(?:nummer)?', 'ausweis(?:nummer)?',
  'pasaporte', 'passeport', 'passaporto', 'passaporte', 'paspoort(?:nummer)?', 'paszport',
  'id(?:entity)?[ -]?card', 'identity (?:card|document)', 'national id(?:entity)?', `${NOT_ANOTHER_ID}id`, 'dni', 'nie', 'nif',
  "carte d'identit[ée]", 'cni', "carta d'identit[àa]", 'documento(?: de identidad)?', 'identiteitskaart', 'identiteitsbewijs',
  "driver'?s? licen[cs]e", 'driving licen[cs]e', 'führerschein', 'permis de conduire',
].join('|');
// 6-12 letters and digits with at least one digit: "533380006", "C01X00T47", "12345678Z".
const PASSPORT = cued(PASSPORT_CUES, String.raw`(?=[A-Z]{0,11}\d)[A-Z0-9]{6,12}`);

const CVV_CUES = [
  'cvv2?', 'cvc2?', 'cvn', 'csc', 'cid', 'cav2', 'security code', 'card code', 'card security code', 'card verification (?:code|value|number)',
  'c[óo]digo de seguridad', 'code de sécurité', 'cryptogramme(?: visuel)?', '(?:karten)?prüfnummer', 'sicherheitscode', 'codice di sicurezza',
  'c[óo]digo de seguran[çc]a', 'beveiligingscode',
].join('|');
const CVV = cued(CVV_CUES, String.raw`\d{3,4}`);

const EXPIRY_CUES = [
  'exp(?:iry|iration|ires|ire|iring)?(?: date)?', 'valid (?:thru|through|until|till|to)', 'good thru', 'gültig bis', 'ablaufdatum', 'verfällt',
  'caducidad', 'caduca', 'vence', 'vencimiento', 'expira', "date d'expiration", 'expire(?: le| fin)?', 'fin de validité', 'scadenza', 'scade',
  'validade', 'validità', 'vervaldatum', 'geldig tot',
].join('|');
// MM/YY or MM/YYYY (also with . or -).
const EXPIRY = cued(EXPIRY_CUES, String.raw`(?:0?[1-9]|1[0-2]) ?[/.-] ?(?:20)?\d{2}`);

/** E-mail addresses. */
export const findEmails: Detector = (text) => spansOf(EMAIL, 'email', text);
/** IBAN-like account numbers. */
export const findIbans: Detector = (text) => spansOf(IBAN, 'iban', text);
/** Payment card numbers (13-19 digits). */
export const findCards: Detector = (text) => spansOf(CARD, 'card', text);
/** Passport and identity document numbers after a word naming one, in English, German, Spanish, French, Italian, Portuguese, Dutch. */
export const findPassports: Detector = (text) => spansOf(PASSPORT, 'passport', text, 1);
/** Card security codes after "cvv", "security code" and the like. */
export const findCvvs: Detector = (text) => spansOf(CVV, 'cvv', text, 1);
/** Card expiry dates (MM/YY) after "exp", "valid thru" and the like. */
export const findExpiries: Detector = (text) => spansOf(EXPIRY, 'expiry', text, 1);

/** Booking references, except those shaped exactly like a flight number. */
export const findBookingRefs: Detector = (text) =>
  spansOf(BOOKING_REF, 'booking-ref', text).filter((s: PiiSpan) => !FLIGHT_SHAPE.test(text.slice(s.start, s.end)));
