// Browser journey of gamification, driven by es.civica.gamification.GamificationBrowserTest.
// Usage: BASE_URL=http://localhost:PORT KEY_FILE=key.json [CHROMIUM=/usr/bin/chromium] node gamification.e2e.js
// KEY_FILE (written by the JUnit test from the content): {"bestPath": ["n1:a", …]} — the best path of the unit 4
// complaint scenario u4-sc-alumbrado.
// Registers with an organisation and a department, plays the complaint scenario to its best ending, expects the
// polite notice of the badge "Escucha activa", sees it earned on the badge shelf (others locked, with how to earn
// them) and sees itself on the leaderboard under its alias, not its name. Every page is checked by axe-core
// (WCAG 2.1 A/AA: no serious or critical violation) and for external requests.
// Prints one JSON line {"learner", "alias", "axe": [...], "external": [...], "checked": [...]}; exit 1 on failure.
'use strict';
const fs = require('fs');
const { BASE, fail, axeChecker, openDesktopPage, run, submitRegistration } = require('./support');

const KEY = JSON.parse(fs.readFileSync(process.env.KEY_FILE, 'utf8'));
const report = { axe: [], external: [], checked: [] };
const axeCheck = axeChecker(report);
const NAME = 'Marta Prueba Gamificación';

run(report, async browser => {
  const page = await openDesktopPage(browser, report);

  // register, with where the learner works
  await page.goto(BASE + '/play/');
  await page.waitForSelector('#rg-organisation');
  // the directory's names offered as suggestions (a datalist), with the hint shown once there are some
  await page.waitForSelector('#rg-organisation-list option', { state: 'attached' });
  report.suggestions = await page.$$eval('#rg-organisation-list option', os => os.map(o => o.value));
  if (await page.getAttribute('#rg-organisation', 'list') !== 'rg-organisation-list') fail('the field is not tied to the suggestions');
  if (!(await page.isVisible('#rg-organisation-list-hint'))) fail('the suggestions hint is hidden');
  await axeCheck(page, 'signin');
  await submitRegistration(page, { name: NAME, email: 'e2e-gamification-' + Date.now() + '@ayto.example',
    password: 'una-clave-larga', organisation: 'Ayuntamiento de Prueba ' + Date.now(), department: 'Comunicación' });
  await page.waitForSelector('.cards');
  await page.waitForSelector('#hud .hud-level');
  await axeCheck(page, 'catalogue-with-hud');
  report.learner = (await page.evaluate(() => fetch('/api/me').then(r => r.json()))).id;
  const xpBefore = Number(await page.getAttribute('#hud [data-xp]', 'data-xp'));

  // the complaint scenario of unit 4 to its best ending
  await page.goto(BASE + '/play/#/unit/4/scenario/u4-sc-alumbrado');
  await page.waitForSelector('main .actions button');
  await page.click('main .actions button');
  for (const step of KEY.bestPath) {
    const [node, choice] = step.split(':');
    await page.waitForSelector(`fieldset[data-node="${node}"]`);
    await page.click(`fieldset[data-node="${node}"] button[data-choice="${choice}"]`);
  }
  await page.waitForSelector('.ending');

  // the notice: a polite live region, not a dialog; the focus stays where it was
  await page.waitForFunction(() => /Escucha activa/.test(document.getElementById('toast').textContent));
  const toast = await page.evaluate(() => {
    const t = document.getElementById('toast');
    return { role: t.getAttribute('role'), live: t.getAttribute('aria-live'), focusInside: t.contains(document.activeElement) };
  });
  if (toast.role !== 'status' || toast.live !== 'polite' || toast.focusInside) fail('the notice is not a polite status: ' + JSON.stringify(toast));
  await axeCheck(page, 'scenario-ending-with-notice');
  await page.waitForFunction(b => Number(document.querySelector('#hud [data-xp]').getAttribute('data-xp')) > b, xpBefore);
  report.xp = Number(await page.getAttribute('#hud [data-xp]', 'data-xp'));

  // the badge shelf
  await page.click('#nav-badges');
  await page.waitForSelector('[data-badge="escucha-activa"]');
  if (await page.getAttribute('[data-badge="escucha-activa"]', 'data-earned') !== 'true') fail('Escucha activa is not earned on the shelf');
  const locked = await page.$$eval('[data-badge][data-earned="false"]', els => els.map(e => e.textContent));
  if (locked.length < 1 || !locked.every(t => /Cómo conseguirla/.test(t))) fail('locked badges do not say how to earn them');
  await axeCheck(page, 'badges');

  // the leaderboard: the learner's own row under an alias, not the name
  await page.click('#nav-leaderboard');
  await page.waitForSelector('table.leaderboard tr[data-me="true"]');
  const mine = await page.textContent('table.leaderboard tr[data-me="true"] th');
  const profile = await page.evaluate(() => fetch('/api/gamification/profile').then(r => r.json()));
  report.alias = profile.alias;
  if (!mine.includes(profile.alias)) fail('own row shows "' + mine + '", not the alias ' + profile.alias);
  if ((await page.textContent('main')).includes(NAME)) fail('the name appears on the leaderboard page');
  await axeCheck(page, 'leaderboard');
  await page.check('#lb-scope-department');
  await page.click('form.filters button[type=submit]');
  await page.waitForFunction(() => /department/.test(location.hash));
  await page.waitForSelector('table.leaderboard tr[data-me="true"]');
  await page.waitForSelector('table.leagues tr.me');
  await axeCheck(page, 'leaderboard-department');
}, {
  screenshot: 'civica-e2e-gamification.png',
  onFailure: async page => {
    report.mainText = (await page.textContent('main')).slice(0, 2000);
    report.hash = await page.evaluate(() => location.hash);
  }
});
