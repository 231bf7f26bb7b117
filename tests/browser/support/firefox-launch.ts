// How every Firefox test starts the system Firefox ESR (puppeteer-core over WebDriver BiDi):
// headless, with the fixture host names resolved locally and the fixture certificate
// accepted. Tests add their own prefs (a pinned extension UUID, a proxy, the prompt switch).
import puppeteer, { type Browser } from 'puppeteer-core';
import { FIREFOX_PATH, FIXTURE_HOSTS } from './env';

export interface FirefoxLaunch {
  prefs?: Record<string, unknown>;
  /** A profile kept across launches (a browser restart). */
  userDataDir?: string;
  /**
   * System access for WebDriver BiDi: without it BiDi refuses to navigate to moz-extension://
   * pages, and cannot run script in the browser's chrome (firefox-extension-errors.ts).
   */
  extensionPages?: boolean;
}

export function startFirefox(options: FirefoxLaunch = {}): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    acceptInsecureCerts: true,
    ...(options.userDataDir ? { userDataDir: options.userDataDir } : {}),
    ...(options.extensionPages ? { args: ['--remote-allow-system-access'] } : {}),
    extraPrefsFirefox: {
      'network.dns.localDomains': FIXTURE_HOSTS.join(','),
      'network.trr.mode': 5,
      // 30 frames a second instead of 60. The browser tests are CPU-bound on CI's 2 cores,
      // and the frames Firefox paints while a test waits on the page cost most of its
      // parent process's CPU: in the random edits (textarea, 200 steps) Firefox used 18%
      // less CPU (28 s instead of 34 s), finished in the same time, and Chromium beside it
      // got faster. Tests wait on conditions, so a frame twice as long changes no outcome.
      'layout.frame_rate': 30,
      ...options.prefs,
    },
  });
}
