import type { Clock } from '../../src/shared/clock';

/** A clock that moves only when told to. */
export class ManualClock implements Clock {
  private current: Date;

  constructor(start: Date | string = '2026-03-01T09:00:00.000Z') {
    this.current = new Date(start);
  }

  /** The current fake time. */
  now(): Date {
    return new Date(this.current);
  }

  /** Moves the clock forward by ms. */
  advance(ms: number): Date {
    this.current = new Date(this.current.getTime() + ms);
    return this.now();
  }

  /** Sets the clock. */
  set(at: Date | string): void {
    this.current = new Date(at);
  }
}
