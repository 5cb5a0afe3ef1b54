// Opens a gifstream page (e.g. a channel's live view, /?channel=cam1) in headless Firefox ESR and
// takes screenshots of its <img> 250 ms apart until they show a number of different pictures (a
// count, not a share of a fixed number of samples: a busy machine's slow screenshots alias a looping
// picture), or 30 s pass; reports on one JSON line: {"samples":n,"distinct":n}
//   node firefox-live.mjs 'http://localhost:8080/?channel=cam1' target/screenshots/firefox-live 5
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { openPage, screenshotOfImage } from './firefox.mjs';

const [url, shots = 'target/screenshots/firefox-live', wanted = '5'] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const { browser, page } = await openPage(url);
try {
  const hashes = new Set();
  const deadline = Date.now() + 30000;
  let samples = 0;
  while (hashes.size < Number(wanted) && Date.now() < deadline) {
    const png = await screenshotOfImage(page);
    writeFileSync(`${shots}/live-${samples++}.png`, png);
    hashes.add(createHash('sha256').update(png).digest('hex'));
    await sleep(250);
  }
  console.log(JSON.stringify({ samples, distinct: hashes.size }));
} finally {
  await browser.close();
}
