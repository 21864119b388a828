import { expect } from 'chai';
import { normalizeText } from '../../src/nlu/normalize';
import { findStakes, isUrgent, type StakesTag } from '../../src/nlu/stakes';

// The stakes of a message as the engine reads them: on its normalised text (see readMessage).
const stakesOf = (message: string): StakesTag[] => findStakes(normalizeText(message));

describe('findStakes()', () => {
  const table: Array<[string, StakesTag[]]> = [
    ['the drivr never showed and my KIDS are with me', ['minors']],
    ['Were stuck with our 2 toddlers at the trainstation', ['minors']],
    ['my dauhgter is 4, travelling with my son too', ['minors']],
    ["I'm on my own and the apartmnt door wont open", ['alone']],
    ['travelling solo, first time abroad', ['alone']],
    ['it’s 3am and the hotel has no record of me', ['night']],
    ["landed at 11 pm, it's getting dark", ['night']],
    ['the host said come back tomorow, its midnight', ['night']],
    ['there is a man following me from the bus stop', ['safety']],
    ['the neighbourhood is really sketchy, I feel unsafe', ['safety']],
    ['We got robbed and the police are here', ['safety']],
    ['my husband is INJURED, we need a doctor', ['medical']],
    ['she needs her insulin, it was in the lost bag', ['medical']],
    ['my son has a fever of 39', ['minors', 'medical']],
    ['Locked out of the flat, key box is empty', ['stranded']],
    ['we have nowhere to sleep, the hotel is overbooked', ['stranded']],
    ['standing in the rain, nobody answers at the villa', ['stranded']],
    ['my grandma is in a wheelchair and there is no lift', ['vulnerable']],
    ['stuck outside the gîte in the rain with our BABY', ['minors', 'stranded']],
    ['alone at night, locked out, kids asleep in the car', ['minors', 'alone', 'night', 'stranded']],
    // Whole words only: a sign inside another word is not a sign.
    ['are you kidding me, the booking vanished', []],
    ['the hotel bill is still wrong', []],
    ['the nightly rate went up', []],
    ['I need a receipt for the hospitality tax', []],
    ['childcare was in the package', []],
    ['skilled staff, still no room', []],
    ['', []],
    ['😡😡😡', []],
  ];
  for (const [message, expected] of table) {
    it(`should find ${JSON.stringify(expected)} in ${JSON.stringify(message)}`, () => {
      expect(stakesOf(message)).to.deep.equal(expected);
    });
  }

  describe('word sense', () => {
    const senses: Array<[string, StakesTag[]]> = [
      // "I'll" loses its apostrophe to "ill": the adjective only after a copula or a degree word.
      ["I'll wait for the driver a bit longer", []],
      ['Ill wait at the gate', []],
      ['ok so ill try again tomorrow', []],
      ['thanks, I’ll call the hotel', []],
      ['now ill just wait', []],
      ['my son is ill', ['minors', 'medical']],
      ['my wife fell ill on the plane', ['medical']],
      ["we're all ill since the buffet", ['medical']],
      ["I'm so ill I can't fly", ['medical']],
      ['he is not ill', []],
      // Idioms of being fed up, and negated symptoms.
      ["I'm sick of waiting for my refund", []],
      ['sick and tired of this app', []],
      ['Im sick to death of your chatbot', []],
      ['I feel sick', ['medical']],
      ['my daughter is sick and has a fever', ['minors', 'medical']],
      ['nobody is hurt, the car is wrecked', []],
      ['my husband is hurt', ['medical']],
      ["it's not an emergency, just a question", []],
      ['this is an emergency', ['safety']],
      ["I'm afraid the driver never came", []],
      ["I'm afraid I have to cancel", []],
      ["I'm afraid of the man at the door", ['safety']],
      // Freezing and cold: people out in the cold, not rooms, food, apps or cards.
      ['the app keeps freezing when I add my kids', ['minors']],
      ['the payment page keeps freezing up', []],
      ['the bank is freezing my card', []],
      ['the room is cold', []],
      ['the shower water is so cold', []],
      ['my coffee is cold lol', []],
      ['the apartment is freezing, heating broken', []],
      ['kids are freezing outside', ['minors', 'stranded']],
      ["its freezing and the host isn't answering", ['stranded']],
      ['we are so cold, nobody came', ['stranded']],
      // Minor as small, locked out of something online.
      ["Just a minor issue, I'm locked out of my account", []],
      ['minor typo in my name', []],
      ['the damage is minor', []],
      ['travelling with a minor, does she need a letter', ['minors']],
      ['unaccompanied minor on the flight', ['minors']],
      ["we're locked out of the apartment with a baby", ['minors', 'stranded']],
      ['locked out of the app again', []],
      ['cant get into my account', []],
      ['we cant get into the villa', ['stranded']],
    ];
    for (const [message, expected] of senses) {
      it(`should find ${JSON.stringify(expected)} in ${JSON.stringify(message)}`, () => expect(stakesOf(message)).to.deep.equal(expected));
    }
  });

  describe('typos', () => {
    const typos: Array<[string, StakesTag[]]> = [
      // Two swapped letters, or one edit in a long word, still say the warning word.
      ['my chidlren are with me', ['minors']],
      ['stuck with 2 kdis at the station', ['minors']],
      ['my chlid is with me', ['minors']],
      ['my dauhgter is 4', ['minors']],
      ['my daughters are asleep in the car', ['minors']],
      ['we are strandd at the port', ['stranded']],
      ['where is the nearest hosptial', ['medical']],
      ['call an ambulnce', ['medical']],
      ['she needs her medicaton', ['medical']],
      // Real words one letter from a warning word are read as themselves.
      ['we are insured for the cancellation', []],
      ['the sacred temple tour was cancelled', []],
      ['is meditation included in the retreat', []],
      ['hopeless support, still no refund', []],
      ['I attached the receipt', []],
    ];
    for (const [message, expected] of typos) {
      it(`should find ${JSON.stringify(expected)} in ${JSON.stringify(message)}`, () => expect(stakesOf(message)).to.deep.equal(expected));
    }
  });

  it('should give each tag once, in a fixed order, however often and wherever it is said', () => {
    expect(stakesOf('stranded. scared. kids. kids again. stranded, it is midnight')).to.deep.equal(['minors', 'night', 'safety', 'stranded']);
  });

  describe('on a 100,000-character message', function () {
    // Linear in the length: a quadratic scan of this text would run for minutes, not within the timeout.
    this.timeout(5_000);
    const filler = 'the booking page shows an error again '.repeat(2700);

    it('should read it to the end', () => {
      const text = `${filler}and now we are stranded`;
      expect(text.length).to.be.above(100_000);
      expect(findStakes(normalizeText(text, text.length))).to.deep.equal(['stranded']);
    });

    it('should read every word in context and check it for typos, still in one pass', () => {
      const text = `${'a minor issue, ill wait, the app keeps freezing, the room is cold, chidlren strandd '.repeat(1300)}`;
      expect(text.length).to.be.above(100_000);
      expect(findStakes(normalizeText(text, text.length))).to.deep.equal(['minors', 'stranded']);
      const manyLongWords = 'hospitalisation '.repeat(7000);
      expect(findStakes(normalizeText(manyLongWords, manyLongWords.length))).to.deep.equal([]);
    });

    it('should find nothing in it when nothing is said', () => {
      const text = 'x'.repeat(100_000);
      expect(findStakes(text)).to.deep.equal([]);
      expect(stakesOf(text)).to.deep.equal([]);
    });
  });
});

describe('isUrgent()', () => {
  const table: Array<[StakesTag[], boolean]> = [
    [[], false],
    [['minors'], false],
    [['alone'], false],
    [['vulnerable'], false],
    [['night'], false],
    [['stranded'], false],
    [['safety'], true],
    [['medical'], true],
    [['minors', 'stranded'], true],
    [['minors', 'night'], true],
    [['alone', 'stranded'], true],
    [['alone', 'night'], true],
    [['vulnerable', 'stranded'], true],
    [['vulnerable', 'night'], true],
    [['stranded', 'night'], true],
    [['minors', 'alone'], false],
    [['minors', 'vulnerable', 'alone'], false],
    [['minors', 'safety'], true],
  ];
  for (const [tags, expected] of table) {
    it(`should say ${expected} for ${JSON.stringify(tags)}`, () => expect(isUrgent(tags)).to.equal(expected));
  }

  const messages: Array<[string, boolean]> = [
    ['do children need a passport?', false],
    ['is there a kids club at the resort', false],
    ['i am travelling alone, can i get a single room', false],
    ['my kids and I are locked out and its freezing', true],
    ['our baby is with us and we are stuck outside in the cold', true],
    ['on my own at the airport at 2am, the transfer never came', true],
    ['a guy is threatening us at the check in desk', true],
    ['my mum fainted at the airport', true],
    ['we have nowhere to sleep tonight', true],
    ["I'll wait for the driver a bit longer", false],
    ["I'm sick of waiting for my refund", false],
    ['Just a minor issue, locked out of my account', false],
    ['the room is cold and the kids are with me', false],
    ['my kids are freezing, the driver never came', true],
  ];
  for (const [message, expected] of messages) {
    it(`should say ${expected} for ${JSON.stringify(message)}`, () => expect(isUrgent(stakesOf(message))).to.equal(expected));
  }

  it('should tag "do children need a passport" as about minors, and still not urgent', () => {
    const tags = stakesOf('do children need a passport');
    expect(tags).to.deep.equal(['minors']);
    expect(isUrgent(tags)).to.equal(false);
  });
});
