// Screenshots of the page's <img> in headless Firefox ESR, back to back, for the lag benchmark
// (io.gifstream.bench.LagBenchmark --browser firefox): each is saved as <epoch millis>.png, the moment
// it was taken. Prints "started <epoch millis>" once the image shows a picture.
//   node screenshots.mjs http://localhost:8080/ target/bench/firefox-shots 30
import puppeteer from 'puppeteer-core';
import { mkdirSync, writeFileSync } from 'node:fs';

const [url, dir, seconds = '30'] = process.argv.slice(2);
mkdirSync(dir, { recursive: true });
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
  const start = Date.now();
  console.log(`started ${start}`);
  while (Date.now() - start < Number(seconds) * 1000) {
    // the page may swap its image between finding it and taking the picture: then look again
    const png = await (await page.$('#stream')).screenshot().catch(() => null);
    if (png) writeFileSync(`${dir}/${Date.now()}.png`, png);
  }
} finally {
  await browser.close();
}
