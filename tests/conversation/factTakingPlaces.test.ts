import { expect } from 'chai';
import { factsFromMentions, factsFromMessage, choiceNamed } from '../../src/conversation/factTaking';
import { readMessage } from '../../src/nlu/reading';
import { normalizeText } from '../../src/nlu/normalize';
import { context } from '../nlu/entities/context';
import { factMatches } from '../../src/cli/conversations/check';
import { shippedReader } from './interpretRows';

// Facts taken from travellers' words: where they are (not where they go), which day (not which period), a
// choice said (not one denied), choices told in the message before a bare reference.
describe('fact taking from travellers\' words', function () {
  this.timeout(120_000);
  const reader = shippedReader();
  const problem = (id: string) => reader.kb.problems.find((p) => p.id === id)!;
  const taken = (id: string, text: string, pending?: string, known: Record<string, string> = {}) =>
    Object.fromEntries(factsFromMessage(problem(id), readMessage(text, reader.nlu, context({ timeZone: 'Europe/Paris' })), { known, ...(pending ? { pending } : {}) }, Object.keys(known).length > 0).map((f) => [f.name, f.value]));

  describe('the airport a traveller is at', () => {
    it('should not take an airport said after "to" or "from"', () => {
      expect(taken('missed_connection', 'the flight from Lisbon was late and i missed the one to Heathrow').currentAirport).to.equal(undefined);
    });

    it('should take a city with one airport as that airport', () => {
      expect(taken('missed_connection', 'still stuck in zurich, missed my connection').currentAirport).to.equal('ZRH');
    });

    it('should keep the name of a city with several airports', () => {
      expect(taken('missed_connection', 'we are in istanbul and the connection left without us').currentAirport).to.equal('Istanbul');
    });

    it('should read an airport name in lower case only as the answer to the question', () => {
      expect(taken('missed_connection', 'gatwick north terminal', 'currentAirport').currentAirport).to.equal('LGW');
      expect(taken('missed_connection', 'gatwick north terminal').currentAirport).to.equal(undefined);
    });

    it('should not take where they want to be as where they are', () => {
      expect(taken('missed_connection', 'i just need to be in munich tonight', undefined, { currentAirport: 'AMS' }).currentAirport).to.equal(undefined);
    });
  });

  describe('dates', () => {
    it('should take the day said, not the period around it', () => {
      expect(taken('baggage_lost_delayed', 'THIS YEAR ALREADY TWICE they lose my suitcase, we landed yesterday').landingDate).to.equal('2026-03-01');
    });
  });

  describe('choices', () => {
    it('should not count a choice the traveller denies', () => {
      const spec = problem('flight_changed_cancelled').facts.find((f) => f.name === 'changeType')!;
      expect(choiceNamed(spec, normalizeText('it is not cancelled, just delayed by two hours'))).to.equal('Delayed it on the day');
      expect(choiceNamed(spec, normalizeText('they cancelled it outright'))).to.equal('Cancelled the flight');
    });

    it('should take a choice told in a message before, when the problem starts from a bare reference', () => {
      const facts = factsFromMentions(problem('flight_changed_cancelled'), [], {}, ['our direct flight now has an extra stop in boston, can they do that?']);
      expect(facts.find((f) => f.name === 'changeType')?.value).to.equal('Changed the route or stopover');
    });
  });

  describe('the evaluation\'s comparison of airports', () => {
    it('should take the airport\'s name or city for its code, and nothing else', () => {
      expect(factMatches('schiphol', 'AMS')).to.equal(true);
      expect(factMatches('amsterdam', 'AMS')).to.equal(true);
      expect(factMatches('heathrow', 'AMS')).to.equal(false);
    });
  });
});
