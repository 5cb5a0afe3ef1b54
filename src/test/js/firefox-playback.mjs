// Opens the gifstream page in headless Firefox ESR and reports, one JSON line per phase:
//   {"phase":"live","samples":17,"distinct":n}   17 screenshots of the <img>, 250 ms apart
//   {"phase":"down","state":"..."}               once the page notices the server is gone
//   {"phase":"recovered","liveAt":epochMillis,"samples":9,"distinct":n}   after the server is back
// The caller stops the server after "live" and starts it again after "down".
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
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function distinctPictures(page, count, name) {
  const hashes = new Set();
  for (let i = 0; i < count; i++) {
    const png = await (await page.$('#stream')).screenshot();
    writeFileSync(`${shots}/${name}-${i}.png`, png);
    hashes.add(createHash('sha256').update(png).digest('hex'));
    await sleep(250);
  }
  return hashes.size;
}

const state = (page) => page.$eval('#state', (element) => element.textContent);

try {
  const page = await browser.newPage();
  await page.setViewport({ width: 640, height: 480 });
  // the page never finishes loading (its image is endless): do not wait for "load"
  page.goto(url, { waitUntil: 'domcontentloaded' }).catch(() => {});
  await page.waitForFunction(() => {
    const image = document.getElementById('stream');
    return image && image.naturalWidth > 0;
  }, { timeout: 15000 });
  console.log(JSON.stringify({ phase: 'live', samples: 17, distinct: await distinctPictures(page, 17, 'live') }));

  while ((await state(page)) === 'live') await sleep(100);
  console.log(JSON.stringify({ phase: 'down', state: await state(page) }));

  while ((await state(page)) !== 'live') await sleep(100);
  const liveAt = Date.now();
  console.log(JSON.stringify({ phase: 'recovered', liveAt, samples: 9, distinct: await distinctPictures(page, 9, 'recovered') }));
} finally {
  await browser.close();
}
