/**
 * Progress of long work (bulk seeding, reindexing): a bar redrawn in place on a terminal,
 * plain lines every tenth of the way elsewhere (CI logs, files), so logs stay readable.
 */
export interface Progress {
  advance(by?: number): void;
  done(): void;
}

export interface ProgressOutput {
  isTTY?: boolean;
  write(text: string): unknown;
}

export function progress(label: string, total: number, out: ProgressOutput = process.stderr): Progress {
  let current = 0;
  let lastTenth = -1;
  let lastDraw = 0;
  const started = Date.now();
  const tty = out.isTTY === true && process.env.CI !== 'true';
  const fmt = (n: number) => n.toLocaleString('en-US');

  const draw = (final: boolean) => {
    const share = total === 0 ? 1 : Math.min(1, current / total);
    if (tty) {
      const now = Date.now();
      if (!final && now - lastDraw < 100) return;
      lastDraw = now;
      const width = 30;
      const filled = Math.round(share * width);
      out.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(share * 100)}% ${fmt(current)}/${fmt(total)}${final ? '\n' : ''}`);
      return;
    }
    const tenth = Math.floor(share * 10);
    if (tenth > lastTenth || final) {
      lastTenth = tenth;
      out.write(`${label}: ${fmt(current)}/${fmt(total)} (${Math.floor(share * 100)}%)${final ? `, ${((Date.now() - started) / 1000).toFixed(1)} s` : ''}\n`);
    }
  };

  return {
    advance(by = 1) {
      current = Math.min(total, current + by);
      if (current < total) draw(false);
    },
    done() {
      current = total;
      draw(true);
    },
  };
}
