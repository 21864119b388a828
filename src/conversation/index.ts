export * from './target';
export * from './clarify';
export * from './caseSummary';
