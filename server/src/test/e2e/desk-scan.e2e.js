// The HR desk's QR scan in the browser, driven by es.civica.desk.HrQrScanTest: Chromium's fake camera plays a
// Y4M video of a certificate's QR code; the page decodes it with jsQR and verifies the certificate.
// Usage: BASE_URL=… EMAIL=… PASSWORD=… VIDEO=qr.y4m [CHROMIUM=/usr/bin/chromium] node desk-scan.e2e.js
// Prints one JSON line {"id", "status", "axe": [...], "external": [...]}; exit 1 on failure.
'use strict';
const { BASE, axeChecker, watchExternalRequests, watchPageErrors, run, submitDeskSignIn } = require('./support');

const report = { axe: [], external: [], checked: [] };
const axeCheck = axeChecker(report);

// Chromium's fake camera: permission granted without asking, the video file played as the camera's picture
const FAKE_CAMERA = ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
  '--use-file-for-fake-video-capture=' + process.env.VIDEO];

run(report, async browser => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true, locale: 'es-ES' });
  await context.grantPermissions(['camera'], { origin: BASE });
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  // blob: URLs are made in the page (the desk offers files it builds itself that way) and never leave the browser
  watchExternalRequests(page, report, ['blob:']);
  watchPageErrors(page, report);
  await page.goto(BASE + '/desk/');
  await page.waitForSelector('#signin-email');
  await submitDeskSignIn(page, process.env.EMAIL, process.env.PASSWORD);
  await page.waitForSelector('#verify-form');
  await page.click('#scan');
  await page.waitForSelector('#cert-status');
  report.id = await page.inputValue('#cert-id');
  report.status = await page.getAttribute('#cert-status', 'data-status');
  report.videoHidden = await page.evaluate(() => document.getElementById('qr-video').hidden);
  await axeCheck(page, 'scanned');
}, { chromiumArgs: FAKE_CAMERA });
