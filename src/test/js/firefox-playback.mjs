// Opens the gifstream page in headless Firefox ESR and reports, one JSON line per phase:
//   {"phase":"live","samples":17,"distinct":n}   17 screenshots of the <img>, 250 ms apart
//   {"phase":"recycled","samples":n,"distinct":n,"files":[...]}   screenshots 250 ms apart for 25 s, across swaps
//   {"phase":"down","state":"...","distinct":n,"files":[...]}   once the page notices the server is
//                                                 gone: 8 screenshots 250 ms apart of what it shows
//   {"phase":"recovered","liveAt":epochMillis,"samples":9,"distinct":n}   after the server is back
// The caller stops the server after "live" and starts it again after "down".
//   node firefox-playback.mjs http://localhost:8080/ target/screenshots/firefox
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { openPage, screenshotOfImage } from './firefox.mjs';

const [url, shots = 'target/screenshots/firefox'] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// screenshots of the <img>, 250 ms apart, saved as name-i.png; stops after count or at the deadline
async function pictures(page, name, count, deadline = Infinity) {
  const hashes = new Set();
  const files = [];
  for (let i = 0; i < count && Date.now() < deadline; i++) {
    const png = await screenshotOfImage(page);
    const file = `${shots}/${name}-${i}.png`;
    writeFileSync(file, png);
    files.push(file);
    hashes.add(createHash('sha256').update(png).digest('hex'));
    await sleep(250);
  }
  return { samples: files.length, distinct: hashes.size, files };
}

async function distinctPictures(page, count, name) {
  return (await pictures(page, name, count)).distinct;
}

const state = (page) => page.$eval('#state', (element) => element.textContent);

const { browser, page } = await openPage(url);
try {
  console.log(JSON.stringify({ phase: 'live', samples: 17, distinct: await distinctPictures(page, 17, 'live') }));

  const recycled = await pictures(page, 'recycled', Infinity, Date.now() + 25000);
  console.log(JSON.stringify({ phase: 'recycled', samples: recycled.samples, distinct: recycled.distinct, files: recycled.files }));

  while ((await state(page)) === 'live') await sleep(100);
  const down = await pictures(page, 'down', 8);
  console.log(JSON.stringify({ phase: 'down', state: await state(page), distinct: down.distinct, files: down.files }));

  while ((await state(page)) !== 'live') await sleep(100);
  const liveAt = Date.now();
  console.log(JSON.stringify({ phase: 'recovered', liveAt, samples: 9, distinct: await distinctPictures(page, 9, 'recovered') }));
} finally {
  await browser.close();
}
