import { z } from 'zod';
import { actorKindSchema, factKindSchema, id, productSchema, ruleIdSchema, strategySchema, text } from './schemaPrimitives';

/** A problem's recovery playbook: the facts it gathers and its steps (part of the one format, src/knowledge/schema.ts). */

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
  /**
   * For kind "text": words after which travellers name the value in any message ("left my" for the item left
   * behind: "left my black backpack on the tour bus" gives "black backpack"). The value runs to the next
   * preposition, time word or punctuation, six words at most.
   */
  after: z.array(text).optional(),
  /** For kind "text": the entity that fills it from any message ("airport": the airport named anywhere). */
  entity: z.enum(['airport', 'place', 'city', 'code', 'country', 'nationality']).optional(),
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
  fromDate: z.object({ fact: factName, rules: z.array(z.object({ days: z.number(), choice: text.optional() })).min(1) }).optional(),
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
