// The public API of the NLU module.
export * from './types';
export { normalizeText, MAX_NORMALIZED_CHARS } from './normalize';
export { IntentClassifier, DEFAULT_CLASSIFIER_OPTIONS } from './intentClassifier';
export type { LabeledText, IntentScore, IntentRanking, ClassifierOptions, ClassifierData } from './intentClassifier';
export { computeMetrics, labelAt } from './evaluation';
export type { ScoredPrediction, EvalMetrics } from './evaluation';
export { chooseThreshold, DEFAULT_THRESHOLD_POLICY } from './threshold';
export type { ThresholdPolicy } from './threshold';
export { createNluEngine, restoreNluEngine, trainingRows, DEFAULT_NLU_THRESHOLDS } from './engine';
export type { NluEngineOptions, SerializedNluEngine, SerializableNluEngine, NluKnowledge } from './engine';
export { NluService } from './nluService';
export { kbContentHash } from '../knowledge/hash';
export { FaqSearch } from './faqSearch';
export type { FaqDocument, FaqHit } from './faqSearch';
export * from './sentiment';
