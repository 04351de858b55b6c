// A SCORM package from our server, played inside a page that plays the LMS, driven by
// es.civica.scorm.dispatch.ScormBrowserTest.
// Usage: BASE_URL=http://localhost:PORT LMS_PORT=PORT2 PKG_DIR=dir KEY_FILE=key.json [CHROMIUM=…] node scorm.e2e.js STANDARD
// STANDARD: scorm12 or scorm2004 (PKG_DIR/<STANDARD>/ holds the unzipped unit-4 package), or cmi5: the page plays
// a cmi5 LMS (AU_URL from cmi5.xml; a fetch URL that hands out the auth token of the LRS credential LRS_KEY /
// LRS_SECRET once; the LMS's LRS at /lrs/, a proxy to the server's /xapi) and launches the AU in a frame.
// The LMS (lms.html, scorm-again's runtime, the package files) is served here at http://127.0.0.1:LMS_PORT: another
// origin than the server. The learner reads three sections, leaves, relaunches (and must land on the same section),
// passes the quiz and finishes. Prints one JSON line {learnerId, first, resumedAt, final, …}; exit 1 on failure.
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');
const { BASE, fail, watchExternalRequests, watchPageErrors, run, nextQuizItem, answerQuizItem } = require('./support');

const LMS = 'http://127.0.0.1:' + process.env.LMS_PORT;
const PKG = process.env.PKG_DIR;
const KEY = JSON.parse(fs.readFileSync(process.env.KEY_FILE, 'utf8'));
const standard = process.argv[2];
const report = { standard, learnerId: 'lms-' + standard + '-' + Date.now(), external: [] };
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.xml': 'application/xml',
  '.xsd': 'application/xml', '.dtd': 'application/xml-dtd' };

const cmi5 = { token: Buffer.from(process.env.LRS_KEY + ':' + process.env.LRS_SECRET).toString('base64'),
  fetchUsed: false, returned: false };
const CORS = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'GET, POST, PUT, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Experience-API-Version' };

/** The LMS's LRS: a proxy to the server's own LRS (so its origin is the LMS's). */
function proxyLrs(req, res, url) {
  if (req.method === 'OPTIONS') { res.writeHead(204, CORS); res.end(); return; }
  const target = new URL(BASE + '/xapi/' + url.pathname.slice('/lrs/'.length) + url.search);
  const headers = {};
  ['authorization', 'content-type', 'x-experience-api-version'].forEach(h => { if (req.headers[h]) headers[h] = req.headers[h]; });
  const upstream = http.request(target, { method: req.method, headers }, up => {
    res.writeHead(up.statusCode, Object.assign({ 'Content-Type': up.headers['content-type'] || 'application/json' }, CORS));
    up.pipe(res);
  });
  upstream.on('error', e => { res.writeHead(502, CORS); res.end(String(e)); });
  req.pipe(upstream);
}

function serveLms() {
  const roots = { '/scorm-again/': path.join(__dirname, 'node_modules', 'scorm-again', 'dist'),
    '/pkg/': PKG };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, LMS);
    if (url.pathname.startsWith('/lrs/')) { proxyLrs(req, res, url); return; }
    if (url.pathname === '/fetch') {
      if (req.method === 'OPTIONS') { res.writeHead(204, CORS); res.end(); return; }
      res.writeHead(200, Object.assign({ 'Content-Type': 'application/json' }, CORS));
      // cmi5 8.2.3: the fetch URL answers the token once, an error afterwards
      res.end(JSON.stringify(cmi5.fetchUsed ? { 'error-code': '1', 'error-text': 'already used' } : { 'auth-token': cmi5.token }));
      cmi5.fetchUsed = true;
      return;
    }
    if (url.pathname === '/returned') {
      cmi5.returned = true;
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>Curso</title><p id="returned">De vuelta en el LMS</p>');
      return;
    }
    let file = null;
    if (url.pathname === '/lms.html') file = path.join(__dirname, 'lms.html');
    for (const [prefix, dir] of Object.entries(roots)) {
      if (url.pathname.startsWith(prefix)) file = path.join(dir, path.normalize(url.pathname.slice(prefix.length)));
    }
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise(resolve => server.listen(Number(process.env.LMS_PORT), '127.0.0.1', () => resolve(server)));
}

/** The player's frame (on the server's origin) once it has left the launch. */
async function playerFrame(page) {
  for (let i = 0; i < 150; i++) {
    const frame = page.frames().find(f => f.url().startsWith(BASE + '/play/'));
    if (frame) return frame;
    await page.waitForTimeout(100);
  }
  fail('the player never opened in the launcher');
}

async function launch(page, saved) {
  await page.goto(LMS + '/lms.html');
  await page.evaluate(cfg => window.startLms(cfg), { standard, learnerId: report.learnerId,
    learnerName: 'Martín Pérez, Lucía', launchUrl: '/pkg/' + standard + '/unit4.html', saved });
  return playerFrame(page);
}

/** Reads an LMS value (the runtime's CMI data) until it matches. */
async function lmsValue(page, pick, expected, label) {
  let value;
  for (let i = 0; i < 100; i++) {
    value = await page.evaluate(pick);
    if (expected(value)) return value;
    await page.waitForTimeout(100);
  }
  fail(label + ': the LMS holds ' + JSON.stringify(value));
}

const loc = standard === 'scorm12' ? cmi => cmi.core.lesson_location : cmi => cmi.location;

async function readSection(frame, lesson, i) {
  await frame.evaluate(h => { location.hash = h; }, '#/unit/4/lesson/' + lesson.id + '/' + i);
  await frame.waitForFunction(t => {
    const h1 = document.querySelector('article.lesson-body h1');
    return h1 && h1.textContent === t;
  }, lesson.sections[i].title);
}

async function passQuiz(frame) {
  await frame.evaluate(() => { location.hash = '#/unit/4/quiz'; });
  await frame.waitForSelector('main .actions button, main .actions a');
  await frame.click('main .actions button, main .actions a');
  let last = null;
  let answered = 0;
  for (;;) {
    const itemId = await nextQuizItem(frame, last, answered > 0);
    if (itemId === null) return answered;
    last = itemId;
    await answerQuizItem(frame, KEY.items[itemId].type, itemId, KEY.items[itemId].right);
    await frame.click('form[data-item] button[type=submit]');
    await frame.waitForSelector('form[data-item] .feedback.ok');
    answered++;
    await frame.click('form[data-item] .feedback + .actions button');
  }
}

/** cmi5: the LMS puts LMS.LaunchData in its LRS, then opens the AU url with the launch parameters in a frame. */
async function cmi5Journey(page) {
  const actor = { objectType: 'Agent', name: 'Lucía Martín', account: { homePage: LMS, name: report.learnerId } };
  const registration = require('crypto').randomUUID();
  const activityId = LMS + '/course/1/au/4';
  report.cmi5 = { actor, registration, activityId };
  const launchData = { contextTemplate: { contextActivities: { grouping: [{ id: LMS + '/course/1' }] },
      extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 'e2e-session' } },
    launchMode: 'Normal', moveOn: 'CompletedAndPassed', masteryScore: 0.8, returnURL: LMS + '/returned' };
  const state = new URLSearchParams({ stateId: 'LMS.LaunchData', activityId, agent: JSON.stringify(actor), registration });
  const put = await fetch(BASE + '/xapi/activities/state?' + state, { method: 'PUT', body: JSON.stringify(launchData),
    headers: { 'Authorization': 'Basic ' + cmi5.token, 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3' } });
  if (put.status !== 204) fail('LMS.LaunchData not stored: ' + put.status);
  const au = new URL(process.env.AU_URL);
  au.searchParams.set('endpoint', LMS + '/lrs/');
  au.searchParams.set('fetch', LMS + '/fetch');
  au.searchParams.set('registration', registration);
  au.searchParams.set('actor', JSON.stringify(actor));
  au.searchParams.set('activityId', activityId);
  await page.goto(LMS + '/lms.html');
  await page.evaluate(src => { document.getElementById('sco').src = src; }, au.toString());
  const frame = await playerFrame(page);
  await frame.waitForSelector('main h1');
  report.answered = await passQuiz(frame);
  report.passedShown = !!(await frame.$('main > .feedback.ok'));
  await frame.click('[data-lms-finish]');
  for (let i = 0; i < 100 && !cmi5.returned; i++) await page.waitForTimeout(100);
  if (!cmi5.returned) fail('the AU did not go back to the returnURL after finishing');
  report.fetchUsed = cmi5.fetchUsed;
}

/** SCORM 1.2 or 2004: read three sections, leave, relaunch at the third, pass the quiz, finish. */
async function scormJourney(page) {
  const course = await (await fetch(BASE + '/api/course')).json();
  const unit = course.units.find(u => u.number === 4);

  // first session: three sections, then the learner leaves through the LMS
  let frame = await launch(page, null);
  await frame.waitForSelector('main h1');
  const lesson = unit.lessons[0];
  if (lesson.sections.length < 3) fail('lesson 1 of unit 4 has fewer than three sections');
  for (let i = 0; i < 3; i++) await readSection(frame, lesson, i);
  const third = lesson.sections[2].id;
  await lmsValue(page, () => window.lmsSnapshot(), cmi => loc(cmi) === third, 'bookmark after three sections');
  await page.evaluate(() => window.exitLms());
  const first = await lmsValue(page, () => window.lms.finished, v => !!v, 'finish on leaving');
  report.first = first;

  // second session: the LMS relaunches with what it saved; the player must open on the third section
  frame = await launch(page, first);
  await frame.waitForSelector('article.lesson-body h1');
  report.resumedAt = await frame.textContent('article.lesson-body h1');
  if (report.resumedAt !== lesson.sections[2].title) fail('relaunch opened "' + report.resumedAt + '"');
  report.answered = await passQuiz(frame);
  report.passedShown = !!(await frame.$('main > .feedback.ok'));
  await lmsValue(page, () => window.lmsSnapshot(), cmi => (cmi.core ? cmi.core.lesson_status : cmi.success_status) === 'passed',
    'passed reported');
  await frame.click('[data-lms-finish]');
  await frame.waitForSelector('[data-lms-finished]');
  report.final = await lmsValue(page, () => window.lms.finished, v => !!v, 'finish when done');
  report.commits = await page.evaluate(() => window.lms.commits);
}

(async () => {
  const lmsServer = await serveLms();
  try {
    await run(report, async browser => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'es-ES' });
      page.setDefaultTimeout(15000);
      watchExternalRequests(page, report, [LMS]);
      watchPageErrors(page, report);
      page.on('console', m => { if (m.type() === 'error') report.console = (report.console || []).concat(m.text()); });
      if (standard === 'cmi5') await cmi5Journey(page);
      else await scormJourney(page);
    }, {
      screenshot: 'civica-scorm-e2e-' + standard + '.png',
      onFailure: async page => {
        report.frames = page.frames().map(f => f.url());
        const player = page.frames().find(f => f.url().startsWith(BASE));
        if (player) report.playerText = (await player.textContent('body')).slice(0, 1500);
      }
    });
  } finally {
    lmsServer.close();
  }
})();
