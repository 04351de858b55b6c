// Browser journeys through the desks (/desk), driven by es.civica.desk.DeskBrowserTest.
// Usage: BASE_URL=http://localhost:PORT EMAIL=… PASSWORD=… [CHROMIUM=/usr/bin/chromium] node desk.e2e.js JOURNEY
// JOURNEY: school (sign in, create an xAPI credential and read its key and secret, completion report with chart and
//          CSV link), admin (create an organisation in the directory, an hr account scoped to it with the form,
//          read the audit log), hr (report, language switch).
// Prints one JSON line {"key", "secret", "axe": [...serious or critical violations], "external": [...]}; exit 1 on failure.
'use strict';
const fs = require('fs');
const { BASE, fail, axeChecker, openDesktopPage, run, submitDeskSignIn } = require('./support');

const journey = process.argv[2];
const report = { journey, axe: [], external: [], checked: [] };
const axeCheck = axeChecker(report);

/** Signs in with a wrong password first (the form must say so), then with the right one. */
async function signIn(page) {
  await page.goto(BASE + '/desk/');
  await page.waitForSelector('#signin-email');
  await axeCheck(page, 'signin');
  await submitDeskSignIn(page, process.env.EMAIL, 'not-the-password');
  await page.waitForSelector('[role=alert]');
  await submitDeskSignIn(page, process.env.EMAIL, process.env.PASSWORD);
  await page.waitForSelector('#nav:not([hidden])');
}

async function school(page) {
  await page.waitForSelector('#credential-form');
  await axeCheck(page, 'credentials');
  await page.fill('#credential-label', 'Moodle de la escuela');
  await page.click('#credential-form button[type=submit]');
  await page.waitForSelector('#issued [data-secret]');
  report.key = await page.textContent('#issued [data-key]');
  report.secret = await page.textContent('#issued [data-secret]');
  await page.waitForSelector('#credentials tbody tr');
  await axeCheck(page, 'credential-issued');
  await page.click('a[href="#/report"]');
  await page.waitForSelector('#report tbody tr');
  await page.waitForSelector('figure.chart svg[role=img]');
  report.reportRows = await page.$$eval('#report tbody tr', rows => rows.map(r => Array.from(r.children).map(c => c.textContent)));
  const href = await page.getAttribute('#report-csv', 'href');
  report.csv = await page.evaluate(h => fetch(h).then(r => r.text()), href);
  await axeCheck(page, 'report');
  await page.click('a[href="#/analytics"]');
  await page.waitForSelector('ul.tree li');
  report.treeChoices = await page.$$eval('[data-choice]', cs => cs.length);
  await axeCheck(page, 'analytics');
}

async function admin(page) {
  // the organisation directory: an empty one, then one organisation with two domains
  await page.click('a[href="#/organisations"]');
  await page.waitForSelector('#org-form');
  await axeCheck(page, 'organisations-empty');
  await page.fill('#org-name', 'Ayuntamiento de Bétera');
  await page.fill('#org-domains', 'ayto-b.es, betera.cat');
  await page.click('#org-form button[type=submit]');
  await page.waitForFunction(() => Array.from(document.querySelectorAll('#organisations td')).some(td => td.textContent === 'Ayuntamiento de Bétera'));
  await axeCheck(page, 'organisations');
  // an hr account scoped to it, chosen from the directory
  await page.click('a[href="#/staff"]');
  await page.waitForSelector('#staff tbody tr');
  await page.waitForSelector('#staff-form input[type=checkbox][value="ayto-b.es"]');
  await axeCheck(page, 'staff');
  await page.fill('#staff-name', 'Recursos Humanos B');
  await page.fill('#staff-email', process.env.NEW_EMAIL);
  await page.selectOption('#staff-role', 'hr');
  await page.check('#staff-form input[type=checkbox][value="ayto-b.es"]');
  await page.fill('#staff-password', 'una-clave-bien-larga');
  await page.click('#staff-form button[type=submit]');
  await page.waitForFunction(e => Array.from(document.querySelectorAll('#staff td')).some(td => td.textContent === e),
    process.env.NEW_EMAIL);
  await page.click('a[href="#/audit"]');
  await page.waitForSelector('#audit tbody tr');
  report.auditActions = await page.$$eval('#audit tbody tr td code', cs => cs.map(c => c.textContent));
  await axeCheck(page, 'audit');
}

async function hr(page) {
  await page.click('a[href="#/report"]');
  await page.waitForSelector('#report-from');
  await axeCheck(page, 'hr-report');
  await page.selectOption('#lang', 'ca');
  await page.waitForFunction(() => document.documentElement.lang === 'ca' && document.querySelector('main h1').textContent === "Informe de finalització");
  await axeCheck(page, 'hr-report-ca');
  report.navCount = await page.$$eval('#nav-list li', l => l.length);
  await page.click('#signout');
  await page.waitForSelector('#signin-email');
}

async function hrCertificates(page) {
  await page.click('a[href="#/certificates"]');
  await page.waitForSelector('#verify-form');
  report.jsQR = await page.evaluate(() => typeof window.jsQR);
  await axeCheck(page, 'certificates');
  // by id (the QR's URL works too)
  await page.fill('#cert-id', BASE + '/verify/' + process.env.CERT_VALID);
  await page.click('#verify-form button[type=submit]');
  await page.waitForSelector('#cert-status[data-status="VALID"]');
  // by PDF: the one issued, then an altered copy
  await page.setInputFiles('#cert-pdf', process.env.PDF_PATH);
  await page.click('#compare-pdf');
  await page.waitForSelector('#pdf-result[data-result="IDENTICAL"]');
  report.identicalText = await page.textContent('#pdf-result');
  await page.setInputFiles('#cert-pdf', process.env.ALTERED_PATH);
  await page.click('#compare-pdf');
  await page.waitForSelector('#pdf-result[data-result="ALTERED"]');
  report.alteredText = await page.textContent('#pdf-result');
  await axeCheck(page, 'certificate-verified');
  // revoke from the list, with a reason
  await page.waitForSelector('#certificates [data-revoke="' + process.env.CERT_REVOKE + '"]');
  await page.click('[data-revoke="' + process.env.CERT_REVOKE + '"]');
  await page.fill('#reason-' + process.env.CERT_REVOKE, 'Emitido por error');
  await page.click('[data-confirm="' + process.env.CERT_REVOKE + '"]');
  await page.waitForFunction(id => {
    const row = document.querySelector('#certificates tr[data-id="' + id + '"]');
    return row && !row.querySelector('[data-revoke]');
  }, process.env.CERT_REVOKE);
  // bulk CSV with one row of each outcome
  await page.setInputFiles('#bulk-file', process.env.CSV_PATH);
  await page.click('#bulk-form button[type=submit]');
  await page.waitForSelector('#bulk tbody tr');
  report.outcomes = await page.$$eval('#bulk tbody tr', rows => rows.map(r => r.getAttribute('data-outcome')));
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#bulk-download')]);
  report.downloaded = fs.readFileSync(await download.path(), 'utf8');
  await axeCheck(page, 'bulk');
}

run(report, async browser => {
  const page = await openDesktopPage(browser, report, { acceptDownloads: true });
  page.on('dialog', d => d.accept());
  await signIn(page);
  if (journey === 'school') {
    await school(page);
  } else if (journey === 'admin') {
    await admin(page);
  } else if (journey === 'hr') {
    await hr(page);
  } else if (journey === 'hr-certificates') {
    await hrCertificates(page);
  } else {
    fail('unknown journey ' + journey);
  }
}, {
  screenshot: 'civica-desk-e2e-' + journey + '.png',
  onFailure: async page => { report.mainText = (await page.textContent('main')).slice(0, 2000); }
});
