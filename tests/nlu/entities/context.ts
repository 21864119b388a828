import { expect } from 'chai';
import type { Entity, EntityContext } from '../../../src/nlu/entities';

/** Monday 2 March 2026, 09:30 UTC: the fixed now of every entity test. */
export const NOW = new Date('2026-03-02T09:30:00Z');

/** The reference formats of knowledge/platform.yaml. */
export const FORMATS: EntityContext['referenceFormats'] = [
  { product: 'hotel', pattern: 'WL-H\\d{6}', example: 'WL-H482913' },
  { product: 'flight', pattern: 'WL-F\\d{6}', example: 'WL-F205847' },
  { product: 'tour', pattern: 'WL-T\\d{6}', example: 'WL-T660318' },
  { product: 'transfer', pattern: 'WL-X\\d{6}', example: 'WL-X119274' },
  { product: 'car', pattern: 'WL-C\\d{6}', example: 'WL-C845061' },
];

/** A context with the platform's reference formats, in UTC unless told otherwise. */
export function context(extra: Partial<EntityContext> = {}): EntityContext {
  return { now: NOW, timeZone: 'UTC', referenceFormats: FORMATS, ...extra };
}

/** Asserts every entity's span is its raw text, and returns them as [kind, value, raw] triples. */
export function triples(text: string, entities: Entity[]): Array<[string, string, string]> {
  for (const e of entities) expect(text.slice(e.start, e.end), `${e.kind} span`).to.equal(e.raw);
  return entities.map((e) => [e.kind, e.value, e.raw]);
}
