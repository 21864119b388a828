import { z } from 'zod';

/**
 * The knowledge base format: the one definition. TypeScript types are inferred from it and the JSON
 * Schemas in knowledge/schema/ are generated from it (`npm run kb:schema`), so editors, `kb:check`
 * and the engine can never disagree.
 */

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_.-]*$/, 'ids are lower-case letters, digits, "_", "-" and "."')
  .max(80);
const text = z.string().trim().min(1);

/** The six self-recovery strategies of the domain brief. */
export const STRATEGIES = ['S1', 'S2', 'S3', 'S4', 'S5', 'S6'] as const;
export const strategySchema = z.enum(STRATEGIES);

/** Built-in conversation handlers an intent may route to (besides problems and FAQs). */
export const SYSTEM_HANDLERS = [
  'greeting',
  'goodbye',
  'thanks',
  'help',
  'cancel',
  'start_over',
  'status',
  'human',
  'yes',
  'no',
  'bot_identity',
] as const;
export const systemHandlerSchema = z.enum(SYSTEM_HANDLERS);

/** Product lines of a multi-product travel platform. */
export const PRODUCTS = ['hotel', 'rental', 'flight', 'tour', 'transfer', 'car'] as const;
export const productSchema = z.enum(PRODUCTS);

/** Kinds of other actors on the platform the traveller may need to reach (S3). */
export const ACTOR_KINDS = ['hotel', 'host', 'airline', 'driver', 'guide', 'tour_operator', 'payment_provider', 'car_rental'] as const;
export const actorKindSchema = z.enum(ACTOR_KINDS);

/**
 * Regulatory rules whose scope the bot evaluates on the booking's facts (src/recovery/ruleScope.ts): EU and UK
 * air passenger rights, the US DOT refund and 24-hour rules, the Montreal Convention, EU package travel.
 */
export const RULE_IDS = ['eu261', 'uk261', 'usDotRefund', 'usDot24h', 'montreal', 'packageTravel'] as const;
export const ruleIdSchema = z.enum(RULE_IDS);

/** Kinds of facts the bot gathers and checks (S6 validators exist for each). */
export const FACT_KINDS = ['bookingReference', 'email', 'date', 'dateRange', 'name', 'amount', 'currency', 'phone', 'flightNumber', 'text', 'choice'] as const;
export const factKindSchema = z.enum(FACT_KINDS);

/** An intent: example utterances and where a recognised message goes. */
export const intentSchema = z.object({
  id,
  description: z.string().optional(),
  /** `system:<handler>`, `problem:<problem id>` or `faq:<faq id>`. */
  handler: z.string().regex(/^(system|problem|faq):[a-z0-9][a-z0-9_.-]*$/, 'handler is system:<name>, problem:<id> or faq:<id>'),
  utterances: z.array(text).min(1),
});

/** A question-and-answer entry (the shape of the admin API). */
export const faqSchema = z.object({
  id,
  questions: z.array(text).min(1),
  /** Markdown. */
  answer: text,
  tags: z.array(id).default([]),
  /** The regulatory rules the answer states (each with its scope, from a source naming the rule). */
  rules: z.array(ruleIdSchema).optional(),
  locale: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/).default('en'),
  /** The topic file (faqs/<topic>.yaml) the entry lives in: set from the file name on load, so an export keeps it there. */
  topic: id.optional(),
});

const factName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/);

/** The booking values a fact can be taken from once the booking is found (see docs/knowledge-base.md). */
export const BOOKING_VALUES = [
  'travellerName', 'email', 'bookedOn', 'startDate', 'endDate', 'dates', 'totalAmount', 'currency', 'product',
  'flightNumber', 'connectingFlight', 'ticketType', 'pickupPoint', 'meetingPoint', 'cancellationReason', 'city', 'route',
] as const;

/** A fact a problem needs before acting (S6 checks it). */
export const factSpecSchema = z.object({
  name: factName,
  kind: factKindSchema,
  prompt: text,
  /** A short name for it in a summary ("Pick-up point"); default from the kind or the name. */
  label: text.optional(),
  /** Why the bot asks (S1: say what each step is for). */
  why: z.string().optional(),
  required: z.boolean().default(true),
  /** For kind "choice". */
  choices: z.array(text).optional(),
  /** For kind "choice": other words travellers use for a choice, by the choice's label ("paypal" for "PayPal"). */
  choiceWords: z.record(z.string(), z.array(text)).optional(),
  /** For kinds date and dateRange: whether it has happened or is still to come ("friday" is read accordingly); default from the name. */
  when: z.enum(['past', 'future', 'any']).optional(),
  /** Taken from the booking once it is found (never asked then): one of BOOKING_VALUES. */
  fromBooking: z.enum(BOOKING_VALUES).optional(),
  /** For kind "text": the entity that fills it from any message ("airport": the airport named anywhere). */
  entity: z.enum(['airport', 'place', 'code', 'country']).optional(),
  /** What "I don't know" or "I don't have it" leads to: a line, and other facts asked instead (absent: go on without it). */
  unknown: z.object({ say: text.optional(), ask: z.array(factName).default([]) }).optional(),
  /** Asked only as another fact's alternative (`unknown.ask`), never on its own. */
  alternativeOnly: z.boolean().default(false),
  /** What a {placeholder} of this fact says while the fact is not known. */
  fallback: text.optional(),
  /**
   * For kind "choice": the choice a date fact implies once it is known, by how many days away it is (the
   * first rule whose `days` is not exceeded): an arrival in 14 days is "more than a day away".
   */
  fromDate: z.object({ fact: factName, rules: z.array(z.object({ days: z.number(), choice: text })).min(1) }).optional(),
});

/** A how-to of a platform feature (S5). */
export const howtoSchema = z.object({
  feature: text,
  steps: z.array(text).min(1),
  image: z.string().optional(),
});

/** Where a step goes next: "next" (the following step), "resolved", "handoff", or a step id. */
const transition = z.string().regex(/^(next|resolved|handoff|[a-z0-9][a-z0-9_.-]*)$/);

/** A step's wording when a rule applies to the booking (src/recovery/ruleScope.ts decides from its facts). */
export const scopedTextSchema = z.object({
  rule: ruleIdSchema,
  say: text.optional(),
  why: z.string().optional(),
  success: text.optional(),
  risks: z.string().optional(),
  draft: z.string().optional(),
  sources: z.array(id).optional(),
});

/** What a step says when the booking's facts put every rule it names out of scope. */
export const outOfScopeSchema = z.object({ say: text, why: z.string().optional(), sources: z.array(id).optional() });

/** A step's wording for some products, where the recipient or the rule differs (a car-hire desk, not a hotel). */
export const stepVariantSchema = z.object({
  products: z.array(productSchema).min(1),
  say: text.optional(),
  why: z.string().optional(),
  success: text.optional(),
  draft: z.string().optional(),
  risks: z.string().optional(),
  actor: actorKindSchema.optional(),
  howto: howtoSchema.optional(),
  /** Rule-dependent wording for these products (replaces the step's). */
  scoped: z.array(scopedTextSchema).optional(),
  outOfScope: outOfScopeSchema.optional(),
});

/** One step of a recovery playbook. */
export const stepSchema = z.object({
  id,
  strategy: strategySchema,
  /** What the step does; decides which capability the bot uses. */
  action: z.enum(['check_input', 'self_check', 'outside_source', 'contact_actor', 'workaround', 'howto', 'ask_outcome', 'offer_remedy']),
  /** What the bot says or asks (Markdown; {fact} placeholders are filled in). */
  say: text,
  /** Why this step matters, told to the traveller (S1). */
  why: z.string().optional(),
  /** What counts as success, in the traveller's terms ("did that work?" is asked about this). */
  success: text,
  onSuccess: transition.default('resolved'),
  onFailure: transition.default('next'),
  /** check_input: the facts to check. */
  facts: z.array(z.string()).optional(),
  /** outside_source: ids of outside sources. */
  sources: z.array(id).optional(),
  /** contact_actor: the kind of actor on the booking to reach. */
  actor: actorKindSchema.optional(),
  /** contact_actor: the message drafted to the actor, with {fact} placeholders. */
  draft: z.string().optional(),
  /** workaround: the risks, stated plainly. */
  risks: z.string().optional(),
  /** howto: the platform feature taught. */
  howto: howtoSchema.optional(),
  /** offer_remedy: remedy ids from the compensation policy. */
  remedies: z.array(id).optional(),
  /** Per-product wording: the first variant naming the booking's product replaces these fields. */
  variants: z.array(stepVariantSchema).optional(),
  /**
   * Rule scope: the first entry whose rule the booking's facts put in scope replaces the fields it sets; when the
   * facts put every rule out of scope, `outOfScope` is said instead; when they are unknown, the step's own text
   * (which states each rule with its scope).
   */
  scoped: z.array(scopedTextSchema).optional(),
  outOfScope: outOfScopeSchema.optional(),
  /** A safety step: says {emergencyNumber} (the booking destination's) and the safe options at any hour. */
  safety: z.boolean().optional(),
  /** A step that works at any hour without Wanderly's team (the bank's 24/7 line, the provider's night desk). */
  anyHour: z.boolean().optional(),
  /** Remedies of the compensation policy the step's text promises ({remedy...} placeholders give amount and grantor). */
  promises: z.array(id).optional(),
  /** The earlier step whose outcome shows the platform's fault: only then may this step admit it. */
  faultShownBy: id.optional(),
});

/** A service failure with its recovery playbook. */
export const problemSchema = z.object({
  id,
  title: text,
  description: z.string().optional(),
  products: z.array(productSchema).min(1),
  /** Tags; escalation rules name the high-stakes ones. */
  tags: z.array(id).default([]),
  /** Acknowledge the feeling before the fix (empathy). */
  acknowledge: text,
  /** Whether the platform is at fault when the playbook's facts hold (compensation). */
  platformAtFault: z.boolean().default(false),
  facts: z.array(factSpecSchema).default([]),
  steps: z.array(stepSchema).min(1),
});

/** A trusted resource outside the platform (S2). */
export const sourceSchema = z.object({
  id,
  title: text,
  /** A link; may hold {placeholders} filled from booking facts (e.g. {airlineStatusUrl}). */
  url: z.string().min(1),
  providerKinds: z.array(actorKindSchema).default([]),
  problems: z.array(id).default([]),
  /** What to look for there. */
  lookFor: text,
  /** For a source that states a rule: what the rule covers (which flights, countries, products), in the source's terms. */
  scope: z.string().optional(),
  /** When an owner last checked the source still says this (YYYY-MM-DD); kb:check warns after a year. */
  reviewed: z.iso.date().optional(),
  /** The regulatory rule this source states (its scope is `scope`). */
  rule: ruleIdSchema.optional(),
});

/** How the platform reaches an actor kind (S3). */
export const actorSchema = z.object({
  kind: actorKindSchema,
  label: text,
  channels: z.array(z.enum(['platform_message', 'phone', 'email', 'in_person', 'app'])).min(1),
  responseTime: text,
  tips: z.string().optional(),
});

/** A remedy the owner authorises when the platform is at fault. */
export const remedySchema = z.object({
  id,
  kind: z.enum(['refund', 'partial_refund', 'voucher', 'rebooking', 'fee_waiver', 'upgrade']),
  label: text,
  description: z.string().optional(),
  /** Upper limit in the policy currency (absent: no amount, e.g. rebooking). */
  maxAmount: z.number().nonnegative().optional(),
  /** Upper limit as a share of the booking value, in [0,1]. */
  maxShareOfBooking: z.number().min(0).max(1).optional(),
  problems: z.array(id).min(1),
  /** Whether only an agent may grant it (the bot offers only the others). */
  agentOnly: z.boolean().default(false),
});

/** The compensation policy. */
export const compensationSchema = z.object({
  currency: z.string().regex(/^[A-Z]{3}$/),
  remedies: z.array(remedySchema),
});

/** Escalation rules: when to hand off, business hours, texts. */
export const escalationSchema = z.object({
  highStakesTags: z.array(id),
  /** Sentiment below this counts as frustrated (scores in [-1,1]). */
  frustrationThreshold: z.number().min(-1).max(1),
  /** Consecutive frustrated turns before a handoff is offered. */
  frustrationTurns: z.number().int().min(1),
  /** Consecutive misunderstandings before a handoff is offered. */
  misunderstandingLimit: z.number().int().min(1),
  businessHours: z.object({
    timezone: z.string().min(1),
    days: z.array(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])).min(1),
    open: z.string().regex(/^\d{2}:\d{2}$/),
    close: z.string().regex(/^\d{2}:\d{2}$/),
  }),
  afterHoursText: text,
  /** Average minutes an agent needs per case, for the expected wait. */
  minutesPerCase: z.number().positive(),
  /** Emergency numbers by the booking destination's country ({emergencyNumber} in safety steps). */
  emergencyNumbers: z
    .object({
      /** What {emergencyNumber} says when the destination is not known. */
      unknown: text,
      /** By ISO 3166-1 alpha-2 country code. */
      byCountry: z.record(z.string().regex(/^[A-Z]{2}$/, 'ISO country codes: two capital letters'), text),
    })
    .optional(),
  /** A line staffed at every hour for urgent cases, if the platform has one. */
  onCall: z.object({ label: text, contact: text, hours: z.literal('24/7') }).optional(),
  /**
   * How each high-stakes tag gets help at every hour: the on-call line, the playbook's safety steps, or its
   * steps that work at any hour without the team (anyHour: true, e.g. the bank's 24/7 line).
   */
  highStakesPaths: z.record(id, z.enum(['onCall', 'safetySteps', 'anyHourSteps'])).optional(),
});

/** The situations the bot has words for in `platform.replies` (see src/conversation/replies.ts for their placeholders). */
export const REPLY_KEYS = [
  'greeting', 'thanks', 'goodbye', 'botIdentity', 'stopped', 'encourage', 'encourageFrustrated', 'apology', 'apologyAtFault',
  'afterFailure', 'afterFailureFrustrated', 'caseReference', 'notUnderstood', 'nonsense', 'staleButton', 'recoveryHelp', 'abandoned',
  'offerHighStakes', 'offerFrustration', 'offerMisunderstanding', 'wishedOutcome', 'confirmLead', 'resume', 'alreadyHave', 'notInMemory',
  'goOnWithout', 'skipped', 'askChange', 'repeatedContact', 'secondProblem', 'nextProblem', 'feedbackHelpful', 'feedbackUnhelpful',
  'noneOfThese', 'triedFaq', 'answerWhileWaiting', 'addedToCase', 'priorityRaised', 'unclearYesNo',
] as const;
/** One situation of `platform.replies`. */
export type ReplyKey = (typeof REPLY_KEYS)[number];

/** Booking reference formats of the platform (S6) and what the bot says in fixed situations. */
export const platformSchema = z.object({
  name: text,
  /** The bot's one name, used wherever it names itself (welcome, "who are you?", follow-ups, channels). */
  assistantName: text.default('the assistant'),
  /** What each product's provider is called ({provider}: "the hotel", "your host", "the car-hire company"). */
  providers: z.partialRecord(productSchema, text).default({}),
  /** What a booking placeholder says while the booking is not known ({hotelName}: "the hotel"). */
  placeholders: z.record(z.string(), text).default({}),
  /**
   * The platform's own facts, each defined once (refund times per payment method, the e-mail sender domain,
   * menu and button names...) and referenced from FAQs, steps and replies as {name}.
   */
  values: z.record(z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'value names are camelCase'), text).default({}),
  referenceFormats: z.array(
    z.object({ product: productSchema, pattern: z.string().min(1), example: text }),
  ).min(1),
  messages: z.object({
    welcome: text,
    help: text,
    clarify: text,
    outOfScope: text,
    handoffIntro: text,
    resolved: text,
    followUp: text,
  }),
  /**
   * What the bot says in recurring situations, several ways each: a conversation never hears the same
   * sentence twice while another variant is left. Situations not listed use built-in English defaults.
   */
  replies: z.partialRecord(z.enum(REPLY_KEYS), z.array(text).min(1)).default({}),
});

/** The whole knowledge base, as the engine sees it once loaded. */
export const knowledgeBaseSchema = z.object({
  platform: platformSchema,
  intents: z.array(intentSchema),
  faqs: z.array(faqSchema),
  problems: z.array(problemSchema),
  sources: z.array(sourceSchema),
  actors: z.array(actorSchema),
  compensation: compensationSchema,
  escalation: escalationSchema,
});

export type Strategy = z.infer<typeof strategySchema>;
export type SystemHandler = z.infer<typeof systemHandlerSchema>;
export type Intent = z.infer<typeof intentSchema>;
export type Faq = z.infer<typeof faqSchema>;
export type FactSpec = z.infer<typeof factSpecSchema>;
export type FactKind = z.infer<typeof factKindSchema>;
export type Step = z.infer<typeof stepSchema>;
export type Problem = z.infer<typeof problemSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Actor = z.infer<typeof actorSchema>;
export type Remedy = z.infer<typeof remedySchema>;
export type Compensation = z.infer<typeof compensationSchema>;
export type Escalation = z.infer<typeof escalationSchema>;
export type Platform = z.infer<typeof platformSchema>;
export type KnowledgeBase = z.infer<typeof knowledgeBaseSchema>;
