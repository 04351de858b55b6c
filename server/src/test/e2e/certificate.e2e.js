// Browser checks of certificates, driven by es.civica.certification.CertificateBrowserTest.
// Usage: BASE_URL=http://localhost:PORT CERT_ID=<id> PDF=<issued.pdf> ALTERED=<altered.pdf> COOKIE=<session token>
//        QR_URL=<the URL of the QR code> [CHROMIUM=/usr/bin/chromium] [SCREENSHOT_DIR=<folder>] node certificate.e2e.js
// 1. The holder's catalogue shows the certificate card with a working "Descargar…" link (the PDF downloads).
// 2. /verify/{id} on a phone viewport: VÁLIDO in large type, every field; choosing the issued PDF says
//    "Idéntico al emitido", the altered one "Alterado"; opened from the QR URL, the page checks the token's
//    signature in the browser ("firmado por el emisor y coincide"), a forged token fails; an unknown id says
//    NO ENCONTRADO.
// Each page is checked by axe (WCAG 2.1 A/AA, serious or critical) and for requests to other hosts.
// Prints one JSON line {"axe": [...], "external": [...], "checked": [...]}; exit 1 on failure.
'use strict';
const fs = require('fs');
const { BASE, fail, axeChecker, watchExternalRequests, run } = require('./support');

const ID = process.env.CERT_ID;
const report = { axe: [], external: [], checked: [] };
const axeCheck = axeChecker(report);

run(report, async browser => {
  const base = new URL(BASE);
  // the holder, on a desktop
  // bypassCSP only lets the test inject axe-core; the pages themselves run under their CSP.
  const desk = await browser.newContext({ acceptDownloads: true, bypassCSP: true, locale: 'es-ES' });
  await desk.addCookies([{ name: 'civica_session', value: process.env.COOKIE, domain: base.hostname, path: '/' }]);
  const player = await desk.newPage();
  watchExternalRequests(player, report);
  await player.goto(BASE + '/play/#/');
  await player.waitForSelector('#certificate a[data-certificate="' + ID + '"]');
  await axeCheck(player, 'catalogue with certificate');
  const link = player.locator('#certificate a[data-certificate]');
  const text = await link.textContent();
  if (!/Descargar/.test(text)) { fail('download link says ' + text); }
  const [download] = await Promise.all([player.waitForEvent('download'), link.click()]);
  const saved = await download.path();
  const bytes = fs.readFileSync(saved);
  if (!bytes.equals(fs.readFileSync(process.env.PDF))) { fail('the downloaded PDF is not the issued one'); }
  report.downloaded = bytes.length;

  // HR, on a phone
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, bypassCSP: true, locale: 'es-ES' });
  const page = await phone.newPage();
  watchExternalRequests(page, report);
  await page.goto(BASE + '/verify/' + ID + '#t=token-never-sent');
  const status = await page.textContent('h1');
  if (status.trim() !== 'VÁLIDO') { fail('status ' + status); }
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('h1')).fontSize));
  if (size < 32) { fail('status type too small: ' + size + 'px'); }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  if (overflow) { fail('the page scrolls sideways on a phone'); }
  if (await page.locator('.units li').count() !== 5) { fail('five units expected'); }
  await axeCheck(page, 'verify valid (phone)');
  await page.setInputFiles('#pdf', process.env.PDF);
  await page.waitForFunction(() => /Idéntico al emitido/.test(document.getElementById('compare-result').textContent));
  await page.setInputFiles('#pdf', process.env.ALTERED);
  await page.waitForFunction(() => /^Alterado/.test(document.getElementById('compare-result').textContent));
  await axeCheck(page, 'verify after comparison (phone)');

  // opened from the QR code: the token in the fragment is checked in the browser against the published key
  await page.goto('about:blank');
  await page.goto(process.env.QR_URL);
  await page.waitForFunction(() => /firmado por el emisor y coincide/.test(document.getElementById('token-result').textContent));
  await axeCheck(page, 'verify from the QR (phone)');
  if (process.env.SCREENSHOT_DIR) {
    await page.screenshot({ path: process.env.SCREENSHOT_DIR + '/verify-phone.png', fullPage: true });
    await player.screenshot({ path: process.env.SCREENSHOT_DIR + '/catalogue.png' });
  }
  const [h, p, sig] = process.env.QR_URL.split('#t=')[1].split('.');
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
  claims.name = claims.name + ' Falso';
  const forged = h + '.' + Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url') + '.' + sig;
  await page.goto('about:blank');
  await page.goto(BASE + '/verify/' + ID + '#t=' + forged);
  await page.waitForFunction(() => /no está firmado/.test(document.getElementById('token-result').textContent));

  await page.goto(BASE + '/verify/aaaaaaaaaaaaaaaaaaaaaaaaaa');
  if ((await page.textContent('h1')).trim() !== 'NO ENCONTRADO') { fail('unknown id not NO ENCONTRADO'); }
  // the longest status word must fit a 390 px screen too
  if (await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)) {
    fail('the NOT FOUND page scrolls sideways on a phone');
  }
  if (process.env.SCREENSHOT_DIR) {
    await page.screenshot({ path: process.env.SCREENSHOT_DIR + '/verify-not-found-phone.png', fullPage: true });
  }
  await axeCheck(page, 'verify not found (phone)');
});
