/**
 * Activities as channels and clients really send them, made safe for the SDK and the dialogs to read. The schema
 * (activitySchema.ts) refuses what cannot be a turn; these tolerate what can: botbuilder reads `entities[i].type`,
 * a mention's `mentioned.id`, `membersAdded[i].id` and `recipient.id` without checks, and the dialogs read a card's
 * `target`, `label` and `value` as strings, so a null, a number or a missing field there would fail the turn.
 */

type Json = Record<string, unknown>;

/** Fields of our cards' Action.Submit data (bot/cards.ts, SubmitData) that the dialogs read as strings. */
const SUBMIT_STRING_FIELDS = ['target', 'label', 'value', 'platform', 'stepId', 'caseId', 'answer'] as const;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isAccount(value: unknown): value is Json & { id: string } {
  return isObject(value) && typeof value.id === 'string' && value.id.length > 0;
}

/** An entity the SDK can read: an object with a string type; a mention also names who with a string id and text. */
function isReadableEntity(value: unknown): boolean {
  if (!isObject(value) || typeof value.type !== 'string') return false;
  if (value.type.toLowerCase() !== 'mention') return true;
  return isAccount(value.mentioned) && typeof value.text === 'string';
}

/**
 * A card's posted data, when it is ours (`rebound` is a string): every field the dialogs read as a string is a
 * string or absent. Anything else is returned as it is (it is not a card press, the turn reads the text).
 */
export function normalizeSubmitValue(value: unknown): unknown {
  if (!isObject(value) || typeof value.rebound !== 'string') return value;
  const out: Json = { ...value };
  for (const field of SUBMIT_STRING_FIELDS) {
    if (field in out && typeof out[field] !== 'string') delete out[field];
  }
  return out;
}

/**
 * A copy of the activity in the shapes the SDK and the dialogs read: `entities`, `membersAdded` and
 * `membersRemoved` are lists of readable items (or absent); a card's data has string fields; an Adaptive Card
 * invoke without an action object loses its value (the SDK then answers it 400 instead of failing);
 * `recipient`, when missing, is `bot` (the bot's own account, as the channel would have named it).
 */
export function normalizeActivity<T extends Json>(activity: T, bot?: { id: string; name?: string }): T {
  const out: Json = { ...activity };
  if ('entities' in out) {
    if (Array.isArray(out.entities)) out.entities = out.entities.filter(isReadableEntity);
    else delete out.entities;
  }
  for (const key of ['membersAdded', 'membersRemoved'] as const) {
    if (!(key in out)) continue;
    if (Array.isArray(out[key])) out[key] = (out[key] as unknown[]).filter(isAccount);
    else delete out[key];
  }
  if ('value' in out) {
    if (out.type === 'invoke' && out.name === 'adaptiveCard/action' && !(isObject(out.value) && isObject(out.value.action))) delete out.value;
    else out.value = normalizeSubmitValue(out.value);
  }
  if (!isAccount(out.recipient) && bot) out.recipient = { ...bot, role: 'bot' };
  return out as T;
}
