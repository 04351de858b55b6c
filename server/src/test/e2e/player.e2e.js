// Browser journeys through the learner player, driven by es.civica.learning.PlayerBrowserTest.
// Usage: BASE_URL=http://localhost:PORT KEY_FILE=key.json [CHROMIUM=/usr/bin/chromium] node player.e2e.js JOURNEY
// JOURNEY: complete (unit 4 lessons, a passed quiz, the complaint scenario to its best ending, the engagement
//          simulation to its target),
//          fail-retry-pass (fail the quiz, retry, pass), resume (reload mid-quiz and carry on).
// KEY_FILE (written by the JUnit test from the content): {"items": {id: {type, right, wrong}}, "bestPath": ["n1:a", …],
//           "simulationGood": {controls that meet the simulation's target}}.
// Prints one JSON line {"email", "learner", "axe": [...serious or critical violations], "external": [...]}; exit 1 on failure.
'use strict';
const fs = require('fs');
const { BASE, fail, axeChecker, openDesktopPage, run, submitRegistration, nextQuizItem, answerQuizItem } = require('./support');

const KEY = JSON.parse(fs.readFileSync(process.env.KEY_FILE, 'utf8'));
const journey = process.argv[2];
const report = { journey, axe: [], external: [], checked: [] };
const axeCheck = axeChecker(report);

async function register(page) {
  await page.goto(BASE + '/play/');
  await page.waitForSelector('#rg-name');
  await axeCheck(page, 'signin');
  report.email = 'e2e-' + journey + '-' + Date.now() + '@ayto.example';
  await submitRegistration(page, { name: 'Prueba ' + journey, email: report.email, password: 'una-clave-larga' });
  await page.waitForSelector('.cards');
  await axeCheck(page, 'catalogue');
  report.learner = (await page.evaluate(() => fetch('/api/me').then(r => r.json()))).id;
}

async function readUnit4(page) {
  await page.goto(BASE + '/play/#/unit/4');
  await page.waitForSelector('h2 >> nth=2');
  await axeCheck(page, 'unit');
  const course = await page.evaluate(() => fetch('/api/course').then(r => r.json()));
  const unit = course.units.find(u => u.number === 4);
  let first = true;
  for (const lesson of unit.lessons) {
    for (let i = 0; i < lesson.sections.length; i++) {
      const recorded = page.waitForResponse(r => r.url().includes('/sections/' + lesson.sections[i].id + '/experienced'));
      await page.goto(BASE + '/play/#/unit/4/lesson/' + lesson.id + '/' + i);
      await page.waitForFunction(t => {
        const h1 = document.querySelector('article.lesson-body h1');
        return h1 && h1.textContent === t;
      }, lesson.sections[i].title);
      if ((await recorded).status() !== 200) fail('experienced not recorded');
      if (first) { await axeCheck(page, 'lesson'); first = false; }
    }
  }
}

/** Answers the items of the attempt on screen until `stopAfter` answers, or to the results page. */
async function playQuiz(page, mode, stopAfter) {
  let answered = 0;
  let checkedItem = false;
  let last = null;
  for (;;) {
    const itemId = await nextQuizItem(page, last, answered > 0);
    if (itemId === null) return answered;
    last = itemId;
    if (!checkedItem) { await axeCheck(page, 'quiz-item'); }
    await answerQuizItem(page, KEY.items[itemId].type, itemId, KEY.items[itemId][mode]);
    await page.click('form[data-item] button[type=submit]');
    await page.waitForSelector('form[data-item] .feedback');
    const ok = await page.$('form[data-item] .feedback.ok');
    if ((mode === 'right') !== !!ok) fail(`item ${itemId} answered ${mode} but scored ${ok ? 'right' : 'wrong'}`);
    if (!checkedItem) { await axeCheck(page, 'quiz-feedback'); checkedItem = true; }
    answered++;
    if (stopAfter && answered >= stopAfter) return answered;
    await page.click('form[data-item] .feedback + .actions button');
  }
}

async function startQuiz(page) {
  await page.goto(BASE + '/play/#/unit/4/quiz');
  await page.waitForSelector('main .actions button, main .actions a');
  await axeCheck(page, 'quiz');
  await page.click('main .actions button, main .actions a');
}

async function expectResult(page, status) {
  await page.waitForSelector('.results-list');
  const box = await page.$(status === 'passed' ? 'main > .feedback.ok' : 'main > .feedback.ko');
  if (!box) fail('results page does not show ' + status);
  await axeCheck(page, 'results-' + status);
}

async function scenarioToBest(page) {
  await page.goto(BASE + '/play/#/unit/4/scenario/u4-sc-alumbrado');
  await page.waitForSelector('main .actions button');
  await axeCheck(page, 'scenario-intro');
  await page.click('main .actions button');
  let first = true;
  for (const step of KEY.bestPath) {
    const [node, choice] = step.split(':');
    await page.waitForSelector(`fieldset[data-node="${node}"]`);
    if (first) { await axeCheck(page, 'scenario-decision'); first = false; }
    await page.click(`fieldset[data-node="${node}"] button[data-choice="${choice}"]`);
  }
  await page.waitForSelector('.ending');
  await axeCheck(page, 'scenario-ending');
  const link = await page.$('.ending a');
  if (!link) fail('the ending does not link to a lesson section');
  await link.click();
  await page.waitForSelector('article.lesson-body h1');
}

/** The engagement simulation: the defaults miss the target; the settings in KEY.simulationGood meet it. */
async function simulationToTarget(page) {
  await page.goto(BASE + '/play/#/unit/4/simulation/u4-sim-engagement');
  await page.waitForSelector('form.sim-form button[type=submit]');
  await axeCheck(page, 'simulation');
  await page.click('form.sim-form button[type=submit]');
  await page.waitForSelector('#sim-results .feedback.ko');
  const good = KEY.simulationGood;
  await page.fill('#sim-postsPerWeek', String(good.postsPerWeek));
  for (const box of await page.$$('input[id^="sim-timeSlots-"], input[id^="sim-channels-"]')) {
    const id = await box.getAttribute('id');
    const [, control, option] = /^sim-(timeSlots|channels)-(.*)$/.exec(id);
    await box.setChecked(good[control].includes(option));
  }
  for (const [part, value] of Object.entries(good.contentMix)) await page.fill('#sim-contentMix-' + part, String(value));
  await page.selectOption('#sim-responseTime', good.responseTime);
  await page.click('form.sim-form button[type=submit]');
  await page.waitForSelector('#sim-results .feedback.ok');
  await page.waitForSelector('#debrief-h');
  await axeCheck(page, 'simulation-result');
}

run(report, async browser => {
  const page = await openDesktopPage(browser, report);
  await register(page);
  if (journey === 'complete') {
    await readUnit4(page);
    await startQuiz(page);
    await playQuiz(page, 'right');
    await expectResult(page, 'passed');
    await scenarioToBest(page);
    await simulationToTarget(page);
    await page.goto(BASE + '/play/#/');
    await page.waitForSelector('.status-passed');
  } else if (journey === 'fail-retry-pass') {
    await startQuiz(page);
    await playQuiz(page, 'wrong');
    await expectResult(page, 'failed');
    await page.click('main .actions button');
    await playQuiz(page, 'right');
    await expectResult(page, 'passed');
  } else if (journey === 'resume') {
    await startQuiz(page);
    await playQuiz(page, 'right', 2);
    await page.reload();
    await page.waitForSelector('form[data-item]');
    const h1 = await page.textContent('main h1');
    if (!/\b3\b/.test(h1)) fail('after reload the quiz shows "' + h1 + '", not question 3');
    await page.goto(BASE + '/play/#/unit/4/quiz');
    await page.waitForSelector('main .actions a');   // "continue the attempt in progress"
    await page.click('main .actions a');
    await playQuiz(page, 'right');
    await expectResult(page, 'passed');
  } else {
    fail('unknown journey ' + journey);
  }
}, {
  screenshot: 'civica-e2e-' + journey + '.png',
  onFailure: async page => {
    report.mainText = (await page.textContent('main')).slice(0, 2000);
    report.hash = await page.evaluate(() => location.hash);
  }
});
