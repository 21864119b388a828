import type { TurnContext } from 'botbuilder';
import type { SystemHandler } from '../src/knowledge/schema';
import { choicesCard } from '../bot/cards';
import type { DialogServices } from './services';

/** The short, fixed answers to greetings, thanks, help and the like; texts come from the KB where owners set them. */
export class SystemReplies {
  constructor(private readonly services: DialogServices) {}

  /** Sends the reply for a system intent that needs no dialog of its own. */
  async send(context: TurnContext, name: SystemHandler): Promise<void> {
    const kb = this.services.knowledge();
    const m = kb.platform.messages;
    switch (name) {
      case 'greeting':
        await context.sendActivity(`Hello! ${m.help}`);
        return;
      case 'help':
        await context.sendActivity(choicesCard(m.help, this.menu()));
        return;
      case 'thanks':
        await context.sendActivity("You're welcome. If anything else comes up, I'm here, day and night.");
        return;
      case 'goodbye':
        await context.sendActivity('Goodbye, and have a good trip! You can come back to this chat at any time.');
        return;
      case 'bot_identity':
        await context.sendActivity(
          `I'm Rebound, ${kb.platform.name}'s assistant, a bot. I help you sort out booking problems step by step, and I bring in a person from our support team whenever you want one.`,
        );
        return;
      case 'cancel':
      case 'start_over':
        await context.sendActivity(choicesCard("OK, we've stopped. What would you like to do now?", this.menu()));
        return;
      case 'yes':
      case 'no':
      case 'status':
      case 'human':
        await context.sendActivity(choicesCard("I'm not sure what that refers to. What can I help you with?", this.menu()));
        return;
    }
  }

  /** The main menu: the most common problems, and a person. */
  menu(): Array<{ label: string; target: string }> {
    const kb = this.services.knowledge();
    return [
      ...kb.problems.slice(0, 4).map((p) => ({ label: p.title, target: `problem:${p.id}` })),
      { label: 'Talk to a person', target: 'system:human' },
    ];
  }
}
