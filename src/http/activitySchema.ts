import { z } from 'zod';
import { AppError } from '../shared/errors';
import type { IncomingActivity } from './ports';
import { normalizeActivity } from './activityNormalize';

const account = z.object({ id: z.string().min(1).max(512), name: z.string().max(512).optional() }).passthrough();

/** The minimal shape of a Bot Framework activity we accept; everything else is the SDK's to read. */
const activitySchema = z
  .object({
    type: z.string().min(1).max(64),
    channelId: z.string().min(1).max(128),
    serviceUrl: z.string().min(1).max(2048),
    conversation: z.object({ id: z.string().min(1).max(512) }).passthrough(),
    from: account.optional(),
    recipient: account.optional(),
    text: z.string().max(100_000).optional(),
    id: z.string().max(512).optional(),
  })
  .passthrough();

/** Validates a request body as an activity, normalised for the turn (activityNormalize.ts); a clear 400 listing every problem otherwise. */
export function parseActivity(body: unknown): IncomingActivity {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new AppError('INVALID_ACTIVITY', 'The request body must be a JSON object (a Bot Framework activity).', {
      problems: ['(activity): expected a JSON object'],
    });
  }
  const parsed = activitySchema.safeParse(body);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(activity)'}: ${i.message}`);
    throw new AppError('INVALID_ACTIVITY', `Invalid activity: ${problems.join('; ')}`, { problems });
  }
  if (parsed.data.type === 'message' && !parsed.data.from) {
    throw new AppError('INVALID_ACTIVITY', 'Invalid activity: from: a message needs a sender', { problems: ['from: required'] });
  }
  return normalizeActivity(parsed.data) as IncomingActivity;
}
