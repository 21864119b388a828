import type { KnowledgeBase, ReplyKey } from '../knowledge/schema';
import { DEFAULT_REPLIES } from '../knowledge/defaultReplies';
import { fillPlaceholders } from '../recovery/template';
import type { ConversationMemory } from './memory';

// The built-in words live with the knowledge base, whose check reads which values each situation gets.
export { DEFAULT_REPLIES, REPLY_VALUES, type ReplyValue } from '../knowledge/defaultReplies';

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i += 1) h = (h * 31 + text.charCodeAt(i)) | 0;
  return Math.abs(h);
}

/**
 * The bot's words in one conversation: each situation's variants from the knowledge base, picked so
 * that no sentence is said twice while another variant is left (the start varies by conversation).
 */
export class Voice {
  private readonly usedNow: string[];

  constructor(
    private readonly kb: KnowledgeBase,
    memory: Pick<ConversationMemory, 'used'>,
    private readonly seed: string,
  ) {
    this.usedNow = [...memory.used];
  }

  /** The variants used so far, to keep in the conversation's memory. */
  get used(): string[] {
    return this.usedNow;
  }

  private variants(key: ReplyKey): readonly string[] {
    return this.kb.platform.replies[key] ?? DEFAULT_REPLIES[key];
  }

  private pick(key: ReplyKey, repeat: boolean): string | undefined {
    const variants = this.variants(key);
    const start = hash(`${this.seed}:${key}`) % variants.length;
    for (let k = 0; k < variants.length; k += 1) {
      const i = (start + k) % variants.length;
      const id = `${key}#${i}`;
      if (!this.usedNow.includes(id)) {
        this.usedNow.push(id);
        return variants[i];
      }
    }
    if (!repeat) return undefined;
    // Every variant said already: the one said longest ago.
    const oldest = this.usedNow.findIndex((u) => u.startsWith(`${key}#`));
    const [id] = this.usedNow.splice(oldest, 1);
    this.usedNow.push(id);
    return variants[Number(id.split('#')[1])] ?? variants[0];
  }

  /** The words for a situation that must be said (repeated only when every variant was used). */
  line(key: ReplyKey, values: Record<string, string | undefined> = {}): string {
    return this.fill(this.pick(key, true)!, values);
  }

  /** The words for a situation that may be left out: undefined once every variant was said. */
  optional(key: ReplyKey, values: Record<string, string | undefined> = {}): string | undefined {
    const text = this.pick(key, false);
    return text === undefined ? undefined : this.fill(text, values);
  }

  private fill(text: string, values: Record<string, string | undefined>): string {
    return fillPlaceholders(text, { ...this.kb.platform.values, assistant: this.kb.platform.assistantName, platform: this.kb.platform.name, ...values }).text;
  }
}
