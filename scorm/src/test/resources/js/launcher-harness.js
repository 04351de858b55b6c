/*
 * Runs the launcher scripts in node against a fake window, document and LMS, one scenario per call:
 *   node launcher-harness.js <folder with the launcher scripts> <scenario>
 * Prints "ok <scenario>" (or, for "formats", a JSON line) and exits 0; an assertion failure exits 1.
 * LauncherScriptTest (JUnit) calls it; the real browser run (scorm-again in Chromium) is separate.
 */
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const [scriptDir, scenario] = process.argv.slice(2);
const SERVER = 'https://civica.example.org';
const LMS = 'https://lms.example.edu';
const PROTOCOL = 'civica-scorm-bridge';

/* ---------- fakes ---------- */

function fakeDocument(config) {
  const statusAttributes = {
    'data-no-api': 'NO_API', 'data-init-failed': 'INIT_FAILED',
    'data-missing-params': 'MISSING_PARAMS', 'data-launch-failed': 'LAUNCH_FAILED'
  };
  const status = { hidden: false, getAttribute: (name) => statusAttributes[name] || null };
  const statusText = { textContent: 'Conectando…' };
  const configElement = { textContent: JSON.stringify(config) };
  const submitted = [];
  const listeners = {};
  const body = {
    children: [],
    appendChild(child) { this.children.push(child); child.parentNode = this; },
    removeChild(child) { this.children = this.children.filter((c) => c !== child); }
  };
  const doc = {
    body, listeners, submitted, status, statusText,
    visibilityState: 'visible',
    getElementById(id) {
      return { 'civica-config': configElement, 'civica-status': status, 'civica-status-text': statusText }[id] || null;
    },
    addEventListener(type, fn) { (listeners[type] = listeners[type] || []).push(fn); },
    createElement(tag) {
      const element = {
        tagName: tag.toUpperCase(), attributes: {}, children: [], style: {},
        setAttribute(name, value) { this.attributes[name] = String(value); },
        appendChild(child) { this.children.push(child); }
      };
      if (tag === 'iframe') {
        element.contentWindow = {
          posted: [],
          postMessage(message, targetOrigin) {
            this.posted.push({ message: JSON.parse(JSON.stringify(message)), targetOrigin });
          }
        };
      }
      if (tag === 'form') {
        element.submit = function () {
          submitted.push({
            action: this.action, method: this.method, target: this.target,
            fields: Object.fromEntries(this.children.map((input) => [input.name, input.value])),
            names: this.children.map((input) => input.name)
          });
        };
      }
      return element;
    }
  };
  return doc;
}

function fakeWindow(origin, search) {
  const listeners = {};
  const win = {
    listeners,
    assigned: [],
    location: { origin, search: search || '', assign(url) { win.assigned.push(url); } },
    addEventListener(type, fn) { (listeners[type] = listeners[type] || []).push(fn); },
    opener: null
  };
  win.parent = win;
  return win;
}

/* A chain of windows: result[0] is the launcher's window, result[depth] the top. */
function windowChain(depth, search) {
  const chain = [fakeWindow(LMS, search)];
  for (let i = 1; i <= depth; i++) {
    const parent = fakeWindow(LMS);
    chain[i - 1].parent = parent;
    chain.push(parent);
  }
  return chain;
}

function fakeScormApi(version, data, options) {
  const calls = [];
  const store = Object.assign({}, data);
  const fail = (options && options.failInitialize) || false;
  const count = () => {
    let n = 0;
    while (Object.prototype.hasOwnProperty.call(store, 'cmi.interactions.' + n + '.id')) {
      n++;
    }
    return String(n);
  };
  const names = version === 'scorm12'
    ? ['LMSInitialize', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSFinish', 'LMSGetLastError', 'LMSGetErrorString']
    : ['Initialize', 'GetValue', 'SetValue', 'Commit', 'Terminate', 'GetLastError', 'GetErrorString'];
  const [init, get, set, commit, finish, lastError, errorString] = names;
  const api = { calls, store };
  api[init] = (arg) => { calls.push([init, arg]); return fail ? 'false' : 'true'; };
  api[get] = (element) => {
    calls.push([get, element]);
    if (element === 'cmi.interactions._count') {
      return count();
    }
    return Object.prototype.hasOwnProperty.call(store, element) ? store[element] : '';
  };
  api[set] = (element, value) => { calls.push([set, element, value]); store[element] = value; return 'true'; };
  api[commit] = (arg) => { calls.push([commit, arg]); return 'true'; };
  api[finish] = (arg) => { calls.push([finish, arg]); return 'true'; };
  api[lastError] = () => (fail ? '101' : '0');
  api[errorString] = (code) => (code === '101' ? 'General exception' : 'No error');
  api.sets = () => calls.filter((c) => c[0] === set).map((c) => [c[1], c[2]]);
  api.count = (name) => calls.filter((c) => c[0] === name).length;
  return api;
}

function load(file, win, doc, extra) {
  const context = Object.assign(win, { document: doc, URL, URLSearchParams, console }, extra || {});
  context.window = context;
  vm.createContext(context);
  vm.runInContext(fs.readFileSync(path.join(scriptDir, file), 'utf8'), context, { filename: file });
  return context;
}

function scormConfig(standard) {
  return {
    standard, serverOrigin: SERVER, launchUrl: SERVER + '/scorm/launch', dispatch: 'signed.binding',
    dispatchId: 'moodle-demo', scope: 'course', course: 'https://civica.app/xapi/activities/course/c',
    unit: 3, activityId: 'https://civica.app/xapi/activities/course/c/unit/3', title: 'Unidad 3', passMark: 0.8
  };
}

function iframeOf(doc) {
  const frames = doc.body.children.filter((c) => c.tagName === 'IFRAME');
  assert.equal(frames.length, 1, 'one player iframe');
  return frames[0];
}

/* Sends a message as if from the player (or from elsewhere) and returns what the launcher posted back. */
function send(win, doc, data, overrides) {
  const frame = iframeOf(doc);
  const before = frame.contentWindow.posted.length;
  const event = Object.assign({ origin: SERVER, source: frame.contentWindow, data }, overrides || {});
  win.listeners.message.forEach((fn) => fn(event));
  return frame.contentWindow.posted.slice(before);
}

let nextId = 1;
function request(win, doc, type, fields) {
  const id = 'r' + (nextId++);
  const replies = send(win, doc, Object.assign({ protocol: PROTOCOL, version: 1, type, id }, fields || {}));
  assert.equal(replies.length, 1, type + ' gets one reply');
  assert.equal(replies[0].targetOrigin, SERVER, 'replies go to the server origin only');
  assert.equal(replies[0].message.id, id);
  assert.equal(replies[0].message.protocol, PROTOCOL);
  return replies[0].message;
}

function pageHide(win) {
  win.listeners.pagehide.forEach((fn) => fn({ persisted: false }));
}

/* ---------- scenarios ---------- */

const scenarios = {};

scenarios['scorm12-session'] = () => {
  const chain = windowChain(2);
  const api = fakeScormApi('scorm12', {
    'cmi.core.student_id': 'u123', 'cmi.core.student_name': 'Pérez, Ana', 'cmi.core.entry': 'ab-initio',
    'cmi.core.lesson_status': 'not attempted', 'cmi.core.lesson_mode': 'normal', 'cmi.core.credit': 'credit',
    'cmi.core.lesson_location': '', 'cmi.suspend_data': ''
  });
  chain[2].API = api;
  const doc = fakeDocument(scormConfig('scorm12'));
  const win = load('civica-scorm-launcher.js', chain[0], doc);

  assert.deepEqual(api.calls[0], ['LMSInitialize', '']);
  assert.deepEqual(api.sets(), [['cmi.core.lesson_status', 'incomplete']], 'a first launch marks the unit attempted');
  assert.equal(api.count('LMSCommit'), 1);

  const frame = iframeOf(doc);
  assert.equal(frame.name, 'civica-player');
  assert.match(frame.attributes.sandbox, /allow-scripts/);
  assert.equal(doc.status.hidden, true, 'the waiting text is hidden once the player opens');
  assert.equal(doc.submitted.length, 1);
  const launch = doc.submitted[0];
  assert.equal(launch.action, SERVER + '/scorm/launch');
  assert.equal(launch.method, 'post');
  assert.equal(launch.target, 'civica-player');
  assert.deepEqual(launch.names, ['bridge', 'standard', 'dispatch', 'dispatchId', 'scope', 'course', 'unit',
    'activityId', 'learnerId', 'learnerName', 'entry', 'location', 'suspendData', 'mode', 'credit',
    'completionStatus', 'successStatus', 'lmsOrigin']);
  assert.deepEqual(launch.fields, {
    bridge: '1', standard: 'scorm12', dispatch: 'signed.binding', dispatchId: 'moodle-demo', scope: 'course',
    course: 'https://civica.app/xapi/activities/course/c', unit: '3',
    activityId: 'https://civica.app/xapi/activities/course/c/unit/3', learnerId: 'u123', learnerName: 'Pérez, Ana',
    entry: 'ab-initio', location: '', suspendData: '', mode: 'normal', credit: 'credit',
    completionStatus: 'not attempted', successStatus: 'unknown', lmsOrigin: LMS
  }, 'the launch form carries what the LMS held before the launcher marked the unit attempted');
  assert.equal(request(win, doc, 'getState').state.completionStatus, 'incomplete', 'getState is current');

  /* Strict origin and source checks: nothing happens, nothing is answered. */
  const callsBefore = api.calls.length;
  const getState = { protocol: PROTOCOL, version: 1, type: 'getState', id: 'x' };
  assert.deepEqual(send(win, doc, getState, { origin: 'https://evil.example' }), []);
  assert.deepEqual(send(win, doc, getState, { source: {} }), []);
  assert.deepEqual(send(win, doc, getState, { origin: LMS }), []);
  assert.deepEqual(send(win, doc, { type: 'getState', id: 'x' }), [], 'messages without the protocol are ignored');
  assert.deepEqual(send(win, doc, 'getState'), []);
  assert.deepEqual(send(win, doc, { protocol: PROTOCOL, type: 'status', completion: 'completed',
    success: 'passed' }, { origin: 'https://evil.example' }), []);
  assert.equal(api.calls.length, callsBefore, 'ignored messages never reach the LMS');

  const state = request(win, doc, 'getState');
  assert.equal(state.type, 'state');
  assert.equal(state.state.learnerId, 'u123');
  assert.equal(state.state.maxSuspendData, 4096);
  assert.equal(state.state.maxLocation, 255);

  assert.equal(request(win, doc, 'location', { value: 'lesson-2' }).ok, true);
  assert.equal(api.store['cmi.core.lesson_location'], 'lesson-2');
  const longLocation = request(win, doc, 'location', { value: 'x'.repeat(256) });
  assert.equal(longLocation.ok, false);
  assert.equal(longLocation.error.code, 'too-long');

  const tooLong = request(win, doc, 'suspendData', { value: 'x'.repeat(4097) });
  assert.equal(tooLong.ok, false);
  assert.equal(tooLong.error.code, 'too-long');
  assert.equal(api.store['cmi.suspend_data'], '', 'refused, not truncated');
  assert.equal(request(win, doc, 'suspendData', { value: 'y'.repeat(4096) }).ok, true);
  assert.equal(api.store['cmi.suspend_data'].length, 4096);
  assert.equal(request(win, doc, 'getState').state.suspendData.length, 4096);

  assert.equal(request(win, doc, 'score', { scaled: 0.85 }).ok, true);
  assert.equal(api.store['cmi.core.score.raw'], '85');
  assert.equal(api.store['cmi.core.score.min'], '0');
  assert.equal(api.store['cmi.core.score.max'], '100');
  assert.ok(!api.sets().some(([element]) => element.indexOf('scaled') >= 0), 'SCORM 1.2 has no scaled score');
  assert.equal(request(win, doc, 'score', { raw: 120, min: 0, max: 120 }).error.code, 'out-of-range');

  const interaction = request(win, doc, 'interaction', { interaction: {
    id: 'u3 q7', type: 'choice', learnerResponse: 'a[,]c', result: 'incorrect', latencySeconds: 12.5,
    correctResponses: ['SECRET-b'], correctResponse: 'SECRET-b', correct_responses: 'SECRET-b'
  } });
  assert.equal(interaction.ok, true);
  assert.equal(api.store['cmi.interactions.0.id'], 'u3_q7');
  assert.equal(api.store['cmi.interactions.0.type'], 'choice');
  assert.match(api.store['cmi.interactions.0.time'], /^\d\d:\d\d:\d\d$/);
  assert.equal(api.store['cmi.interactions.0.student_response'], 'a,c');
  assert.equal(api.store['cmi.interactions.0.result'], 'wrong');
  assert.equal(api.store['cmi.interactions.0.latency'], '0000:00:12.50');
  for (const [element, value] of api.sets()) {
    assert.ok(element.indexOf('correct_responses') < 0, 'never a correct answer: ' + element);
    assert.ok(String(value).indexOf('SECRET') < 0, 'never a correct answer: ' + value);
  }
  assert.equal(request(win, doc, 'interaction', { interaction: { id: 'u3-q8', type: 'long-fill-in',
    learnerResponse: 'texto', result: 'correct' } }).ok, true);
  assert.equal(api.store['cmi.interactions.1.type'], 'fill-in', 'SCORM 1.2 has no long-fill-in');

  const commits = api.count('LMSCommit');
  assert.equal(request(win, doc, 'status', { completion: 'completed', success: 'passed' }).ok, true);
  assert.equal(api.store['cmi.core.lesson_status'], 'passed');
  assert.equal(api.count('LMSCommit'), commits + 1, 'a status is a milestone: committed');
  assert.equal(request(win, doc, 'status', { completion: 'done' }).error.code, 'invalid');
  assert.equal(request(win, doc, 'commit').ok, true);
  assert.equal(request(win, doc, 'teleport').error.code, 'unknown-type');

  /* Hidden page: commit, not finish. */
  doc.visibilityState = 'hidden';
  const commitsBeforeHide = api.count('LMSCommit');
  doc.listeners.visibilitychange.forEach((fn) => fn({}));
  assert.equal(api.count('LMSCommit'), commitsBeforeHide + 1);
  assert.equal(api.count('LMSFinish'), 0);

  const before = api.calls.length;
  pageHide(win);
  const finishing = api.calls.slice(before);
  assert.deepEqual(finishing.map((c) => c[0]), ['LMSSetValue', 'LMSSetValue', 'LMSCommit', 'LMSFinish']);
  assert.equal(finishing[0][1], 'cmi.core.session_time');
  assert.match(finishing[0][2], /^\d{4}:\d\d:\d\d\.\d\d$/);
  assert.deepEqual(finishing[1].slice(1), ['cmi.core.exit', ''], 'passed: a normal exit');
  pageHide(win);
  assert.equal(api.count('LMSFinish'), 1, 'pagehide finishes once');
  assert.equal(request(win, doc, 'score', { scaled: 1 }).error.code, 'finished');
  assert.equal(request(win, doc, 'getState').state.finished, true);

  let reloaded = 0;
  win.location.reload = () => { reloaded++; };
  win.listeners.pageshow.forEach((fn) => fn({ persisted: true }));
  assert.equal(reloaded, 1, 'back from the back/forward cache after finishing: a fresh session');
};

scenarios['scorm12-leave-early'] = () => {
  const chain = windowChain(1);
  const api = fakeScormApi('scorm12', { 'cmi.core.lesson_status': 'incomplete', 'cmi.core.entry': 'resume',
    'cmi.suspend_data': 'b:3', 'cmi.core.lesson_location': 'l3' });
  chain[1].API = api;
  const doc = fakeDocument(scormConfig('scorm12'));
  const win = load('civica-scorm-launcher.js', chain[0], doc);
  assert.equal(api.count('LMSSetValue'), 0, 'a resumed unit is already attempted');
  assert.equal(doc.submitted[0].fields.entry, 'resume');
  assert.equal(doc.submitted[0].fields.suspendData, 'b:3');
  assert.equal(doc.submitted[0].fields.location, 'l3');
  pageHide(win);
  assert.deepEqual(api.sets().find(([element]) => element === 'cmi.core.exit'), ['cmi.core.exit', 'suspend']);
  assert.equal(api.count('LMSFinish'), 1);
};

scenarios['scorm12-failed-suspends'] = () => {
  const chain = windowChain(1);
  const api = fakeScormApi('scorm12', { 'cmi.core.lesson_status': 'not attempted' });
  chain[1].API = api;
  const doc = fakeDocument(scormConfig('scorm12'));
  const win = load('civica-scorm-launcher.js', chain[0], doc);
  assert.equal(request(win, doc, 'status', { completion: 'completed', success: 'failed' }).ok, true);
  assert.equal(api.store['cmi.core.lesson_status'], 'failed');
  pageHide(win);
  assert.equal(api.store['cmi.core.exit'], 'suspend', 'failed: the attempt stays open for a retake');
};

scenarios['scorm2004-session'] = () => {
  const chain = windowChain(1);
  const api = fakeScormApi('scorm2004', {
    'cmi.learner_id': 'L-9', 'cmi.learner_name': 'Ana Pérez', 'cmi.entry': 'ab-initio',
    'cmi.completion_status': 'unknown', 'cmi.success_status': 'unknown', 'cmi.mode': 'normal',
    'cmi.credit': 'credit', 'cmi.location': '', 'cmi.suspend_data': ''
  });
  chain[1].API_1484_11 = api;
  chain[1].API = fakeScormApi('scorm12', {}); /* a 1.2 API beside it must not be used */
  const doc = fakeDocument(scormConfig('scorm2004'));
  const win = load('civica-scorm-launcher.js', chain[0], doc);
  assert.deepEqual(api.calls[0], ['Initialize', '']);
  assert.deepEqual(api.sets(), [['cmi.completion_status', 'incomplete']]);
  assert.equal(doc.submitted[0].fields.standard, 'scorm2004');
  assert.equal(doc.submitted[0].fields.learnerId, 'L-9');

  assert.equal(request(win, doc, 'getState').state.maxSuspendData, 64000);
  assert.equal(request(win, doc, 'suspendData', { value: 'z'.repeat(5000) }).ok, true, '2004 allows 64,000');
  assert.equal(request(win, doc, 'suspendData', { value: 'z'.repeat(64001) }).error.code, 'too-long');
  assert.equal(request(win, doc, 'score', { scaled: 0.9, raw: 9, min: 0, max: 10 }).ok, true);
  assert.equal(api.store['cmi.score.scaled'], '0.9');
  assert.equal(api.store['cmi.score.raw'], '9');
  assert.equal(api.store['cmi.score.min'], '0');
  assert.equal(api.store['cmi.score.max'], '10');
  assert.equal(request(win, doc, 'score', { scaled: 1.5 }).error.code, 'invalid');

  assert.equal(request(win, doc, 'interaction', { interaction: {
    id: 'urn:civica:u3:q7', type: 'long-fill-in', learnerResponse: 'Una respuesta larga', result: 'incorrect',
    latencySeconds: 12.5, description: '¿Qué es el engagement?', correctResponses: ['SECRET']
  } }).ok, true);
  assert.equal(api.store['cmi.interactions.0.id'], 'urn:civica:u3:q7');
  assert.equal(api.store['cmi.interactions.0.type'], 'long-fill-in');
  assert.equal(api.store['cmi.interactions.0.learner_response'], 'Una respuesta larga');
  assert.equal(api.store['cmi.interactions.0.result'], 'incorrect');
  assert.equal(api.store['cmi.interactions.0.latency'], 'PT12.5S');
  assert.match(api.store['cmi.interactions.0.timestamp'], /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,2})?Z$/);
  assert.equal(api.store['cmi.interactions.0.description'], '¿Qué es el engagement?');
  const order = api.sets().filter(([element]) => element.indexOf('cmi.interactions.0.') === 0)
    .map(([element]) => element.substring('cmi.interactions.0.'.length));
  assert.deepEqual(order.slice(0, 2), ['id', 'type'], 'id first, then type (2004 data model dependencies)');
  for (const [element, value] of api.sets()) {
    assert.ok(element.indexOf('correct_responses') < 0 && String(value).indexOf('SECRET') < 0);
  }

  assert.equal(request(win, doc, 'status', { completion: 'completed', success: 'passed', progressMeasure: 1 }).ok,
    true);
  assert.equal(api.store['cmi.completion_status'], 'completed');
  assert.equal(api.store['cmi.success_status'], 'passed');
  assert.equal(api.store['cmi.progress_measure'], '1');

  assert.equal(request(win, doc, 'sessionTime', { seconds: 3723.45 }).ok, true);
  const before = api.calls.length;
  assert.equal(request(win, doc, 'finish', { exit: 'normal' }).ok, true);
  const finishing = api.calls.slice(before);
  assert.deepEqual(finishing.map((c) => c[0]), ['SetValue', 'SetValue', 'Commit', 'Terminate']);
  assert.deepEqual(finishing[0].slice(1), ['cmi.session_time', 'PT1H2M3.45S']);
  assert.deepEqual(finishing[1].slice(1), ['cmi.exit', 'normal']);
  pageHide(win);
  assert.equal(api.count('Terminate'), 1, 'nothing more after the player finished');
  assert.equal(chain[1].API.calls.length, 0);
};

scenarios['scorm2004-leave-early'] = () => {
  const chain = windowChain(1);
  const api = fakeScormApi('scorm2004', { 'cmi.completion_status': 'incomplete', 'cmi.entry': 'resume' });
  chain[1].API_1484_11 = api;
  const doc = fakeDocument(scormConfig('scorm2004'));
  const win = load('civica-scorm-launcher.js', chain[0], doc);
  pageHide(win);
  assert.equal(api.store['cmi.exit'], 'suspend');
  assert.match(api.store['cmi.session_time'], /^PT(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?$/);
  assert.equal(api.count('Terminate'), 1);
};

scenarios['api-on-opener'] = () => {
  const launcherWindow = fakeWindow(LMS);
  const openerChain = windowChain(1);
  const api = fakeScormApi('scorm2004', {});
  openerChain[1].API_1484_11 = api; /* the opener's parent holds the API */
  launcherWindow.opener = openerChain[0];
  const doc = fakeDocument(scormConfig('scorm2004'));
  load('civica-scorm-launcher.js', launcherWindow, doc);
  assert.equal(api.count('Initialize'), 1);
  assert.equal(doc.submitted.length, 1);
};

scenarios['cross-origin-parent'] = () => {
  const chain = windowChain(2);
  Object.defineProperty(chain[1], 'API', { get() { throw new Error('SecurityError: cross-origin'); } });
  const api = fakeScormApi('scorm12', {});
  chain[2].API = api;
  const doc = fakeDocument(scormConfig('scorm12'));
  load('civica-scorm-launcher.js', chain[0], doc);
  assert.equal(api.count('LMSInitialize'), 1, 'a parent that throws is skipped, not fatal');
};

scenarios['search-limits'] = () => {
  /* SCORM 1.2 (ADL APIWrapper.js): 7 parents at most; SCORM 2004 (RTE book): 500. */
  const chain12 = windowChain(9);
  chain12[9].API = fakeScormApi('scorm12', {});
  const doc12 = fakeDocument(scormConfig('scorm12'));
  load('civica-scorm-launcher.js', chain12[0], doc12);
  assert.equal(doc12.statusText.textContent, 'NO_API');
  assert.equal(doc12.body.children.length, 0, 'no player without an LMS');

  const chain7 = windowChain(7);
  chain7[7].API = fakeScormApi('scorm12', {});
  const doc7 = fakeDocument(scormConfig('scorm12'));
  load('civica-scorm-launcher.js', chain7[0], doc7);
  assert.equal(doc7.submitted.length, 1, 'seven levels up is found');

  const chain04 = windowChain(9);
  chain04[9].API_1484_11 = fakeScormApi('scorm2004', {});
  const doc04 = fakeDocument(scormConfig('scorm2004'));
  load('civica-scorm-launcher.js', chain04[0], doc04);
  assert.equal(doc04.submitted.length, 1);
};

scenarios['init-failed'] = () => {
  const chain = windowChain(1);
  chain[1].API = fakeScormApi('scorm12', {}, { failInitialize: true });
  const doc = fakeDocument(scormConfig('scorm12'));
  load('civica-scorm-launcher.js', chain[0], doc);
  assert.equal(doc.statusText.textContent, 'INIT_FAILED (101 General exception)');
  assert.equal(doc.submitted.length, 0);
};

scenarios.formats = () => {
  const win = fakeWindow(LMS);
  win.CIVICA_LAUNCHER_NO_AUTOSTART = true;
  const context = load('civica-scorm-launcher.js', win, fakeDocument(scormConfig('scorm12')));
  const lib = context.CivicaScormLauncher;
  const millis = JSON.parse(process.argv[4] || '[]');
  process.stdout.write(JSON.stringify({
    scorm12: millis.map((ms) => lib.scorm12Timespan(ms / 1000)),
    iso: millis.map((ms) => lib.isoDuration(ms / 1000))
  }) + '\n');
};

function cmi5Search(overrides) {
  const params = Object.assign({
    unit: '2', dispatch: 'signed.binding', dispatchId: 'moodle-demo',
    endpoint: 'https://lms.example.edu/lrs/', fetch: 'https://lms.example.edu/cmi5/fetch?k=abc',
    registration: '6f0a9b36-1d4e-4d6c-9a87-0c5b4a3d2e1f',
    actor: JSON.stringify({ objectType: 'Agent', name: 'Ana Pérez',
      account: { homePage: 'https://lms.example.edu', name: 'ana.perez' } }),
    activityId: 'https://lms.example.edu/activities/au/42'
  }, overrides || {});
  return '?' + Object.keys(params).filter((k) => params[k] !== null)
    .map((k) => encodeURIComponent(k) + '=' + encodeURIComponent(params[k])).join('&');
}

function fakeFetch(responses) {
  const requests = [];
  const fetch = (url, init) => {
    requests.push({ url, init });
    const answer = responses[requests.length - 1];
    return Promise.resolve({
      ok: answer.status >= 200 && answer.status < 300,
      status: answer.status,
      json: () => Promise.resolve(answer.body)
    });
  };
  return { fetch, requests };
}

function cmi5Config() {
  return { standard: 'cmi5', serverOrigin: SERVER, launchUrl: SERVER + '/scorm/launch', title: 'Cívica' };
}

scenarios['cmi5-launch'] = async () => {
  const win = fakeWindow(SERVER, cmi5Search());
  const launchData = { contextTemplate: { extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid':
    's-1' } }, launchMode: 'Normal', moveOn: 'CompletedAndPassed', masteryScore: 0.8,
    returnURL: 'https://lms.example.edu/course/7' };
  const http = fakeFetch([{ status: 200, body: { 'auth-token': 'QWxhZGRpbjpvcGVuU2VzYW1l' } },
    { status: 200, body: launchData }]);
  const doc = fakeDocument(cmi5Config());
  win.CIVICA_LAUNCHER_NO_AUTOSTART = true;
  const context = load('civica-cmi5-launcher.js', win, doc, { fetch: http.fetch, Promise });
  const launcher = context.CivicaCmi5Launcher.start(context, doc);
  assert.equal(await launcher.started, true, doc.statusText.textContent);

  assert.equal(http.requests.length, 2);
  assert.equal(http.requests[0].url, 'https://lms.example.edu/cmi5/fetch?k=abc');
  assert.equal(http.requests[0].init.method, 'POST');
  const stateUrl = new URL(http.requests[1].url);
  assert.equal(stateUrl.origin + stateUrl.pathname, 'https://lms.example.edu/lrs/activities/state');
  assert.equal(stateUrl.searchParams.get('stateId'), 'LMS.LaunchData');
  assert.equal(stateUrl.searchParams.get('activityId'), 'https://lms.example.edu/activities/au/42');
  assert.equal(stateUrl.searchParams.get('registration'), '6f0a9b36-1d4e-4d6c-9a87-0c5b4a3d2e1f');
  assert.equal(JSON.parse(stateUrl.searchParams.get('agent')).account.name, 'ana.perez');
  assert.equal(http.requests[1].init.method, 'GET');
  assert.equal(http.requests[1].init.headers.Authorization, 'Basic QWxhZGRpbjpvcGVuU2VzYW1l');
  assert.equal(http.requests[1].init.headers['X-Experience-API-Version'], '1.0.3');

  const launch = doc.submitted[0];
  assert.equal(launch.action, SERVER + '/scorm/launch');
  assert.equal(launch.method, 'post');
  assert.equal(launch.target, 'civica-player');
  assert.equal(launch.fields.standard, 'cmi5');
  assert.equal(launch.fields.unit, '2');
  assert.equal(launch.fields.dispatch, 'signed.binding');
  assert.equal(launch.fields.learnerId, 'ana.perez');
  assert.equal(launch.fields.learnerName, 'Ana Pérez');
  assert.equal(launch.fields.lmsOrigin, 'https://lms.example.edu');
  assert.equal(launch.fields.cmi5Endpoint, 'https://lms.example.edu/lrs/');
  assert.equal(launch.fields.cmi5AuthToken, 'QWxhZGRpbjpvcGVuU2VzYW1l');
  assert.equal(launch.fields.cmi5Registration, '6f0a9b36-1d4e-4d6c-9a87-0c5b4a3d2e1f');
  assert.equal(JSON.parse(launch.fields.cmi5Actor).name, 'Ana Pérez');
  assert.equal(launch.fields.cmi5ActivityId, 'https://lms.example.edu/activities/au/42');
  assert.deepEqual(JSON.parse(launch.fields.cmi5LaunchData), launchData);
  assert.ok(!('fetch' in launch.fields), 'the one-time fetch URL is not passed on');

  assert.deepEqual(send(win, doc, { protocol: PROTOCOL, type: 'getState', id: 1 }, { origin: LMS }), []);
  const state = request(win, doc, 'getState');
  assert.equal(state.state.returnURL, 'https://lms.example.edu/course/7');
  assert.equal(state.state.masteryScore, 0.8);
  assert.equal(request(win, doc, 'status', { completion: 'completed' }).error.code, 'unsupported');
  assert.deepEqual(win.assigned, []);
  assert.equal(request(win, doc, 'finish').ok, true);
  assert.deepEqual(win.assigned, ['https://lms.example.edu/course/7'], 'finish returns to the LMS');
};

scenarios['cmi5-fetch-refused'] = async () => {
  const win = fakeWindow(SERVER, cmi5Search());
  const http = fakeFetch([{ status: 200, body: { 'error-code': '1', 'error-text': 'already used' } }]);
  const doc = fakeDocument(cmi5Config());
  win.CIVICA_LAUNCHER_NO_AUTOSTART = true;
  const context = load('civica-cmi5-launcher.js', win, doc, { fetch: http.fetch, Promise });
  const launcher = context.CivicaCmi5Launcher.start(context, doc);
  assert.equal(await launcher.started, false);
  assert.equal(doc.statusText.textContent, 'LAUNCH_FAILED (fetch 1: already used)');
  assert.equal(doc.submitted.length, 0);
  assert.equal(http.requests.length, 1);
};

scenarios['cmi5-missing-parameters'] = async () => {
  const win = fakeWindow(SERVER, cmi5Search({ fetch: null, actor: null }));
  const http = fakeFetch([]);
  const doc = fakeDocument(cmi5Config());
  win.CIVICA_LAUNCHER_NO_AUTOSTART = true;
  const context = load('civica-cmi5-launcher.js', win, doc, { fetch: http.fetch, Promise });
  const launcher = context.CivicaCmi5Launcher.start(context, doc);
  assert.equal(await launcher.started, false);
  assert.equal(doc.statusText.textContent, 'MISSING_PARAMS (fetch, actor)');
  assert.equal(http.requests.length, 0);
};

(async () => {
  const run = scenarios[scenario];
  if (!run) {
    process.stderr.write('unknown scenario ' + scenario + '; known: ' + Object.keys(scenarios).join(' ') + '\n');
    process.exit(2);
  }
  await run();
  if (scenario !== 'formats') {
    process.stdout.write('ok ' + scenario + '\n');
  }
})().catch((error) => {
  process.stderr.write((error && error.stack) || String(error));
  process.stderr.write('\n');
  process.exit(1);
});
