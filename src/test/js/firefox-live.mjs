// Opens a gifstream page (e.g. a channel's live view, /?channel=cam1) in headless Firefox ESR and
// reports on one JSON line how many of its screenshots of the <img>, 250 ms apart, differ:
//   {"samples":9,"distinct":n}
//   node firefox-live.mjs 'http://localhost:8080/?channel=cam1' target/screenshots/firefox-live 9
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { openPage, screenshotOfImage } from './firefox.mjs';

const [url, shots = 'target/screenshots/firefox-live', count = '9'] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const { browser, page } = await openPage(url);
try {
  const hashes = new Set();
  for (let i = 0; i < Number(count); i++) {
    const png = await screenshotOfImage(page);
    writeFileSync(`${shots}/live-${i}.png`, png);
    hashes.add(createHash('sha256').update(png).digest('hex'));
    await sleep(250);
  }
  console.log(JSON.stringify({ samples: Number(count), distinct: hashes.size }));
} finally {
  await browser.close();
}
