import { z } from 'zod';

/**
 * The conversation test format (docs/conversation-tests.md): realistic conversations kept with the
 * knowledge base in knowledge/tests/, each turn with what must hold. One zod schema; the JSON Schema of
 * knowledge/schema/conversation-tests.schema.json is generated from it (`npm run kb:schema`).
 */

const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).min(1)]);

/** The dialogue acts a turn may expect (src/conversation/acts.ts has the same list). */
export const TEST_ACTS = ['problem_report', 'question', 'answer', 'correction', 'feedback', 'request_person', 'small_talk', 'command', 'nonsense'] as const;

/** A duration: 30s, 5m, 2h, 1d. */
export const durationSchema = z.string().regex(/^\d+(?:\.\d+)?[smhd]$/, 'a duration like 30s, 5m, 2h or 1d');

/** What must hold after a turn. */
export const turnExpectSchema = z.object({
  act: oneOrMany(z.enum(TEST_ACTS)).optional(),
  topic: oneOrMany(z.string().min(1)).optional(),
  facts: z.record(z.string(), z.string()).optional(),
  asks: z.string().min(1).optional(),
  says: z.array(z.string().min(1)).optional(),
  never: z.array(z.string().min(1)).optional(),
  handoff: z.boolean().optional(),
  priority: z.enum(['high', 'normal']).optional(),
  fallback: z.boolean().optional(),
}).strict();

/** One turn: the traveller types (`say`) or presses a button (`press`). */
export const testTurnSchema = z
  .object({
    say: z.string().optional(),
    press: z.string().min(1).optional(),
    after: durationSchema.optional(),
    expect: turnExpectSchema.optional(),
  })
  .strict()
  .refine((t) => (t.say === undefined) !== (t.press === undefined), 'a turn has exactly one of "say" and "press"');

/** One conversation. */
export const testConversationSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case letters, digits and "-"'),
  about: z.string().min(1),
  classes: z.array(z.enum(['facts-given', 'free-values', 'way-out', 'questions', 'emotion', 'waiting', 'text', 'happy-path', 'faq', 'truth'])).default([]),
  at: z.iso.datetime({ offset: true }).optional(),
  timezone: z.string().min(1).optional(),
  /** Who talks: a traveller signed in on the platform (vouched; owns the demo's sample bookings), or an anonymous one. */
  traveller: z.enum(['signed-in', 'anonymous']).default('signed-in'),
  turns: z.array(testTurnSchema).min(1),
}).strict();

/** A file of conversation tests. */
export const conversationTestFileSchema = z.object({ conversations: z.array(testConversationSchema).min(1) }).strict();

export type TurnExpect = z.infer<typeof turnExpectSchema>;
export type TestTurn = z.infer<typeof testTurnSchema>;
export type TestConversation = z.infer<typeof testConversationSchema>;

/** Milliseconds of a duration ("5m" is 300000). */
export function durationMs(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([smhd])$/.exec(text);
  if (!m) return 0;
  const unit = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 's' | 'm' | 'h' | 'd'];
  return Math.round(Number(m[1]) * unit);
}
