import { z } from 'zod';
import { CASE_STATUSES, type CaseStatus } from '../../handoff';
import { AppError } from '../../shared/errors';

const chatText = z.string().trim().min(1, 'must not be empty').max(4000, 'must be at most 4000 characters');

/** POST /api/agent/cases/{id}/messages and /notes. */
export const textBody = z.object({ text: chatText });

/** POST /api/agent/cases/{id}/resolve. */
export const resolveBody = z.object({
  outcome: z.string().trim().min(1, 'must not be empty').max(1000, 'must be at most 1000 characters'),
  remedy: z
    .object({
      remedyId: z.string().trim().min(1).max(100),
      amount: z.number().positive('must be above 0').max(1_000_000).optional(),
      currency: z.string().regex(/^[A-Z]{3}$/, 'must be a 3-letter ISO currency code').optional(),
      note: z.string().trim().max(1000).optional(),
    })
    .nullable()
    .optional(),
});

/** POST /api/agent/cases/{id}/release (the body is optional). */
export const releaseBody = z.object({ reason: z.string().trim().max(500).optional() }).optional();

const statusList = z
  .string()
  .optional()
  .transform((v, ctx) => {
    const wanted = (v ?? 'pending').split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = wanted.filter((s) => !(CASE_STATUSES as readonly string[]).includes(s));
    if (unknown.length || wanted.length === 0) {
      ctx.addIssue({ code: 'custom', message: `expected one or more of ${CASE_STATUSES.join(', ')}, comma-separated${unknown.length ? `; got ${unknown.join(', ')}` : ''}` });
      return z.NEVER;
    }
    return [...new Set(wanted)] as CaseStatus[];
  });

/** GET /api/agent/cases query. */
export const listQuery = z.object({
  status: statusList,
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

/** Parses a body or query; VALIDATION_FAILED listing every problem as "path: message". */
export function parse<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || `(${what})`}: ${i.message}`);
  throw new AppError('VALIDATION_FAILED', `Invalid ${what}: ${problems.join('; ')}`, { problems });
}
