import { expect } from 'chai';
import { findCues, type MessageCues } from '../../src/nlu/cues';
import { normalizeText } from '../../src/nlu/normalize';
import { cuesOf } from './cuesOf';

type CueName = keyof MessageCues;

/** Per cue: messages that show it, and messages that must not (most of them traps for substring matching). */
const TABLES: Array<[CueName, string[], string[]]> = [
  [
    'question',
    [
      'is american express accepted',
      'Is AmEx acepted at the hotel',
      'are pets allowed',
      'can i bring my dog',
      'any luggage storage at the villa',
      'do I need a visa for Canada',
      'whats the checkin time',
      'Wheres my refund',
      'i wonder if breakfast is included',
      'So how long does a refund take',
      'the driver never came, what should i do',
      'is it normal that the refund is pending',
      'refund for WL-H482913?',
      'is it "WL-H482913?"',
      'say I cancel tomorrow, do I get my money back',
      'will I get a refund',
      'have you found my booking',
      'can my kids stay for free',
      'do they have a cot',
      'what a shame, is there another tour?',
      'wait, where exactly am i supposed to type it? maybe i put it in the wrong box',
      'is breakfast included? we land at 6am',
    ],
    [
      'island tour was cancelled',
      'Cancel my booking',
      'Doors locked, nobody at reception',
      'this is my booking',
      'the hotel asked what time I arrive',
      'Whatsapp number of the host is wrong',
      'I was charged twice.',
      'Willow Lodge has no record of me',
      // An opening auxiliary followed by no subject is a reply or a statement; "what a ..." is an exclamation.
      'what a mess',
      'What a nightmare this trip has been',
      'have a nice day',
      'Have a good one!',
      'will do',
      'Will do, thanks',
      'do not have one',
      'can do',
      'would be great',
      'should be the 17th, not the 16th',
      'is not working',
      'have been waiting 2 hours',
      // A "?" that closes no question: a link's query, a lone "?" after a code.
      'the link https://wanderly.example/trip?id=4 shows nothing',
      'my ref WL-H482913? no wait, WL-H482931',
    ],
  ],
  [
    'hypothetical',
    [
      'say I cancel, do I lose the deposit',
      'Say my flight is delayed, what then',
      'lets say the flight is 4 hours late',
      'what if the flight is late',
      'if i cancel will i get a refund',
      'supposing the hotel is full',
      'in case the transfer is late what do they do',
      'would i get compensation',
      'so say we land after midnight, what happens',
    ],
    ['the gift voucher expired', 'iffy wifi in the room', 'the driver said I was late', 'sayonara', 'I would like a refund', 'my flight was cancelled', 'they say my card is not accepted', 'the hotel staff say the room is not ready'],
  ],
  [
    'failure',
    [
      'I was charged twice.',
      "the driver didn't show up",
      'the drivr didn’t come',
      'I never got a confirmation',
      'the hotel canceled my booking',
      'my card was declined',
      'stuck at the gate',
      "can't log in",
      'nobody came to pick us up',
      'there is a problem with my booking',
      'something is wrong with my card',
      'issue with the transfer',
      'they charged me double',
      'the room was double booked',
      'charged double for the room',
      'I never got my refund',
      'my amsterdam host doesnt respond to anything',
      'the owner went silent a week ago',
      'still no email from you',
      'no sign of the driver at arrivals',
      'the place we booked is a dump',
      'they spelt my name wrong on the ticket, it says Bakker',
    ],
    [
      'the hotel is lovely',
      'doubletree hotel in Lisbon',
      'cancel my booking',
      'everything is fine',
      'Cancellation policy please',
      'the apartment on Stuckey Road',
      // A negated failure word reassures; "double" names a kind of room or bed; "never mind" drops it.
      'no problem at all',
      'No problem!',
      'not a problem',
      'nothing wrong with the room',
      'no issues with the car',
      'the double room',
      'a double bed please',
      'I want to double check my dates',
      'never mind',
    ],
  ],
  [
    'notWorked',
    [
      "didn't work",
      'it didnt work',
      'still nothing',
      'tried that, no luck',
      'did that already',
      'same problem as before',
      'that didnt help',
      'it worked before but not working now',
      'useless',
      // A denied "it worked" is a report that it did not.
      "it's not fixed",
      'not sorted yet',
      'the problem is not solved',
      'I never got my refund',
      'nothing worked',
      'nothing yet',
    ],
    ['it worked!', 'works now', 'that helped thanks', 'I tried the pasta', 'still at the hotel, all fine'],
  ],
  [
    'worked',
    ['it worked!', 'that worked, thanks', 'works now', 'Found him, he was at exit B', 'found it', 'sorted', 'all good now', 'got it thanks', 'the driver is here', 'oh nvm, pressed the apple button and im in now', 'host finally let us in'],
    [
      "didn't work",
      'it worked before but not working now',
      'got it, but the driver is still not here',
      'foundation',
      'workers at the door',
      'network is down',
      "it's not fixed",
      'not sorted yet',
      'the problem is not solved',
      'I never got my refund',
      "I haven't got it",
      'not resolved yet',
      'im in the lobby and nobody is here',
      "it still hasn't let me in",
    ],
  ],
  [
    'dontKnow',
    ["I don't know", 'I don’t know', 'dont know it by heart', 'no idea', 'i dunno', 'not sure', "can't remember the number", 'idk', 'no clue'],
    ['I know', 'I know the reference', "I'm sure", 'remember me?', 'sure, WL-H482913'],
  ],
  [
    'dontHave',
    ["I don't have it", 'I dont have the reference', 'lost my confirmation email', "I haven't got it", 'cant find my confirmation', 'I have no reference', 'no booking number on the email', 'ok. no file number yet, still queuing', 'still no conf code from them', 'came without any receipt'],
    ['I have it here', 'I have the number', 'here it is: WL-H482913', 'donthave', 'no, the number is 0612', 'no problem, the code works now', 'nothing wrong with the voucher'],
  ],
  [
    'person',
    ['can i speak to an actual human', 'let me chat with a real live agent', 'i want to talk with one of your staff', 'connect me to somebody who can fix this', 'is there a way to reach a human here', 'just hand me over to your team', 'call me please, +33 6 12 34 56 78', 'can the support team contact me', 'this is going nowhere. agent pls', 'i want a real person', 'i need assistance from your staff', 'can you get a colleague of yours', 'i want a manager'],
    ['the human body is weird', 'the staff were lovely', 'i talked to the hotel, they said no', 'someone stole my bag', 'speak slowly please', 'the agent at the desk was rude', 'one person now, not two', 'the booking is for one person', 'r u an actual human', 'can the staff at the hotel fix the heating', 'the hotel manager said no', 'i need a car but the agent at the desk said no'],
  ],
  [
    'bookedElsewhere',
    ["we didn't book it with you", 'booked the return leg directly on the easyjet site', 'i never booked that hotel with you, just the flight', 'havent booked yet, just looking', 'my husband booked it himself... separately i mean', 'it was not through you'],
    ['booked it with you last month', 'i booked through your app', 'the booking is WL-F205847', 'can you book it for me', 'you booked the wrong date', 'I directly went to the desk'],
  ],
  [
    'skip',
    ['skip', 'skip this one', 'pass', 'next question', 'n/a', 'N/A', 'na', "doesn't matter", 'not applicable', 'nothing', 'none', 'nothing to add'],
    ['passport', 'my passport number', 'the overpass', 'skipper', 'skipped breakfast', 'Nadia Schmidt', 'matters a lot', 'still nothing', 'Still nothing!!', 'nothing yet', 'nothing happened', 'nothing so far'],
  ],
  [
    'correction',
    ['sorry typo, WL-H482913', "actually it's the 5th", 'I meant the 6th', 'oops i meant WL-H590144', 'correction: the 6th', "my bad, it's Anna", "no wait, it's the 6th"],
    ['the driver meant well', 'the hotel is actual garbage', 'typology', 'meaning the reservation', 'the booking was reinstated'],
  ],
  [
    'alreadySaid',
    ['I already told you', 'like I said, Paris', 'I already gave you the reference', 'scroll up', 'see above', 'I just told you', 'as i said the 6th'],
    ['the hotel told me to ask you', 'they said no', 'above the reception', 'I gave the driver my number', 'already paid'],
  ],
  [
    'change',
    ['change the date', 'I need to change the dates', 'edit the name please', "that's wrong", 'wrong date', 'that is not correct', 'incorrect name', 'update my email', 'can you update my phone number', 'pls change it to the 6th'],
    // "update" and "change" as nouns ask for news.
    ['exchange rate', 'the currency exchange', 'my flight changed', 'changes nothing for me', 'updates by email', 'Any update?', 'any update on my refund', 'update me when you know', 'waiting for an update', 'any change?', 'give me an update pls'],
  ],
  [
    'repeatedContact',
    ['this is the third time I write', "This is the 4th time I'm writing", "I've been waiting for days", 'nobody replies to my emails', 'I keep calling the hotel', 'once again nothing'],
    ["it's my first time in Lisbon", 'third floor, room 304', 'again', 'we waited for the driver', 'I came back again'],
  ],
  [
    'request',
    ['please cancel it', 'pls change the date', 'can you change the date', 'could you resend the voucher', "I'd like to cancel", 'id like to cancel', 'I want to change my name', 'help me'],
    ['pleased with the hotel', 'I wanted to say thanks', 'the helpdesk was closed', 'cancellation', 'canyon tour booked'],
  ],
  [
    'declinePerson',
    ['no need for a person', "i don't want an agent", 'no thanks', "I'll try myself first", 'keep going', 'lets continue', 'I dont need anyone', 'no human, just tell me', 'i dont want to talk to anyone, just give me my money back', "i'll do it myself then"],
    ['I want an agent', 'talk to someone', 'a real person please', 'I need a person', 'keep the booking', 'a human being please'],
  ],
  [
    'person',
    ['talk to someone', 'a real person please', 'not another bot', 'put me through to a supervisor', 'can someone call me', 'i need someone now', 'speak w someone', 'is there a real human', 'pls can someone from the platform just deal with this', 'is there anyone i can call?', 'could somebody ring me please', 'let me speak to your staff', 'can a member of staff help me', 'can I get a callback', 'I need help from an actual employee', 'can your colleagues take over', 'any humans around?', 'are there any real people there', 'pass this to your team', 'can i talk to a customer service rep', 'i give up, please have someone look at it', 'need a human asap', 'please escalate this', 'I need an agent, my hotel has no record of me', 'i dont want a bot, give me a person', 'I would like to be put in contact with an employee', 'who can i talk to about a problem with my car rental', 'is anyone from wanderly there who can help'],
    ['a personal question', 'someone took my bag', 'the hotel staff were no help', 'the bot said so', 'the agent at the desk was rude', 'my manager booked it', 'the driver said he would call me', 'someone can pick us up at 5', 'i called the hotel and nobody answered', 'i called customer care and they said to wait', 'the airline promised a callback that never came', 'a representative at the desk said no', 'the team at the desk were lovely', 'my advisor at the bank said the card is fine', 'i was talking to someone at the desk and they said no', 'we tried to speak to a person at the counter but it was closed', 'are you a human?', 'is this e-mail a real one', 'has anyone from wanderly looked at it yet', 'this is the third time i write to your team', 'your staff at the desk were rude', 'an agent at the desk said no', 'i gave the keys to an employee of the hotel'],
  ],
  [
    'waiting',
    ['k how long', 'how much longer??', 'anything yet?', "what's the status", 'how many people are ahead of me', 'my place in the queue', 'any news', 'anyone there?', 'is someone coming', 'how long till someone answers', 'how long will it take?', 'so how long is this going to take now', 'any idea how long i have to wait'],
    ['news about the strike', 'the waiting room', 'how long is the flight', 'how long does a refund usually take', 'queue at the check in was long', 'someone else booked it', 'how long will it take to get my refund', 'how long does the transfer take to the hotel'],
  ],
  [
    'thanks',
    ['thanks', 'Thanks!!', 'thank u', 'thx', 'ty', 'ta', 'cheers', 'much appreciated', 'WL-H482913 thx', 'Thank you!'],
    ['thanksgiving trip', 'cheerful staff', 'the tab was wrong', 'tyres were flat', 'data roaming', 'a taxi'],
  ],
];

describe('findCues()', () => {
  for (const [cue, positives, negatives] of TABLES) {
    describe(cue, () => {
      for (const message of positives) {
        it(`should see it in ${JSON.stringify(message)}`, () => expect(cuesOf(message)[cue], message).to.equal(true));
      }
      for (const message of negatives) {
        it(`should not see it in ${JSON.stringify(message)}`, () => expect(cuesOf(message)[cue], message).to.equal(false));
      }
    });
  }

  it('should read a question mark only at the end of the message, after closing quotes or brackets', () => {
    expect(cuesOf('WL-H482913?').question).to.equal(true);
    expect(cuesOf('refund (WL-H482913?)').question).to.equal(true);
    expect(cuesOf('WL-H482913?   ').question).to.equal(true);
    expect(cuesOf('WL-H482913? the driver never came.').question).to.equal(false);
  });

  it('should read a hypothetical as a question even without a question mark or a question opening', () => {
    const cues = cuesOf('say I cancel the tour tomorrow');
    expect(cues).to.deep.include({ hypothetical: true, question: true });
  });

  it('should see nothing in an empty or emoji-only message', () => {
    for (const message of ['', '   ', '🙂🙂']) {
      expect(Object.entries(cuesOf(message)).filter(([, on]) => on), JSON.stringify(message)).to.deep.equal([]);
    }
  });

  it('should read the whole normalised text of a long message, to its last word', function () {
    this.timeout(5_000);
    const long = `${'the booking page shows the wrong hotel name '.repeat(2300)} thanks`;
    expect(long.length).to.be.above(100_000);
    const cues = findCues(long, normalizeText(long, long.length));
    expect(cues).to.deep.include({ thanks: true, failure: true, question: false });
  });

  it('should read negations and words in context in a long message in one pass, the last reading deciding', function () {
    this.timeout(5_000);
    const denials = 'it is not fixed, no problem, any update, a double room, never mind, still nothing '.repeat(1300);
    expect(denials.length).to.be.above(100_000);
    const read = (text: string) => findCues(text, normalizeText(text, text.length));
    expect(read(denials)).to.deep.include({ worked: false, notWorked: true, change: false, skip: false });
    expect(read(`${denials.replace(/still nothing /g, '')} and now it is finally sorted`)).to.deep.include({ worked: true, notWorked: false });
  });
});
