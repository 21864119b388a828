/** The recovery engine's public API (pure: no I/O, no Bot Framework). */
export * from './types';
export * from './actions';
export { RecoveryEngine, type StartOptions, type TurnObservation } from './engine';
export { type RecoveryKnowledge, problemById, stepById } from './knowledge';
export { TRANSITIONS, ACCEPTED_INPUTS, transition, createSession, isTerminal, acceptedInputs, withBookingContext, withBookingLookup, withCaseReference } from './session';
export { recoverySessionSchema, restoreSession } from './sessionSchema';
export { MAX_RUNS_PER_STEP } from './playbook';
export { allowedRemedies, bookingValue } from './remedies';
export { decideHandoff, frustratedForTurns, type HandoffContext, type HandoffDecision } from './handoffPolicy';
export { isWithinBusinessHours, expectedWait, waitExpectation, waitInWords } from './businessHours';
export { buildCaseSummary, sentimentTrend, STRATEGY_NAMES, type CaseSummary, type SentimentTrend } from './caseSummary';
export { acknowledgement, encouragementAfterFailure, WISHED_OUTCOME_PROMPT, WISHED_OUTCOME_SUGGESTIONS, type ToneContext } from './empathy';
export { fillPlaceholders, MISSING_VALUE } from './template';
export { successQuestion, bookingValues, listedChoices } from './stepView';
export { referencesToLookUp } from './factFlow';
export * from './checks';
