// Opens the gifstream page in headless Firefox ESR and samples screenshots of the <img> every 250 ms.
// Prints one JSON line: {"samples": n, "distinct": n, "state": "..."}; screenshots go to argv[3].
//   node firefox-playback.mjs http://localhost:8080/ target/screenshots/firefox
import puppeteer from 'puppeteer-core';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';

const [url, shots = 'target/screenshots/firefox'] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
const browser = await puppeteer.launch({
  browser: 'firefox',
  executablePath: '/usr/bin/firefox-esr',
  headless: true,
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 640, height: 480 });
  // the page never finishes loading (its image is endless): do not wait for "load"
  page.goto(url, { waitUntil: 'domcontentloaded' }).catch(() => {});
  await page.waitForFunction(() => {
    const image = document.getElementById('stream');
    return image && image.naturalWidth > 0;
  }, { timeout: 15000 });
  const hashes = new Set();
  let samples = 0;
  for (; samples < 17; samples++) {
    const png = await (await page.$('#stream')).screenshot();
    writeFileSync(`${shots}/live-${samples}.png`, png);
    hashes.add(createHash('sha256').update(png).digest('hex'));
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const state = await page.$eval('#state', (element) => element.textContent);
  console.log(JSON.stringify({ samples, distinct: hashes.size, state }));
} finally {
  await browser.close();
}
