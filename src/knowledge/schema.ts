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
  locale: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/).default('en'),
  /** The topic file (faqs/<topic>.yaml) the entry lives in: set from the file name on load, so an export keeps it there. */
  topic: id.optional(),
});

/** A fact a problem needs before acting (S6 checks it). */
export const factSpecSchema = z.object({
  name: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/),
  kind: factKindSchema,
  prompt: text,
  /** Why the bot asks (S1: say what each step is for). */
  why: z.string().optional(),
  required: z.boolean().default(true),
  /** For kind "choice". */
  choices: z.array(text).optional(),
});

/** A how-to of a platform feature (S5). */
export const howtoSchema = z.object({
  feature: text,
  steps: z.array(text).min(1),
  image: z.string().optional(),
});

/** Where a step goes next: "next" (the following step), "resolved", "handoff", or a step id. */
const transition = z.string().regex(/^(next|resolved|handoff|[a-z0-9][a-z0-9_.-]*)$/);

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
});

/** Booking reference formats of the platform (S6) and what the bot says in fixed situations. */
export const platformSchema = z.object({
  name: text,
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
