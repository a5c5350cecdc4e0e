import { spawn } from 'node:child_process';

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs one of our TypeScript entry points as a real Node process (through tsx), with only
 * PATH and a silent log level from this environment, and collects its exit code and output.
 * `waitFor`: stop it (SIGTERM) once its output says this, for servers that would run on.
 * `killAfterMs`: kill it outright if it has not ended by then, so a hung start cannot hang the suite.
 */
export function runEntryPoint(
  entry: string,
  args: string[],
  env: Record<string, string>,
  options: { waitFor?: RegExp; killAfterMs?: number } = {},
): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
      cwd: process.cwd(),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (options.waitFor?.test(stdout)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer =
      options.killAfterMs === undefined
        ? undefined
        : setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
