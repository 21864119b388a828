import type { Activity, TurnContext } from 'botbuilder';
import type { SystemHandler } from '../src/knowledge/schema';
import type { Voice } from '../src/conversation/replies';
import { choicesCard } from '../bot/cards';
import type { DialogServices } from './services';

/** The short answers to greetings, thanks, help and the like; the words come from the knowledge base's replies. */
export class SystemReplies {
  constructor(private readonly services: DialogServices) {}

  /** Sends the reply for a system intent that needs no dialog of its own. */
  async send(context: TurnContext, name: SystemHandler, voice: Voice): Promise<void> {
    const m = this.services.knowledge().platform.messages;
    switch (name) {
      case 'greeting':
        await context.sendActivity(this.menuCard(voice.line('greeting')));
        return;
      case 'help':
        await context.sendActivity(this.menuCard(m.help));
        return;
      case 'thanks':
        await context.sendActivity(voice.line('thanks'));
        return;
      case 'goodbye':
        await context.sendActivity(voice.line('goodbye'));
        return;
      case 'bot_identity':
        await context.sendActivity(voice.line('botIdentity'));
        return;
      case 'cancel':
      case 'start_over':
        await context.sendActivity(this.menuCard(voice.line('stopped')));
        return;
      case 'yes':
      case 'no':
      case 'status':
      case 'human':
        await context.sendActivity(this.menuCard(voice.line('unclearYesNo')));
        return;
    }
  }

  /** A prompt with the main menu under it. */
  menuCard(prompt: string): Partial<Activity> {
    return choicesCard(prompt, this.menu());
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
