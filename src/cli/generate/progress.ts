/**
 * A one-line progress bar on stderr (redrawn in place on a terminal, a line every 10 %
 * otherwise, so CI logs stay short). No dependency: it is twenty lines.
 */
export class ProgressBar {
  private readonly started = performance.now();
  private lastDecile = -1;

  constructor(
    private readonly total: number,
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  update(done: number, rows: number): void {
    const fraction = this.total === 0 ? 1 : Math.min(1, done / this.total);
    const seconds = (performance.now() - this.started) / 1000;
    const rate = seconds > 0 ? Math.round(rows / seconds) : 0;
    const text = `${this.label} ${bar(fraction)} ${Math.floor(fraction * 100)}% | ${done.toLocaleString('en-GB')}/${this.total.toLocaleString('en-GB')} people | ${rows.toLocaleString('en-GB')} rows | ${rate.toLocaleString('en-GB')} rows/s`;
    if (this.stream.isTTY) {
      this.stream.write(`\r${text}\u001b[K`);
      if (fraction === 1) this.stream.write('\n');
      return;
    }
    const decile = Math.floor(fraction * 10);
    if (decile !== this.lastDecile) {
      this.lastDecile = decile;
      this.stream.write(`${text}\n`);
    }
  }
}

function bar(fraction: number, width = 30): string {
  const filled = Math.round(fraction * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
}
