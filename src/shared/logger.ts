import pino from 'pino';
import { redact } from './redact';

/** The logging port: structured, levelled, with child bindings per turn or case. */
export interface Logger {
  debug(obj: object | string, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

/** Log levels accepted by the configuration. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** Creates the application logger; every string it writes passes through redact(). */
export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      // ISO time: an epoch in milliseconds has 13 digits and would be redacted as a card number.
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      hooks: {
        // Redact at the last moment so no call site can forget to.
        streamWrite: (line: string) => redact(line),
      },
    },
    destination,
  ) as unknown as Logger;
}

/** A logger that drops everything: for tests and tools. */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLogger,
};
