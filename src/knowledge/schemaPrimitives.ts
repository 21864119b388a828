import { z } from 'zod';

/** The knowledge base format's building blocks: ids, texts and the closed lists every file kind uses. */

export const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_.-]*$/, 'ids are lower-case letters, digits, "_", "-" and "."')
  .max(80);
export const text = z.string().trim().min(1);

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
