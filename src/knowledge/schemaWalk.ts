import { z } from 'zod';
import type { KbPath } from './kbProblem';

/** Strips optional/default/nullable wrappers to reach the schema that describes the value. */
function core(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable) {
    s = s.unwrap() as z.ZodType;
  }
  return s;
}

/**
 * Keys the schema does not know, anywhere in the value. zod's objects silently drop them, so a typo such
 * as `onSucess:` would otherwise vanish and the default apply: the owner must hear about it.
 */
export function unknownKeys(schema: z.ZodType, value: unknown, path: KbPath = []): Array<{ path: KbPath; key: string }> {
  const s = core(schema);
  const out: Array<{ path: KbPath; key: string }> = [];
  if (s instanceof z.ZodObject && value && typeof value === 'object' && !Array.isArray(value)) {
    const shape = s.shape as Record<string, z.ZodType>;
    for (const [key, v] of Object.entries(value)) {
      const field = shape[key];
      if (field) out.push(...unknownKeys(field, v, [...path, key]));
      else out.push({ path: [...path, key], key });
    }
  } else if (s instanceof z.ZodArray && Array.isArray(value)) {
    value.forEach((item, i) => out.push(...unknownKeys(s.element as z.ZodType, item, [...path, i])));
  }
  return out;
}

/** A copy of a parsed value without the fields that equal their schema default, for tidy exported files. */
export function pruneDefaults(schema: z.ZodType, value: unknown): unknown {
  const s = core(schema);
  if (s instanceof z.ZodObject && value && typeof value === 'object' && !Array.isArray(value)) {
    const shape = s.shape as Record<string, z.ZodType>;
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const field = shape[key];
      if (v === undefined) continue;
      if (field instanceof z.ZodDefault && JSON.stringify(field._zod.def.defaultValue) === JSON.stringify(v)) continue;
      out[key] = field ? pruneDefaults(field, v) : v;
    }
    return out;
  }
  if (s instanceof z.ZodArray && Array.isArray(value)) return value.map((item) => pruneDefaults(s.element as z.ZodType, item));
  return value;
}
