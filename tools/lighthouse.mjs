// Lighthouse figures for `make bench`: runs Lighthouse on each URL several times and
// prints, per URL, one line of JSON with the medians over the runs.
//   node tools/lighthouse.mjs [--runs N] URL...
// Lighthouse's defaults are kept on purpose (a phone: form factor mobile, simulated
// slow 4G and a CPU slowed 4×), so the figures compare with what PageSpeed shows.
// It drives Debian's Chromium (CHROME_PATH, default /usr/bin/chromium) and never
// downloads a browser. Everything stays on this machine: a page that made a request
// to another host makes the script fail.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const args = process.argv.slice(2);
let runs = 3;
const at = args.indexOf('--runs');
if (at >= 0) runs = Number(args.splice(at, 2)[1]);
const urls = args;
if (!urls.length || !Number.isInteger(runs) || runs < 1) {
  console.error('usage: node tools/lighthouse.mjs [--runs N] URL...');
  process.exit(2);
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = {
  lcp_ms: 'largest-contentful-paint',
  fcp_ms: 'first-contentful-paint',
  cls: 'cumulative-layout-shift',
  tbt_ms: 'total-blocking-time',
  bytes: 'total-byte-weight',
};

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  // The background-networking flags keep Chromium itself from calling out; it still
  // looks up a few Google hosts (accounts, update), so every name but the local ones
  // is made to fail inside the browser, before any DNS query leaves the machine.
  chromeFlags: [
    '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--disable-dev-shm-usage',
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
  ],
});

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const isLocal = (u) => !/^(https?|wss?):/.test(u) || ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(u).hostname);

const lhrs = new Map(urls.map((u) => [u, []]));
try {
  // Round by round rather than URL by URL, so a slow moment of the machine spreads
  // over all the views instead of landing on one.
  for (let run = 1; run <= runs; run++) {
    for (const url of urls) {
      console.error(`lighthouse: run ${run}/${runs} ${url}`);
      const { lhr } = await lighthouse(url, {
        port: chrome.port,
        logLevel: 'error',
        onlyCategories: CATEGORIES,
      });
      if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      const foreign = lhr.audits['network-requests'].details.items.map((i) => i.url).filter((u) => !isLocal(u));
      if (foreign.length) throw new Error(`${url} requested other hosts: ${foreign.join(' ')}`);
      lhrs.get(url).push(lhr);
    }
  }
} finally {
  await chrome.kill();
}

for (const [url, runsOf] of lhrs) {
  const out = { url, runs: runsOf.length, lighthouse: runsOf[0].lighthouseVersion };
  for (const [key, id] of Object.entries(METRICS)) out[key] = median(runsOf.map((r) => r.audits[id].numericValue));
  out.scores = Object.fromEntries(CATEGORIES.map((c) => [c, median(runsOf.map((r) => r.categories[c].score))]));
  // What keeps a score below 1, so it can be fixed: the scored audits that did not
  // pass in some run (with their worst score), metrics aside (they are the figures).
  const failed = new Map();
  for (const r of runsOf) {
    for (const c of CATEGORIES) {
      for (const ref of r.categories[c].auditRefs) {
        const a = r.audits[ref.id];
        if (ref.group === 'metrics' || a.score === null || a.score >= 1) continue;
        if (ref.weight === 0 && a.scoreDisplayMode !== 'metricSavings') continue;
        if (failed.has(a.id) && failed.get(a.id).score <= a.score) continue;
        failed.set(a.id, { category: c, id: a.id, score: a.score, title: a.title, value: a.displayValue ?? '' });
      }
    }
  }
  out.failed = [...failed.values()];
  console.log(JSON.stringify(out));
}
