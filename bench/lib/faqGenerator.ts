import { seededRandom } from '../../src/nlu/sparse';

/** A generated FAQ entry and held-out ways of asking it (never among its training questions). */
export interface GeneratedFaq {
  id: string;
  questions: string[];
  answer: string;
  /** Paraphrases and typo'd forms for measuring latency and accuracy. */
  probes: string[];
}

// Realistic slots of a travel platform's help centre. An entry is one (task, thing, product, place) combination:
// 26 x 24 x 8 x 60 = 299,520 distinct entries, so 100,000 entries need no copy.
const TASKS: Array<[string, string, string]> = [
  ['change', 'change', 'changing'], ['cancel', 'cancel', 'cancelling'], ['add', 'add', 'adding'], ['remove', 'remove', 'removing'],
  ['upgrade', 'upgrade', 'upgrading'], ['pay for', 'pay for', 'paying for'], ['get a refund for', 'refund', 'refunding'], ['confirm', 'confirm', 'confirming'],
  ['find', 'find', 'finding'], ['print', 'print', 'printing'], ['transfer', 'transfer', 'transferring'], ['split', 'split', 'splitting'],
  ['request', 'request', 'requesting'], ['report a problem with', 'report', 'reporting'], ['extend', 'extend', 'extending'], ['shorten', 'shorten', 'shortening'],
  ['rename', 'rename', 'renaming'], ['reschedule', 'reschedule', 'rescheduling'], ['check', 'check', 'checking'], ['share', 'share', 'sharing'],
  ['download', 'download', 'downloading'], ['insure', 'insure', 'insuring'], ['claim compensation for', 'claim for', 'claiming for'], ['book', 'book', 'booking'],
  ['reserve', 'reserve', 'reserving'], ['modify', 'modify', 'modifying'],
];
const THINGS = [
  'pickup time', 'luggage allowance', 'seat', 'meal', 'room type', 'guest name', 'child seat', 'extra bed', 'breakfast', 'parking spot',
  'travel insurance', 'voucher', 'invoice', 'deposit', 'e-ticket', 'boarding pass', 'sports equipment', 'pet', 'wheelchair assistance',
  'late check-in', 'early check-out', 'additional driver', 'guided tour slot', 'return journey',
];
const PRODUCTS = ['hotel', 'holiday rental', 'flight', 'tour', 'airport transfer', 'car rental', 'train ticket', 'ferry crossing'];
const PLACES = [
  'Lisbon', 'Porto', 'Madrid', 'Seville', 'Barcelona', 'Valencia', 'Paris', 'Nice', 'Lyon', 'Marseille', 'Rome', 'Milan', 'Naples', 'Venice',
  'Florence', 'Athens', 'Crete', 'Rhodes', 'Istanbul', 'Antalya', 'Dubrovnik', 'Split', 'Vienna', 'Prague', 'Budapest', 'Krakow', 'Berlin',
  'Munich', 'Hamburg', 'Amsterdam', 'Brussels', 'Copenhagen', 'Stockholm', 'Oslo', 'Helsinki', 'Reykjavik', 'Dublin', 'Edinburgh', 'London',
  'Manchester', 'Marrakech', 'Cairo', 'Cape Town', 'Nairobi', 'Dubai', 'Doha', 'Bangkok', 'Phuket', 'Bali', 'Singapore', 'Tokyo', 'Kyoto',
  'Seoul', 'Sydney', 'Auckland', 'New York', 'Miami', 'Cancun', 'Havana', 'Lima',
];
const ASK = [
  (t: string, x: string, p: string, c: string) => `How do I ${t} the ${x} of my ${p} in ${c}?`,
  (t: string, x: string, p: string, c: string) => `Can I ${t} my ${x} for a ${p} booking in ${c}?`,
  (t: string, x: string, p: string, c: string) => `${c} ${p}: is it possible to ${t} the ${x}?`,
  (t: string, x: string, p: string, c: string) => `I need to ${t} the ${x} on my ${c} ${p}`,
];
const PROBE = [
  (g: string, x: string, p: string, c: string) => `${g} ${x} ${p} ${c}`,
  (g: string, x: string, p: string, c: string) => `what about ${g} the ${x} on a ${p} in ${c}??`,
];

function typo(text: string, random: () => number): string {
  const words = text.split(' ');
  const i = words.findIndex((w, k) => k >= Math.floor(random() * words.length) && w.length >= 6);
  if (i < 0) return text;
  const w = words[i];
  const j = 1 + Math.floor(random() * (w.length - 2));
  words[i] = w.slice(0, j) + w[j + 1] + w[j] + w.slice(j + 2);
  return words.join(' ');
}

/** `count` distinct FAQ entries (deterministic for a seed), each with three questions and held-out probes. */
export function generateFaqs(count: number, seed = 42): GeneratedFaq[] {
  const total = TASKS.length * THINGS.length * PRODUCTS.length * PLACES.length;
  if (count > total) throw new Error(`at most ${total} distinct entries`);
  const random = seededRandom(seed);
  // A stride coprime with the total walks the combinations in a scattered but repeat-free order.
  const stride = 104_729;
  const out: GeneratedFaq[] = [];
  for (let n = 0; n < count; n += 1) {
    let k = (n * stride) % total;
    const place = PLACES[k % PLACES.length]; k = Math.floor(k / PLACES.length);
    const product = PRODUCTS[k % PRODUCTS.length]; k = Math.floor(k / PRODUCTS.length);
    const thing = THINGS[k % THINGS.length]; k = Math.floor(k / THINGS.length);
    const [verb, shortVerb, gerund] = TASKS[k % TASKS.length];
    const asks = ASK.map((a) => a(verb, thing, product, place));
    const skip = n % ASK.length;
    const questions = asks.filter((_, i) => i !== skip);
    const probes = [...PROBE.map((p) => p(gerund, thing, product, place)), typo(asks[skip], random), `${shortVerb} ${thing} ${place} ${product}`];
    out.push({ id: `gen-${n}`, questions, answer: `To ${verb} the ${thing} of a ${product} in ${place}: open **My trips**, choose the booking, then **Manage**.`, probes });
  }
  return out;
}
