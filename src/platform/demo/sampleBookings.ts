import type { Booking, BookingActor } from '../ports';

/*
 * The demo platform's sample bookings, across every product line. Dates are days from the moment the
 * store is first seeded, so the demo stays "current" however long after release it runs. The
 * references match the examples in the knowledge base (WL-H482913, WL-F205847...) and docs/platform.md.
 * Details carry what the rules' scope needs (src/recovery/ruleScope.ts): the destination `country`, a
 * flight's departure, arrival and airline countries, and `soldAs` (package: bought with another travel
 * service in one checkout, per the platform's checkout records).
 */

type Sample = Omit<Booking, 'bookedOn' | 'startDate' | 'endDate'> & { bookedDaysAgo: number; startInDays: number; nights?: number };

const wanderlyPayments: BookingActor = { kind: 'payment_provider', name: 'Wanderly Payments (Adyen)', email: 'payments@wanderly.example' };

function airline(name: string, site: string, phone: string): BookingActor {
  return {
    kind: 'airline',
    name,
    phone,
    links: { status: `${site}/flight-status`, manageBooking: `${site}/manage-booking`, baggage: `${site}/baggage/delayed` },
  };
}

const SAMPLES: Sample[] = [
  { reference: 'WL-H482913', product: 'hotel', status: 'confirmed', title: 'Hôtel Lumière Opéra, Paris, 2 nights, double room', travellerNames: ['Anna Schmidt', 'Jonas Schmidt'], email: 'anna.schmidt@gmail.com', bookedDaysAgo: 21, startInDays: 0, nights: 2, totalAmount: 386, currency: 'EUR',
    actors: [{ kind: 'hotel', name: 'Hôtel Lumière Opéra', phone: '+33 1 42 68 31 10', email: 'reservations@hotel-lumiere.example', links: { listing: 'https://www.google.com/maps/search/H%C3%B4tel+Lumi%C3%A8re+Op%C3%A9ra+Paris' } }, wanderlyPayments],
    details: { city: 'Paris', address: '12 rue de la Chaussée-d’Antin, 75009 Paris', country: 'FR', soldAs: 'separate' } },
  { reference: 'WL-H590144', product: 'hotel', status: 'confirmed', title: 'The Wren Hotel, London, 3 nights, single room', travellerNames: ['Tom Baker'], email: 'tom.baker@outlook.com', bookedDaysAgo: 40, startInDays: 9, nights: 3, totalAmount: 642, currency: 'GBP',
    actors: [{ kind: 'hotel', name: 'The Wren Hotel', phone: '+44 20 7946 0321', email: 'frontdesk@wrenhotel.example' }, wanderlyPayments], details: { city: 'London', country: 'GB', soldAs: 'separate' } },
  { reference: 'WL-H263871', product: 'hotel', status: 'confirmed', title: 'Hudson Park Hotel, New York, 4 nights, king room', travellerNames: ['Maria Garcia'], email: 'maria.garcia@yahoo.com', bookedDaysAgo: 12, startInDays: 30, nights: 4, totalAmount: 1196, currency: 'USD',
    actors: [{ kind: 'hotel', name: 'Hudson Park Hotel', phone: '+1 212 555 0187', email: 'stay@hudsonpark.example' }, wanderlyPayments], details: { city: 'New York', country: 'US', soldAs: 'separate' } },
  { reference: 'WL-H731502', product: 'rental', status: 'confirmed', title: 'Casa Azul apartment, Alfama, Lisbon, 5 nights', travellerNames: ['Lena Novak', 'Petr Novak'], email: 'lena.novak@gmail.com', bookedDaysAgo: 60, startInDays: 1, nights: 5, totalAmount: 720, currency: 'EUR',
    actors: [{ kind: 'host', name: 'Marta Oliveira (Casa Azul)', phone: '+351 912 345 678', email: 'casa.azul.host@example.com' }, wanderlyPayments], details: { city: 'Lisbon', checkIn: 'key box at the door, code sent 24 h before arrival', country: 'PT', soldAs: 'separate' } },
  { reference: 'WL-H915406', product: 'rental', status: 'confirmed', title: 'Canal house studio, Jordaan, Amsterdam, 3 nights', travellerNames: ['Sophie Martin'], email: 'sophie.martin@hotmail.fr', bookedDaysAgo: 18, startInDays: 14, nights: 3, totalAmount: 540, currency: 'EUR',
    actors: [{ kind: 'host', name: 'Pieter de Vries', phone: '+31 6 1234 5678' }, wanderlyPayments], details: { city: 'Amsterdam', country: 'NL', soldAs: 'separate' } },
  { reference: 'WL-F205847', product: 'flight', status: 'confirmed', title: 'Paris CDG to New York JFK, Air France AF1234, economy', travellerNames: ['Anna Schmidt'], email: 'anna.schmidt@gmail.com', bookedDaysAgo: 35, startInDays: 3, totalAmount: 612.4, currency: 'EUR',
    actors: [airline('Air France', 'https://wwws.airfrance.fr/en', '+33 9 69 39 36 54'), wanderlyPayments], details: { flightNumber: 'AF1234', airlineBookingCode: 'Q7KX2M', route: 'CDG-JFK', departureCountry: 'FR', arrivalCountry: 'US', carrierCountry: 'FR', country: 'US', soldAs: 'separate' } },
  { reference: 'WL-F318622', product: 'flight', status: 'confirmed', title: 'Lisbon to London via Amsterdam, KLM KL1692 + KL1007, economy', travellerNames: ['Lena Novak'], email: 'lena.novak@gmail.com', bookedDaysAgo: 25, startInDays: 0, totalAmount: 289, currency: 'EUR',
    actors: [airline('KLM Royal Dutch Airlines', 'https://www.klm.com', '+31 20 474 7747'), wanderlyPayments], details: { flightNumber: 'KL1692', connectingFlight: 'KL1007', airlineBookingCode: 'HT4PLW', route: 'LIS-AMS-LHR', departureCountry: 'PT', arrivalCountry: 'GB', carrierCountry: 'NL', country: 'GB', soldAs: 'separate' } },
  { reference: 'WL-F550190', product: 'flight', status: 'completed', title: 'Frankfurt to New York JFK, Lufthansa LH400, economy', travellerNames: ['Maria Garcia'], email: 'maria.garcia@yahoo.com', bookedDaysAgo: 50, startInDays: -1, totalAmount: 734, currency: 'EUR',
    actors: [airline('Lufthansa', 'https://www.lufthansa.com/de/en', '+49 69 86 799 799'), wanderlyPayments], details: { flightNumber: 'LH400', airlineBookingCode: 'R9ZC3V', route: 'FRA-JFK', departureCountry: 'DE', arrivalCountry: 'US', carrierCountry: 'DE', country: 'US', soldAs: 'separate' } },
  { reference: 'WL-F772013', product: 'flight', status: 'confirmed', title: 'London LHR to New York JFK, British Airways BA117, economy', travellerNames: ['Tom Baker'], email: 'tom.baker@outlook.com', bookedDaysAgo: 15, startInDays: 20, totalAmount: 498, currency: 'GBP',
    actors: [airline('British Airways', 'https://www.britishairways.com/travel', '+44 344 493 0787'), wanderlyPayments], details: { flightNumber: 'BA117', airlineBookingCode: 'ZX8D4K', route: 'LHR-JFK', departureCountry: 'GB', arrivalCountry: 'US', carrierCountry: 'GB', country: 'US', soldAs: 'separate' } },
  { reference: 'WL-T660318', product: 'tour', status: 'cancelled', title: 'Vatican Museums and Sistine Chapel guided tour, Rome', travellerNames: ['Giulia Rossi'], email: 'giulia.rossi@libero.it', bookedDaysAgo: 30, startInDays: 2, totalAmount: 138, currency: 'EUR',
    actors: [{ kind: 'tour_operator', name: 'Roma Walks', phone: '+39 06 4890 1234', email: 'bookings@romawalks.example' }, { kind: 'guide', name: 'Francesca Bianchi', phone: '+39 333 123 4567' }, wanderlyPayments],
    details: { meetingPoint: 'Viale Vaticano 100, by the museum exit', cancellationReason: 'weather', country: 'IT', soldAs: 'separate' } },
  { reference: 'WL-T402577', product: 'tour', status: 'confirmed', title: 'Sagrada Família skip-the-line tour, Barcelona', travellerNames: ['James Wilson', 'Emma Wilson'], email: 'james.wilson@icloud.com', bookedDaysAgo: 9, startInDays: 6, totalAmount: 94, currency: 'EUR',
    actors: [{ kind: 'tour_operator', name: 'Barcelona Tours BCN', phone: '+34 932 123 456', email: 'hola@bcntours.example' }, wanderlyPayments], details: { meetingPoint: 'Carrer de la Marina 253', country: 'ES', soldAs: 'package', soldWith: 'WL-X287340' } },
  { reference: 'WL-X119274', product: 'transfer', status: 'confirmed', title: 'Private transfer, Lisbon Airport to Alfama', travellerNames: ['Lena Novak'], email: 'lena.novak@gmail.com', bookedDaysAgo: 20, startInDays: 0, totalAmount: 42, currency: 'EUR',
    actors: [{ kind: 'driver', name: 'João Ferreira (Lisboa Transfers)', phone: '+351 933 222 111' }, wanderlyPayments], details: { pickupPoint: 'Arrivals hall, Terminal 1, by the Meeting Point sign', country: 'PT', soldAs: 'separate' } },
  { reference: 'WL-X287340', product: 'transfer', status: 'confirmed', title: 'Shared shuttle, Barcelona El Prat to hotel', travellerNames: ['James Wilson', 'Emma Wilson'], email: 'james.wilson@icloud.com', bookedDaysAgo: 9, startInDays: 5, totalAmount: 36, currency: 'EUR',
    actors: [{ kind: 'driver', name: 'Barcelona Shuttle Co.', phone: '+34 931 000 222' }, wanderlyPayments], details: { pickupPoint: 'Terminal 1, exit B', country: 'ES', soldAs: 'package', soldWith: 'WL-T402577' } },
  { reference: 'WL-C845061', product: 'car', status: 'confirmed', title: 'Compact car, Málaga Airport, 7 days (Sixt)', travellerNames: ['Oliver Jones'], email: 'oliver.jones@gmail.com', bookedDaysAgo: 28, startInDays: 4, nights: 7, totalAmount: 265, currency: 'EUR',
    actors: [{ kind: 'car_rental', name: 'Sixt Málaga Airport', phone: '+34 952 000 111', email: 'malaga-airport@sixt.example' }, wanderlyPayments], details: { supplierConfirmation: 'SX-99871243', country: 'ES', soldAs: 'separate' } },
  { reference: 'WL-C371958', product: 'car', status: 'confirmed', title: 'SUV, Denver Airport, 5 days (Hertz)', travellerNames: ['Ava Thompson'], email: 'ava.thompson@gmail.com', bookedDaysAgo: 7, startInDays: 12, nights: 5, totalAmount: 410, currency: 'USD',
    actors: [{ kind: 'car_rental', name: 'Hertz Denver International Airport', phone: '+1 303 555 0142' }, wanderlyPayments], details: { supplierConfirmation: 'H-44120987', country: 'US', soldAs: 'separate' } },
];

function day(now: Date, offset: number): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + offset)).toISOString().slice(0, 10);
}

/** The sample bookings, dated from `now` (the first start of the demo platform). */
/**
 * The demo's Microsoft Entra ID directory: one made-up object id per sample traveller (lower case), mapped to
 * their platform user id (the e-mail they book with). A Teams user with one of these ids is that traveller.
 */
export const DEMO_DIRECTORY: Readonly<Record<string, string>> = {
  'a0e1c2d3-0001-4a5b-9c8d-000000000001': 'anna.schmidt@gmail.com',
  'a0e1c2d3-0002-4a5b-9c8d-000000000002': 'lena.novak@gmail.com',
  'a0e1c2d3-0003-4a5b-9c8d-000000000003': 'james.wilson@icloud.com',
  'a0e1c2d3-0004-4a5b-9c8d-000000000004': 'sophie.martin@hotmail.fr',
  'a0e1c2d3-0005-4a5b-9c8d-000000000005': 'oliver.jones@gmail.com',
  'a0e1c2d3-0006-4a5b-9c8d-000000000006': 'ava.thompson@gmail.com',
  'a0e1c2d3-0007-4a5b-9c8d-000000000007': 'maria.garcia@yahoo.com',
  'a0e1c2d3-0008-4a5b-9c8d-000000000008': 'giulia.rossi@libero.it',
  'a0e1c2d3-0009-4a5b-9c8d-000000000009': 'tom.baker@outlook.com',
};

export function sampleBookings(now: Date): Booking[] {
  return SAMPLES.map(({ bookedDaysAgo, startInDays, nights, ...rest }) => ({
    ...rest,
    bookedOn: day(now, -bookedDaysAgo),
    startDate: day(now, startInDays),
    ...(nights !== undefined ? { endDate: day(now, startInDays + nights) } : {}),
  }));
}
