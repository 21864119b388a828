/** The recovery engine's public API (pure: no I/O, no Bot Framework). */
export * from './types';
export * from './actions';
export { RecoveryEngine, type StartOptions, type TurnObservation } from './engine';
export { type RecoveryKnowledge, problemById, stepById } from './knowledge';
export { TRANSITIONS, ACCEPTED_INPUTS, transition, createSession, isTerminal, acceptedInputs, withBookingContext, withBookingLookup, withCaseReference } from './session';
export { recoverySessionSchema, restoreSession } from './sessionSchema';
export { recoveryInputSchema, parseRecoveryInput } from './inputSchema';
export { MAX_RUNS_PER_STEP } from './playbook';
export { allowedRemedies, bookingValue } from './remedies';
export { decideHandoff, frustratedForTurns, type HandoffContext, type HandoffDecision } from './handoffPolicy';
export { isWithinBusinessHours, expectedWait, waitExpectation, waitInWords, nextOpening, afterHoursText } from './businessHours';
export { buildCaseSummary, sentimentTrend, STRATEGY_NAMES, type CaseSummary, type SentimentTrend } from './caseSummary';
export { acknowledgement, encouragementAfterFailure, WISHED_OUTCOME_PROMPT, WISHED_OUTCOME_SUGGESTIONS, type ToneContext } from './empathy';
export { displayValue, formatDate, formatDateRange, formatAmount, formatPhone, DEFAULT_LOCALE } from './display';
export { factLabel } from './factLabel';
export { factsFromBooking, bookingValueFor, choiceFromValue } from './bookingFacts';
export { fillPlaceholders, MISSING_VALUE } from './template';
export { successQuestion, bookingValues, listedChoices, placeholderValues, sessionProduct, stepFor } from './stepView';
export { referencesToLookUp, factStage } from './factFlow';
export * from './checks';
export {
  OWNER_PROOF_FACT, MAX_PROOF_FAILURES, verificationOf, verifiedFor, withVouched, withCandidates, proofMatches, ownerProofQuestion,
} from './verification';
export { PROOF_LOCKED } from './ownerProof';
