/**
 * How tests and benchmarks launch Chromium: Debian's package (the Playwright browser download is not
 * available here), rendering WebGL2 through SwiftShader, with everything that would reach the network
 * switched off. See ../shared/docs/machines.md for why each switch is there.
 */
import type { LaunchOptions } from 'playwright-core';

/** Debian's Chromium; `KLEINRAUM_CHROMIUM` overrides it on machines that keep it elsewhere. */
export const chromiumExecutablePath = process.env.KLEINRAUM_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Never add `--disable-software-rasterizer`: it turns WebGL off and MapLibre then fails with
 * "WebGL2 is required".
 *
 * `--disable-features=WebUIOmnibox…`: Chromium 156 loads its omnibox popup (a WebUI page of its own
 * address bar, chrome://omnibox-popup.top-chrome) in a separate renderer at start, also headless. That
 * took about 1.1 s of CPU beside the page under test, on a 2-core machine, and hit the slower of two
 * compared pages more often: a measurement of Chromium's address bar, not of either page.
 */
export const chromiumArgs: readonly string[] = [
  '--disable-gpu',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup,PreloadTopChromeWebUI',
];

/** Launch options for playwright-core's `chromium.launch` and Playwright test's `use.launchOptions`. */
export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: chromiumExecutablePath,
  args: [...chromiumArgs],
  headless: true,
};
