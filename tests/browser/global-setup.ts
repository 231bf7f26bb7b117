// Once per `npm run test:browser`: build both extension targets, make a certificate and
// serve the fixture pages on https://127.0.0.1:443 for the whole run.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:https';
import { CHROME_BUILD, FIREFOX_BUILD, FIXTURE_PORT, ROOT, TMP_DIR } from './support/env';
import { makeCertificate, startFixtureServer } from './support/fixture-server';

function run(command: string, args: string[]): void {
  execFileSync(command, args, { cwd: ROOT, stdio: 'inherit', env: process.env });
}

function build(): void {
  if (process.env.SELGE_SKIP_BUILD === '1') {
    console.log('[browser tests] SELGE_SKIP_BUILD=1: testing the existing .output');
  } else {
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts ?? {};
    const started = Date.now();
    if (scripts.dict) {
      run('npm', ['run', '--silent', 'build']);
    } else {
      // Until the dictionary compiler lands there is nothing for `npm run dict` to do.
      console.warn('[browser tests] no "dict" script yet: building with wxt directly');
      run('npx', ['wxt', 'build']);
      run('npx', ['wxt', 'build', '-b', 'firefox']);
    }
    console.log(`[browser tests] build took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  for (const dir of [CHROME_BUILD, FIREFOX_BUILD]) {
    if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`build produced no ${dir}/manifest.json`);
  }
}

export default async function setup(): Promise<() => Promise<void>> {
  build();
  const server: Server = await startFixtureServer(FIXTURE_PORT, makeCertificate(TMP_DIR));
  return () => new Promise<void>((resolveClose) => server.close(() => resolveClose()));
}
