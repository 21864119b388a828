import { expect } from 'chai';
import type { Activity } from 'botbuilder';
import { dialogWorld, cardText, textOf, type Conversation, type DialogWorld } from '../harness';
import { pressButton, replyShowing } from '../travellers';

type Replies = Array<Partial<Activity>>;
type Row = [traveller: string | Record<string, unknown> | { button: string | RegExp }, expected: Array<string | RegExp>];

/** Plays a table of [traveller, expected bot] turns; a { button } row presses that button on the last card. */
async function play(conversation: Conversation, rows: Row[]): Promise<Replies> {
  let last: Replies = [];
  for (const [traveller, expected] of rows) {
    if (typeof traveller === 'string') last = await conversation.say(traveller);
    else if ('button' in traveller) {
      const card = [...last].reverse().find((r) => JSON.stringify(r.attachments ?? []).includes('Action.Submit') && cardText(r).match(traveller.button as RegExp | string));
      expect(card, `no card with ${String(traveller.button)}`).to.not.equal(undefined);
      last = await pressButton(conversation, card!, traveller.button as string | RegExp);
    } else last = await conversation.press(traveller);
    for (const e of expected) replyShowing(last, e);
  }
  return last;
}

const HOTEL = { rebound: 'choose', target: 'problem:hotel_no_reservation' };

describe('RecoveryDialog', () => {
  let world: DialogWorld;
  before(async function () {
    this.timeout(60_000);
    world = await dialogWorld();
  });

  describe('platform look-ups (S6)', () => {
    it('should say it cannot find a reference, offer the nearest booking, and take what the booking holds', async () => {
      await play(world.conversation(), [
        [HOTEL, [/starts with WL-H/]],
        ['WL-H482914', ["I can't find WL-H482914 on Wanderly. Did you mean WL-H482913?", 'Yes, WL-H482913']],
        // The booking holds the name and the dates: neither is asked.
        [{ button: 'Yes, WL-H482913' }, ['What phone number can we reach you on right now?']],
        ['+44 20 7946 0958', ['Anna Schmidt', "Yes, that's right", 'Change traveller']],
        // The booking's names back the S6 name check of a name the traveller changes.
        [{ button: 'Change traveller' }, ['Whose name is the booking under']],
        ['Ana Schmit', ['The booking is under "Anna Schmidt". Is that the name you meant?']],
      ]);
    });

    it('should fill the hotel contact and its phone link from the booking', async () => {
      const last = await play(world.conversation(), [
        [HOTEL, []],
        ['WL-H482913', []],
        ['+44 20 7946 0958', ['WL-H482913', 'Anna Schmidt', /2\s*–\s*4 March 2026/, "Yes, that's right"]],
        // Confirmed in one line: the check step is not asked again.
        [{ button: "Yes, that's right" }, ['Step 2 of 7 · Step by step']],
        [{ button: 'No, still stuck' }, ['Step 3 of 7 · Check an outside source', '[The hotel’s own front desk and reservations office](tel:+33142683110)'.replace('’', "'")]],
        [{ button: 'No, still stuck' }, ['Step 4 of 7 · Contact them directly', 'Who: Hôtel Lumière Opéra (the hotel)', 'Phone: +33 1 42 68 31 10', 'Wanderly booking WL-H482913 for Anna Schmidt']],
        [{ button: 'Send it for me' }, ['✓ Sent to **Hôtel Lumière Opéra** about WL-H482913', /Hôtel Lumière Opéra\*\* replied:/, 'Did that work: the hotel confirmed your room?']],
        [{ button: 'Yes, that worked' }, [world.kb.platform.messages.resolved.slice(0, 40)]],
      ]);
      expect(last.length).to.be.greaterThan(0);
      const record = await world.stores.bookings.get('WL-H482913');
      expect(record!.messages.map((m) => m.from)).to.deep.equal(['traveller', 'actor']);
      expect(record!.messages[0].text).to.include('The guest can be reached on +44 20 7946 0958');
    });

    it('should request the cancellation the traveller chose, and report its id and status', async () => {
      await play(world.conversation(), [
        [{ rebound: 'choose', target: 'problem:change_or_cancel_booking' }, []],
        ['WL-H590144', []],
        ['Cancel the booking', []],
        [{ rebound: 'answer', input: { kind: 'fact_skipped', name: 'newTravelDates' } }, ["Yes, that's right"]],
        [{ button: "Yes, that's right" }, ['Have the booking working']],
        [{ button: 'Have the booking working' }, ['Step 2 of 5']],
        [{ button: 'Yes, that worked' }, ['Step 3 of 5 · Use a Wanderly feature', 'Cancel WL-H590144 for me']],
        [{ button: 'Cancel WL-H590144 for me' }, [/request \*\*REQ-[0-9A-F]{8}\*\*, status \*\*approved\*\*/, /Did that work/]],
      ]);
      expect((await world.stores.bookings.get('WL-H590144'))!.booking.status).to.equal('cancelled');
    });
  });

  describe('interruptions', () => {
    it('should give a case reference within two turns when the traveller asks for a person mid-recovery', async () => {
      const conversation = world.conversation();
      await play(conversation, [[HOTEL, [/case reference is|opened case/]], ['WL-H482913', ['What phone number']]]);
      const replies = await conversation.say('I want to talk to a real person');
      const handoff = replyShowing(replies, /Your case reference is \*\*RB-/);
      const reference = /\*\*(RB-[0-9A-Z]+)\*\*/.exec(textOf(handoff))![1];
      expect([...world.stores.cases.cases.values()].find((c) => c.reference === reference)?.status).to.equal('pending');
    });

    it('should show the case on "status" and carry on with the same question', async () => {
      await play(world.conversation(), [
        [HOTEL, []],
        ['WL-H482913', ['What phone number']],
        ['status', [/\*\*Case RB-[0-9A-Z]+\*\*/, "Status: we're working on it together here.", 'What phone number']],
      ]);
    });

    it('should stop on "cancel" and close the case', async () => {
      const conversation = world.conversation();
      await play(conversation, [[HOTEL, []], ['cancel', [/stopped here|leave it there/]]]);
      const c = [...world.stores.cases.cases.values()].find((x) => x.conversationId === conversation.adapter.conversation.conversation.id);
      expect(c?.status).to.equal('abandoned');
    });
  });
});
