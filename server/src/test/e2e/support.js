// What the browser scripts (*.e2e.js) share: launching Chromium, watching a page for requests to other hosts and
// for uncaught errors, the axe-core check, the report printed as one JSON line (the JUnit side, through
// es.civica.support.BrowserScript, reads the last line of stdout), and the sign-in forms of the player and the desk.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const BASE = process.env.BASE_URL;

// No background traffic of Chromium's own (updates, sync, QUIC probes), so that every request the watcher sees
// comes from the page under test.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// The rules the product promises: WCAG 2.1 A and AA; only serious and critical violations fail a test.
const AXE_RULES = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
let axeSource = null;

function fail(message) { throw new Error(message); }

/** Chromium (the system one unless CHROMIUM names another), headless, with the flags above and `extraArgs`. */
function launchChromium(extraArgs = []) {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS.concat(extraArgs) });
}

/** Records in report.external every request of `page` to another place than BASE, data: URLs or `alsoAllowed`. */
function watchExternalRequests(page, report, alsoAllowed = []) {
  const allowed = [BASE, 'data:'].concat(alsoAllowed);
  page.on('request', r => { if (!allowed.some(prefix => r.url().startsWith(prefix))) report.external.push(r.url()); });
}

/** Records in report.pageErrors the uncaught errors of `page`; run() fails the script when there are any. */
function watchPageErrors(page, report) {
  page.on('pageerror', e => { report.pageErrors = (report.pageErrors || []).concat(String(e)); });
}

/**
 * A desktop page (1280×900, Spanish) watched for external requests and page errors. bypassCSP only lets the test
 * inject axe-core; the page itself runs under its CSP.
 */
async function openDesktopPage(browser, report, options = {}) {
  const page = await browser.newPage(Object.assign(
    { viewport: { width: 1280, height: 900 }, bypassCSP: true, locale: 'es-ES' }, options));
  page.setDefaultTimeout(15000);
  watchExternalRequests(page, report);
  watchPageErrors(page, report);
  return page;
}

/**
 * The axe check of `report`: `axeCheck(page, label)` runs axe-core on the page, adds `label` to report.checked and
 * each serious or critical violation, with the label as its page, to report.axe.
 */
function axeChecker(report) {
  return async function axeCheck(page, label) {
    if (axeSource === null) axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async rules => {
      const r = await window.axe.run(document, { runOnly: rules });
      return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => ({ id: v.id, impact: v.impact, targets: v.nodes.map(n => n.target.join(' ')) }));
    }, AXE_RULES);
    report.checked.push(label);
    violations.forEach(v => report.axe.push(Object.assign({ page: label }, v)));
  };
}

/**
 * Launches Chromium, runs `steps(browser)` and prints `report` as one JSON line; fails when the pages had uncaught
 * errors. On failure the report gets `error` and the process exit code 1; when `options.screenshot` names a file
 * (in the temporary folder) the first page is photographed there, then `options.onFailure(page)` may add what
 * the page showed — both best effort, the error is what matters.
 */
async function run(report, steps, options = {}) {
  const browser = await launchChromium(options.chromiumArgs);
  try {
    await steps(browser);
    if (report.pageErrors) fail('page errors: ' + report.pageErrors.join('; '));
    console.log(JSON.stringify(report));
  } catch (e) {
    report.error = String(e && e.stack || e);
    try {
      const pages = browser.contexts().flatMap(c => c.pages());
      if (pages.length && options.screenshot) {
        report.screenshot = path.join(os.tmpdir(), options.screenshot);
        await pages[0].screenshot({ path: report.screenshot, fullPage: true });
      }
      if (pages.length && options.onFailure) await options.onFailure(pages[0]);
    } catch (ignored) { /* best effort */ }
    console.log(JSON.stringify(report));
    process.exitCode = 1;
  } finally {
    await browser.close();
  }
}

/** Fills the player's registration form (`fields`: name, email, password, …, each the field #rg-<name>) and sends it. */
async function submitRegistration(page, fields) {
  for (const [name, value] of Object.entries(fields)) await page.fill('#rg-' + name, value);
  await page.click('#rg-password >> xpath=ancestor::form//button[@type="submit"]');
}

/** Fills the desk's sign-in form and sends it. */
async function submitDeskSignIn(page, email, password) {
  await page.fill('#signin-email', email);
  await page.fill('#signin-password', password);
  await page.click('form button[type=submit]');
}

/**
 * Waits in the player (a page or a frame) for the next quiz item — another than `lastItem`, not answered yet — or,
 * once `answeredAny`, for the results; returns the item's id, or null on the results page.
 */
async function nextQuizItem(player, lastItem, answeredAny) {
  await player.waitForFunction(([last, done]) => {
    const form = document.querySelector('form[data-item]');
    if (form) return form.getAttribute('data-item') !== last && !form.querySelector('.feedback');
    return done && !!document.querySelector('.results-list');
  }, [lastItem, answeredAny]);
  if (await player.$('.results-list')) return null;
  return player.getAttribute('form[data-item]', 'data-item');
}

/** Gives `response` to the quiz item `itemId` of type `type` in the player (a page or a frame). */
async function answerQuizItem(player, type, itemId, response) {
  const q = '#q-' + itemId;
  switch (type) {
    case 'single-choice': case 'true-false':
      await player.check(q + '-' + response); break;
    case 'multiple-response':
      for (const id of response) await player.check(q + '-' + id);
      break;
    case 'matching':
      for (const [source, target] of Object.entries(response)) await player.selectOption(q + '-' + source, target);
      break;
    case 'ordering':
      // each step is moved up until it stands at its position, first to last
      for (let pos = 0; pos < response.length; pos++) {
        for (;;) {
          const order = await player.$$eval('.order-list li button[data-step$=":up"]', bs => bs.map(b => b.getAttribute('data-step').split(':')[0]));
          if (order.indexOf(response[pos]) === pos) break;
          await player.click(`.order-list button[data-step="${response[pos]}:up"]`);
        }
      }
      break;
    case 'fill-in':
      await player.fill(q + '-text', response); break;
    default: fail('unknown type ' + type);
  }
}

module.exports = { BASE, fail, watchExternalRequests, watchPageErrors, openDesktopPage, axeChecker,
  run, submitRegistration, submitDeskSignIn, nextQuizItem, answerQuizItem };
