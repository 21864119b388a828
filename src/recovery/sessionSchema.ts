import { z } from 'zod';
import { FACT_KINDS, STRATEGIES } from '../knowledge/schema';
import { AppError } from '../shared';
import { HANDOFF_REASONS, RECOVERY_STATUSES, type RecoverySession } from './types';

const iso = z.string().min(1);
const reason = z.enum(HANDOFF_REASONS);

const bookingSchema = z.object({
  reference: z.string().optional(),
  travellerNames: z.array(z.string()).optional(),
  currency: z.string().optional(),
  totalAmount: z.number().optional(),
  contacts: z
    .array(
      z.object({
        kind: z.string(),
        name: z.string(),
        phone: z.string().optional(),
        email: z.string().optional(),
        links: z.record(z.string(), z.string()).optional(),
      }),
    )
    .optional(),
  values: z.record(z.string(), z.string()).optional(),
  product: z.string().optional(),
});

/** The persisted shape of a recovery session, checked when it is read back from bot state. */
export const recoverySessionSchema = z.object({
  version: z.literal(1),
  problemId: z.string().min(1),
  caseReference: z.string().optional(),
  status: z.enum(RECOVERY_STATUSES),
  facts: z.record(
    z.string(),
    z.object({
      kind: z.enum(FACT_KINDS),
      value: z.string(),
      raw: z.string(),
      confirmed: z.boolean(),
      suggestion: z.object({ value: z.string(), reason: z.string() }).optional(),
      source: z.enum(['traveller', 'booking']).optional(),
    }),
  ),
  skippedFacts: z.array(z.string()),
  unknownFacts: z.array(z.string()).optional(),
  alternatives: z.array(z.string()).optional(),
  pendingFact: z.string().optional(),
  currentStepId: z.string().optional(),
  steps: z.array(
    z.object({ stepId: z.string(), strategy: z.enum(STRATEGIES), outcome: z.enum(['success', 'failure', 'skipped']), at: iso }),
  ),
  sentiment: z.array(z.object({ score: z.number().min(-1).max(1), frustrated: z.boolean(), at: iso })),
  wishedOutcome: z.string().optional(),
  remedies: z.object({
    offered: z.array(
      z.object({
        remedyId: z.string(),
        stepId: z.string().optional(),
        kind: z.string(),
        label: z.string(),
        maxAmount: z.object({ value: z.number(), currency: z.string() }).optional(),
      }),
    ),
    accepted: z.string().optional(),
    declined: z.array(z.string()),
  }),
  misunderstandings: z.number().int().min(0),
  booking: bookingSchema.optional(),
  referencesNotFound: z.record(z.string(), z.array(z.string())).optional(),
  verification: z
    .object({
      vouched: z.object({ userId: z.string(), bookings: z.array(z.object({ reference: z.string(), product: z.string(), title: z.string() })) }).optional(),
      verified: z.array(z.object({ reference: z.string(), method: z.enum(['platform', 'surname', 'email']), at: iso })),
      pending: z.object({ reference: z.string().optional(), candidates: z.array(bookingSchema) }).optional(),
      failures: z.number().int().min(0),
      settled: z.array(z.string()),
    })
    .optional(),
  handoffOffers: z.array(reason),
  pendingHandoffOffer: reason.optional(),
  handoff: z.object({ reason, at: iso }).optional(),
  startedAt: iso,
  updatedAt: iso,
});

/**
 * Reads a session back from storage (a parsed JSON value). Throws AppError('VALIDATION_FAILED') with
 * the problems listed when the stored value is not a session, so a corrupt state is reported, not guessed.
 */
export function restoreSession(stored: unknown): RecoverySession {
  const parsed = recoverySessionSchema.safeParse(stored);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', 'The stored recovery session is not valid.', {
      issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    });
  }
  return parsed.data as RecoverySession;
}
