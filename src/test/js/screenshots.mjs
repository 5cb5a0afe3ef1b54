// Screenshots of the page's <img> in headless Firefox ESR, back to back, for the lag benchmark
// (io.gifstream.bench.LagBenchmark --browser firefox): each is saved as <epoch millis>.png, the moment
// it was taken. Prints "started <epoch millis>" once the image shows a picture.
//   node screenshots.mjs http://localhost:8080/ target/bench/firefox-shots 30
import { mkdirSync, writeFileSync } from 'node:fs';
import { openPage, screenshotOfImage } from './firefox.mjs';

const [url, dir, seconds = '30'] = process.argv.slice(2);
mkdirSync(dir, { recursive: true });
const { browser, page } = await openPage(url);
try {
  const start = Date.now();
  console.log(`started ${start}`);
  while (Date.now() - start < Number(seconds) * 1000) {
    const png = await screenshotOfImage(page).catch(() => null);
    if (png) writeFileSync(`${dir}/${Date.now()}.png`, png);
  }
} finally {
  await browser.close();
}
