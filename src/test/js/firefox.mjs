// Headless Firefox ESR under puppeteer-core over WebDriver BiDi (Debian packages no geckodriver).
import puppeteer from 'puppeteer-core';

// Launches Firefox and opens the gifstream page; resolves once its image shows a picture.
export async function openPage(url) {
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
    return { browser, page };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

// A screenshot of the page's image; the page may swap its image between finding it and taking the
// picture, so a failed attempt looks again once.
export async function screenshotOfImage(page) {
  return (await page.$('#stream')).screenshot().catch(async () => (await page.$('#stream')).screenshot());
}
