import type { ReplyKey } from './schema';

/** A value the conversation fills in some situations of `platform.replies` (every reply also gets {assistant}, {platform} and the platform values). */
export type ReplyValue = 'caseReference' | 'problemTitle' | 'value';

/**
 * The values each situation of `platform.replies` is said with, as its callers in dialogs/ and bot/ pass them
 * to Voice; kb:check allows only these (besides {assistant}, {platform} and platform values) in that situation.
 * A situation said from several places gets only what every one of them passes.
 */
export const REPLY_VALUES: Readonly<Record<ReplyKey, readonly ReplyValue[]>> = {
  greeting: [],
  thanks: [],
  goodbye: [],
  botIdentity: [],
  stopped: [],
  encourage: [],
  encourageFrustrated: [],
  apology: [],
  apologyAtFault: [],
  // bot/recoveryCards.ts: the engine's encouragement is said without values.
  afterFailure: [],
  afterFailureFrustrated: [],
  // dialogs/recoveryRenderer.ts opening(): the case just opened.
  caseReference: ['caseReference'],
  // Leads of dialogs/recoveryRenderer.ts, said in a walkthrough (its case and problem).
  notUnderstood: ['caseReference', 'problemTitle'],
  recoveryHelp: ['caseReference', 'problemTitle'],
  // Also said by dialogs/mainDialog.ts, outside any walkthrough.
  nonsense: [],
  staleButton: [],
  abandoned: [],
  offerHighStakes: [],
  offerFrustration: [],
  offerMisunderstanding: [],
  wishedOutcome: [],
  confirmLead: [],
  resume: ['problemTitle'],
  // dialogs/mainDialog.ts: the booking reference just given.
  alreadyHave: ['value'],
  notInMemory: [],
  // The engine's `say` action, rendered with the walkthrough's values (bot/recoveryCards.ts).
  goOnWithout: ['caseReference', 'problemTitle'],
  skipped: [],
  askChange: [],
  repeatedContact: [],
  secondProblem: ['problemTitle'],
  nextProblem: ['problemTitle'],
  feedbackHelpful: [],
  feedbackUnhelpful: [],
  noneOfThese: [],
  triedFaq: [],
  answerWhileWaiting: [],
  addedToCase: ['caseReference'],
  // bot/handoffRelay.ts passes the case; the walkthrough's `say` action passes the case and the problem.
  priorityRaised: ['caseReference'],
  unclearYesNo: [],
};

/**
 * Built-in words for the situations of `platform.replies`, used only when a knowledge base does not set
 * one (an older stored version); the shipped knowledge base words every situation several ways.
 * Placeholders: {assistant}, {platform}, and the situation's REPLY_VALUES.
 */
export const DEFAULT_REPLIES: Readonly<Record<ReplyKey, readonly string[]>> = {
  greeting: ['Hello! Tell me what is going on with your trip, or ask me a question.'],
  thanks: ["You're welcome. If anything else comes up, I'm here."],
  goodbye: ['Goodbye, and have a good trip!'],
  botIdentity: ["I'm {assistant}, {platform}'s assistant: a bot. I help you sort out booking problems step by step, and I bring in a person whenever you want one."],
  stopped: ["OK, we've stopped. What would you like to do now?"],
  encourage: ["Let's sort it out together, one step at a time."],
  encourageFrustrated: ["Let's fix it quickly."],
  apology: ["I'm sorry this happened."],
  apologyAtFault: ["I'm sorry: this one is on us."],
  afterFailure: ["Thanks for trying that. Here's the next thing."],
  afterFailureFrustrated: ["Thanks for trying that. Here's the next thing."],
  caseReference: ['Your case reference is **{caseReference}**. Type "status" at any time to see where it stands.'],
  notUnderstood: ["I didn't quite get that. Use the buttons, or answer in a few words:"],
  nonsense: ["Sorry, I couldn't read that. Could you tell me in a few words what's going on?"],
  staleButton: ['That button belongs to an earlier question; here is where we are:'],
  recoveryHelp: ['We are going through your problem one step at a time. Answer the question below, type "status" to see your case, or "talk to a person" at any time.'],
  abandoned: ["OK, I've stopped here. Everything you told me is kept with your case, so you won't have to repeat it."],
  offerHighStakes: ["This is urgent, so you don't have to do it alone: I can bring in a person from our team right now, and we keep working on it while you wait. Shall I?"],
  offerFrustration: ['I can tell this is really frustrating. Would you rather talk to a person from our team? I will pass on everything.'],
  offerMisunderstanding: ["I'm not understanding you well. Would you like me to bring in a person from our team?"],
  wishedOutcome: ['Before we act: what outcome would you like in the end?'],
  confirmLead: ['Before I act on it, is this right?'],
  resume: ['Back to your {problemTitle}:'],
  alreadyHave: ['Thanks, I have that: {value}.'],
  notInMemory: ["Sorry, I can't find it in what you wrote. Could you type it once more?"],
  goOnWithout: ["No problem, we'll carry on without it."],
  skipped: ['Fine, we can do without it.'],
  askChange: ['What should I change?'],
  repeatedContact: ["I'm sorry you've had to write again. Tell me what's going on and I'll take it from here, or I can bring in a person from our team now."],
  secondProblem: ["I've noted the {problemTitle} too; we'll look at it as soon as this is done."],
  nextProblem: ['You also mentioned the {problemTitle}. Shall we look at it now?'],
  feedbackHelpful: ['Glad that helped. Is there anything else I can do for you?'],
  feedbackUnhelpful: ['Sorry that did not answer it. Tell me a bit more about what you need, or type "talk to a person".'],
  noneOfThese: ['Thanks for telling me. Could you describe it in your own words, in a sentence or two?'],
  triedFaq: ["Thanks for trying that. Let's go through it step by step."],
  answerWhileWaiting: ["While you wait for my colleague, here's what I can tell you:"],
  addedToCase: ["I've added that to your case {caseReference}; the person who takes it will read it first."],
  priorityRaised: ["I've marked your case {caseReference} as urgent, so it is taken first."],
  unclearYesNo: ["I'm not sure what that refers to. What can I help you with?"],
};
