/** A message for a traveller sent outside a turn: an agent's words, a queue update, a follow-up. */
export interface OutgoingMessage {
  text: string;
  /** Who speaks: shown to the traveller so they know a person has taken over. */
  from?: { kind: 'bot' } | { kind: 'agent'; name: string };
  /** Adaptive Card attachments or other channel attachments, passed through. */
  attachments?: unknown[];
  /** Choices offered with the message (buttons). */
  choices?: Array<{ label: string; value: Record<string, unknown> }>;
}

/** Sends messages to a conversation through its own channel (proactive messages); implemented in bot/. */
export interface ConversationMessenger {
  /** Sends the message; NOT_FOUND when the conversation has never been seen. */
  send(conversationId: string, message: OutgoingMessage): Promise<void>;
}
