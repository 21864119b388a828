import { expect } from 'chai';
import { buttonsOf, textOf, type BotClient, type ReplyActivity } from '../helpers/botClient';

/** Presses the button with this title among the replies (a failed assertion lists what the bot said). */
export async function pressTitled(client: BotClient, replies: ReplyActivity[], title: string | RegExp): Promise<ReplyActivity[]> {
  const button = replies.flatMap(buttonsOf).find((b) => (typeof title === 'string' ? b.title === title : title.test(b.title)));
  expect(button, `a "${String(title)}" button; the bot said:\n${replies.map((r) => `${textOf(r)} [${buttonsOf(r).map((b) => b.title).join(' | ')}]`).join('\n')}`).to.not.equal(undefined);
  return client.press(button!.data as Record<string, unknown>);
}

/**
 * Walks the starter problem "Cannot log in" to its end on the shipped KB: the facts (confirmed), the wished
 * outcome, then "Yes, that worked" until the bot says it is sorted. Returns the case reference.
 */
export async function walkToResolution(client: BotClient): Promise<string> {
  await client.join();
  const opening = await client.say("I can't log in to my account");
  const reference = /RB-[0-9A-Z]{6}/.exec(opening.map(textOf).join('\n'))?.[0];
  expect(reference, opening.map(textOf).join('\n')).to.be.a('string');
  let replies = await client.say('anna.schmidt@gmail.com');
  replies = await pressTitled(client, replies, 'Continue with Google');
  replies = await pressTitled(client, replies, "Yes, that's right");
  replies = await pressTitled(client, replies, 'Have the booking working');
  for (let i = 0; i < 5 && !replies.some((r) => /glad that's sorted/i.test(textOf(r))); i++) replies = await pressTitled(client, replies, 'Yes, that worked');
  expect(replies.map(textOf).join('\n')).to.match(/glad that's sorted/i);
  return reference!;
}
