/** The real `newsdesk` command, from source, the way an operator runs it: `node --import tsx src/cli/main.ts ...`. */
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const PROJECT = resolve(import.meta.dirname, '../..');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `newsdesk ...args` in `cwd` with only `env` (and PATH, HOME, CI=true) set: progress prints plain lines. */
export function cli(args: string[], env: Record<string, string>, cwd: string): Promise<CliResult> {
  const loader = pathToFileURL(join(PROJECT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', loader, join(PROJECT, 'src', 'cli', 'main.ts'), ...args],
      { cwd, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', CI: 'true', TSX_TSCONFIG_PATH: join(PROJECT, 'tsconfig.json'), SEED_DEMO_CONTENT: 'false', ...env }, timeout: 180_000 },
      (err, stdout, stderr) => done({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}
