export * from './errors';
export * from './result';
export * from './clock';
export * from './redact';
export * from './logger';
