import type { FactSpec } from '../knowledge/schema';

const KIND_LABELS: Partial<Record<FactSpec['kind'], string>> = {
  bookingReference: 'Booking',
  email: 'E-mail',
  date: 'Date',
  dateRange: 'Dates',
  name: 'Name',
  amount: 'Amount',
  currency: 'Currency',
  phone: 'Phone',
  flightNumber: 'Flight',
};

/** A fact's short label for summaries: the KB's `label`, else its kind's, else its name in words. */
export function factLabel(spec: FactSpec): string {
  if (spec.label) return spec.label;
  if (spec.kind !== 'text' && spec.kind !== 'choice' && KIND_LABELS[spec.kind]) return KIND_LABELS[spec.kind]!;
  const words = spec.name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
