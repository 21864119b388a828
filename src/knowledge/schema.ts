import { z } from 'zod';

/**
 * The knowledge base format: the one definition. TypeScript types are inferred from it and the JSON
 * Schemas in knowledge/schema/ are generated from it (`npm run kb:schema`), so editors, `kb:check`
 * and the engine can never disagree.
 */
import { actorKindSchema, factKindSchema, id, productSchema, ruleIdSchema, strategySchema, systemHandlerSchema, text } from './schemaPrimitives';
import { factSpecSchema, problemSchema, stepSchema } from './playbookSchema';

export * from './schemaPrimitives';
export * from './playbookSchema';

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
