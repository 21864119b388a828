// Public API of the handoff module.
export * from './caseModel';
export * from './ports';
export * from './caseService';
export * from './messenger';
export * from './timers';
export * from './remedyPolicy';
export * from './travellerTexts';
export * from './caseNotifications';
export * from './followUp';
export * from './measures';
export * from './queueNotifier';
export * from './queueService';
