/**
 * The machines the benches' pages run on (tools/bench.mjs, tools/bench-apps.mjs). phone is
 * Lighthouse's mobile emulation: its screen (a Moto G Power) and its throttling (4× CPU, "slow
 * 4G"), applied by Chromium itself over CDP.
 */
export const PROFILES = {
  desktop: { cpu: 1, context: { viewport: { width: 1280, height: 720 } } },
  phone: {
    cpu: 4,
    network: { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 },
    context: { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true },
  },
};
