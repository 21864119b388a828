// The knowledge base sections the console edits, described as data: their API path, id field and form fields.
import { ID, ID_HELP } from './checks.js';

/** @typedef {import('./forms.js').FieldSpec} FieldSpec */
/**
 * @typedef {{ key: string, label: string, singular: string, idField: string, fields: FieldSpec[],
 *   title: (item: any) => string, blank: () => Record<string, unknown> }} SectionSpec
 */

export const STRATEGIES = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6'];
export const STRATEGY_NAMES = /** @type {Record<string, string>} */ ({
  S1: 'S1 check what you entered', S2: 'S2 outside source', S3: 'S3 contact the provider',
  S4: 'S4 safe workaround', S5: 'S5 platform feature', S6: 'S6 calm, step by step',
});
export const ACTIONS = ['check_input', 'self_check', 'outside_source', 'contact_actor', 'workaround', 'howto', 'ask_outcome', 'offer_remedy'];
export const PRODUCTS = ['hotel', 'rental', 'flight', 'tour', 'transfer', 'car'];
export const ACTOR_KINDS = ['hotel', 'host', 'airline', 'driver', 'guide', 'tour_operator', 'payment_provider', 'car_rental'];
const CHANNELS = ['platform_message', 'phone', 'email', 'in_person', 'app'];
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** @type {FieldSpec} */
const idField = { path: 'id', label: 'Id', required: true, pattern: ID, patternHelp: ID_HELP, hint: 'Stable identifier; other entries refer to it.' };
/** @type {FieldSpec} */
const tagsField = { path: 'tags', label: 'Tags', kind: 'tags', pattern: ID, patternHelp: ID_HELP, hint: 'Comma-separated.' };

/** @type {SectionSpec} */
export const FAQS = {
  key: 'faqs', label: 'FAQs', singular: 'FAQ', idField: 'id',
  title: (f) => f.questions?.[0] ?? f.id,
  blank: () => ({ id: '', questions: [], answer: '', tags: [], locale: 'en' }),
  fields: [
    idField,
    { path: 'questions', label: 'Questions', kind: 'lines', required: true, rows: 5, hint: 'One per line: the ways travellers ask it. More variants, better matching.' },
    { path: 'answer', label: 'Answer', kind: 'textarea', required: true, rows: 8, hint: 'Markdown: **bold**, lists with "- ", links.' },
    tagsField,
    { path: 'locale', label: 'Locale', required: true, pattern: /^[a-z]{2}(-[A-Z]{2})?$/, patternHelp: 'a language code such as en or en-GB' },
  ],
};

/** @type {SectionSpec} */
export const INTENTS = {
  key: 'intents', label: 'Intents', singular: 'intent', idField: 'id',
  title: (i) => `${i.id} → ${i.handler}`,
  blank: () => ({ id: '', handler: '', utterances: [] }),
  fields: [
    idField,
    { path: 'description', label: 'Description', kind: 'text' },
    { path: 'handler', label: 'Handler', required: true, pattern: /^(system|problem|faq):[a-z0-9][a-z0-9_.-]*$/, patternHelp: 'system:<name>, problem:<id> or faq:<id>', hint: 'Where a recognised message goes: system:<name>, problem:<id> or faq:<id>.' },
    { path: 'utterances', label: 'Example utterances', kind: 'lines', required: true, rows: 10, hint: 'One per line.' },
  ],
};

/** @type {SectionSpec} */
export const SOURCES = {
  key: 'sources', label: 'Outside sources', singular: 'source', idField: 'id',
  title: (s) => s.title ?? s.id,
  blank: () => ({ id: '', title: '', url: '', providerKinds: [], problems: [], lookFor: '' }),
  fields: [
    idField,
    { path: 'title', label: 'Title', required: true },
    { path: 'url', label: 'Link', required: true, hint: 'May hold {placeholders} filled from booking facts.' },
    { path: 'providerKinds', label: 'Provider kinds', kind: 'checks', options: ACTOR_KINDS },
    { path: 'problems', label: 'Problems', kind: 'tags', pattern: ID, patternHelp: ID_HELP, hint: 'Problem ids, comma-separated.' },
    { path: 'lookFor', label: 'What to look for there', kind: 'textarea', required: true, rows: 3 },
  ],
};

/** @type {SectionSpec} */
export const ACTORS = {
  key: 'actors', label: 'Actors', singular: 'actor', idField: 'kind',
  title: (a) => a.label ?? a.kind,
  blank: () => ({ kind: '', label: '', channels: [], responseTime: '' }),
  fields: [
    { path: 'kind', label: 'Kind', kind: 'select', options: ACTOR_KINDS, required: true },
    { path: 'label', label: 'Label', required: true },
    { path: 'channels', label: 'Channels', kind: 'checks', options: CHANNELS, required: true },
    { path: 'responseTime', label: 'Usual response time', required: true },
    { path: 'tips', label: 'Tips', kind: 'textarea', rows: 3 },
  ],
};

/** @type {SectionSpec} */
export const ESCALATION = {
  key: 'escalation', label: 'Escalation', singular: 'escalation rules', idField: '',
  title: () => 'Escalation rules',
  blank: () => ({}),
  fields: [
    { path: 'highStakesTags', label: 'High-stakes tags', kind: 'tags', required: true, pattern: ID, patternHelp: ID_HELP, hint: 'Problems with these tags go to a person first.' },
    { path: 'frustrationThreshold', label: 'Frustration threshold', kind: 'number', required: true, hint: 'Sentiment below this (in -1..1) counts as frustrated.' },
    { path: 'frustrationTurns', label: 'Frustrated turns before offering a person', kind: 'number', required: true },
    { path: 'misunderstandingLimit', label: 'Misunderstandings before offering a person', kind: 'number', required: true },
    { path: 'businessHours.timezone', label: 'Time zone', required: true, hint: 'e.g. Europe/Paris' },
    { path: 'businessHours.days', label: 'Open days', kind: 'checks', options: DAYS, required: true },
    { path: 'businessHours.open', label: 'Opens at', required: true, pattern: /^\d{2}:\d{2}$/, patternHelp: 'HH:MM' },
    { path: 'businessHours.close', label: 'Closes at', required: true, pattern: /^\d{2}:\d{2}$/, patternHelp: 'HH:MM' },
    { path: 'afterHoursText', label: 'After-hours text', kind: 'textarea', required: true, rows: 3 },
    { path: 'minutesPerCase', label: 'Minutes per case (for the expected wait)', kind: 'number', required: true },
  ],
};

/** @type {SectionSpec} */
export const COMPENSATION = {
  key: 'compensation', label: 'Compensation', singular: 'compensation policy', idField: '',
  title: () => 'Compensation policy',
  blank: () => ({}),
  fields: [
    { path: 'currency', label: 'Currency', required: true, pattern: /^[A-Z]{3}$/, patternHelp: 'a three-letter code such as EUR' },
    { path: 'remedies', label: 'Remedies (JSON)', kind: 'json', required: true, rows: 18,
      hint: 'A list of { id, kind, label, description?, maxAmount?, maxShareOfBooking?, problems, agentOnly? }; kind is refund, partial_refund, voucher, rebooking, fee_waiver or upgrade.' },
  ],
};

/** Sections edited as lists of entries. */
export const LIST_SECTIONS = { faqs: FAQS, intents: INTENTS, sources: SOURCES, actors: ACTORS };
/** Sections edited as one object. */
export const SINGLE_SECTIONS = { escalation: ESCALATION, compensation: COMPENSATION };
