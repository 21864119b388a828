/**
 * A one-line progress bar on stderr, redrawn in place with \r on a terminal. Where stderr is a file or a pipe
 * (CI logs), it writes a plain line at each quarter instead, so logs stay readable.
 */
export class ProgressBar {
  private lastDraw = 0;
  private lastText = '';
  private lastLabel = '';
  private lastQuarter = -1;

  constructor(
    private readonly out: NodeJS.WriteStream = process.stderr,
    private readonly enabled: boolean = true,
  ) {}

  /** Redraws the bar for `label` at `fraction` (0..1); throttled to ~20 redraws a second. */
  update(label: string, fraction: number): void {
    if (!this.enabled) return;
    const f = Math.max(0, Math.min(1, fraction));
    if (!this.out.isTTY) {
      if (label !== this.lastLabel) this.lastQuarter = -1;
      const quarter = Math.floor(f * 4);
      if (quarter > this.lastQuarter) this.out.write(`${label.trim()}: ${quarter * 25}%\n`);
      this.lastLabel = label;
      this.lastQuarter = Math.max(quarter, this.lastQuarter);
      return;
    }
    const now = Date.now();
    if (now - this.lastDraw < 50 && fraction < 1) return;
    this.lastDraw = now;
    const width = 30;
    const filled = Math.round(f * width);
    const text = `${label.padEnd(34).slice(0, 34)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(f * 100).toFixed(0).padStart(3)}%`;
    this.lastText = text;
    this.out.write(`\r${text}`);
  }

  /** Ends the current bar's line. */
  done(): void {
    if (!this.enabled) return;
    if (!this.out.isTTY) {
      this.lastLabel = '';
      this.lastQuarter = -1;
      return;
    }
    if (this.lastText === '') return;
    this.out.write(`\r${this.lastText.replace(/\[.*\]\s+\d+%/, '[done]')}`.padEnd(this.lastText.length + 1) + '\n');
    this.lastText = '';
  }
}
