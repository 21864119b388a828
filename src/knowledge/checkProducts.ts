import { entries, err, type KbView, type RawProblem } from './kbView';
import { baseProducts, kbTexts, plain } from './checkTexts';
import { placeholdersIn } from './checkPlaceholders';

/** Words that name one product's provider in a text. */
const ACTOR_WORDS: Record<string, RegExp> = {
  hotel: /\bthe hotel(?:'s)?\b|\bfront desk\b|\breceptionist\b/i,
  rental: /\b(?:your|the) host(?:'s)?\b/i,
  flight: /\bthe airline(?:'s)?\b|\bairline desk\b/i,
  tour: /\b(?:the|your) tour operator\b|\b(?:the|your) guide\b/i,
  transfer: /\b(?:the|your) driver\b|\btransfer company\b/i,
  car: /\bcar[- ]hire (?:company|desk)\b|\b(?:rental|pick-?up) desk\b|\bcar rental company\b/i,
};

/** The product an actor kind, or a booking placeholder's prefix, belongs to. */
const ACTOR_PRODUCT: Record<string, string> = {
  hotel: 'hotel', host: 'rental', airline: 'flight', tour_operator: 'tour', guide: 'tour', driver: 'transfer', car_rental: 'car',
  tourOperator: 'tour', carRental: 'car',
};

function placeholderProduct(name: string): string | undefined {
  const prefix = /^(hotel|host|airline|driver|tourOperator|guide|carRental)[A-Z]/.exec(name)?.[1];
  return prefix ? ACTOR_PRODUCT[prefix] : undefined;
}

/**
 * kb:check, product-correct wording: a step text names only the providers of the products it is said for
 * (its variant's, or the problem's less those variants reword), and a text said for several products names
 * no single product's provider ({provider} names each); a contact_actor step reaches, for every product it is
 * said for, that product's own provider.
 */
export function checkProducts(view: KbView): RawProblem[] {
  const out: RawProblem[] = [];
  for (const t of kbTexts(view)) {
    if (t.place !== 'step' || !t.products || t.field === 'draft') continue;
    const products = new Set(t.products);
    const text = plain(t.text);
    const named = new Set(Object.entries(ACTOR_WORDS).filter(([, re]) => re.test(text)).map(([p]) => p));
    for (const name of placeholdersIn(t.text)) {
      const p = placeholderProduct(name);
      if (p) named.add(p);
    }
    const foreign = [...named].filter((p) => !products.has(p));
    if (foreign.length) out.push(err(t.kbPath, `names the ${foreign.join(' and ')} provider in a text said for ${[...products].join(', ')}: say {provider}, or add a variant for those products`));
    else if (named.size > 0 && named.size < products.size) out.push(err(t.kbPath, `names only the ${[...named].join(' and ')} provider in a text said for ${[...products].join(', ')}: say {provider}, or add variants with each product's own wording`));
  }
  for (const [pi, problem] of entries(view.problems)) {
    problem.steps.forEach((step, si) => {
      const check = (actor: string | undefined, products: readonly string[], path: Array<string | number>): void => {
        const own = actor ? ACTOR_PRODUCT[actor] : undefined;
        const wrong = own ? products.filter((p) => p !== own) : [];
        if (wrong.length) out.push(err(['problems', pi, 'steps', si, ...path], `reaches the ${actor} for ${wrong.join(', ')} bookings: add variants with each product's own actor`));
      };
      check(step.actor, baseProducts(problem, step), ['actor']);
      (step.variants ?? []).forEach((v, vi) => check(v.actor ?? step.actor, v.products, ['variants', vi, 'actor']));
    });
  }
  return out;
}
