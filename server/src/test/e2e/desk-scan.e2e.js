// The HR desk's QR scan in the browser, driven by es.civica.desk.HrQrScanTest: Chromium's fake camera plays a
// Y4M video of a certificate's QR code; the page decodes it with jsQR and verifies the certificate.
// Usage: BASE_URL=… EMAIL=… PASSWORD=… VIDEO=qr.y4m [CHROMIUM=/usr/bin/chromium] node desk-scan.e2e.js
// Prints one JSON line {"id", "status", "axe": [...], "external": [...]}; exit 1 on failure.
'use strict';
const fs = require('fs');
const { chromium } = require('playwright-core');

const BASE = process.env.BASE_URL;
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const report = { axe: [], external: [] };

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream', '--use-file-for-fake-video-capture=' + process.env.VIDEO] });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true, locale: 'es-ES' });
    await context.grantPermissions(['camera'], { origin: BASE });
    const page = await context.newPage();
    page.setDefaultTimeout(20000);
    page.on('request', r => { if (!r.url().startsWith(BASE) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) report.external.push(r.url()); });
    page.on('pageerror', e => { report.pageErrors = (report.pageErrors || []).concat(String(e)); });
    await page.goto(BASE + '/desk/');
    await page.waitForSelector('#signin-email');
    await page.fill('#signin-email', process.env.EMAIL);
    await page.fill('#signin-password', process.env.PASSWORD);
    await page.click('form button[type=submit]');
    await page.waitForSelector('#verify-form');
    await page.click('#scan');
    await page.waitForSelector('#cert-status');
    report.id = await page.inputValue('#cert-id');
    report.status = await page.getAttribute('#cert-status', 'data-status');
    report.videoHidden = await page.evaluate(() => document.getElementById('qr-video').hidden);
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
      return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => ({ id: v.id, impact: v.impact, targets: v.nodes.map(n => n.target.join(' ')) }));
    });
    report.axe = violations;
    if (report.pageErrors) throw new Error('page errors: ' + report.pageErrors.join('; '));
    console.log(JSON.stringify(report));
  } catch (e) {
    report.error = String(e && e.stack || e);
    console.log(JSON.stringify(report));
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
})();
