import { z } from 'zod';
import type { RecoveryInput } from './actions';

const name = z.string().min(1).max(80);
const value = z.string().max(2000);

/** The shape of every RecoveryInput, for inputs that come from outside (a pressed card button's data). */
export const recoveryInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fact_provided'), name, value }),
  z.object({ kind: z.literal('fact_skipped'), name }),
  z.object({ kind: z.literal('suggestion_accepted'), name }),
  z.object({ kind: z.literal('facts_confirmed') }),
  z.object({ kind: z.literal('fact_corrected'), name, value }),
  z.object({ kind: z.literal('facts_given'), facts: z.array(z.object({ name, value })).max(20) }),
  z.object({ kind: z.literal('fact_unknown'), name, elsewhere: z.boolean().optional() }),
  z.object({ kind: z.literal('change_fact'), name: name.optional() }),
  z.object({ kind: z.literal('wished_outcome'), text: value }),
  z.object({ kind: z.literal('step_done') }),
  z.object({ kind: z.literal('step_outcome'), outcome: z.enum(['success', 'failure', 'skipped']) }),
  z.object({ kind: z.literal('remedy_accepted'), remedyId: name }),
  z.object({ kind: z.literal('remedy_declined') }),
  z.object({ kind: z.literal('handoff_requested') }),
  z.object({ kind: z.literal('handoff_declined') }),
  z.object({ kind: z.literal('abandon') }),
  z.object({ kind: z.literal('solved') }),
]);

/** A pressed button's input, when it has the shape of one; anything else is not an input. */
export function parseRecoveryInput(data: unknown): RecoveryInput | null {
  const parsed = recoveryInputSchema.safeParse(data);
  return parsed.success ? (parsed.data as RecoveryInput) : null;
}
