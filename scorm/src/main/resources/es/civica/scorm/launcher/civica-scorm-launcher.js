/*
 * Cívica SCORM launcher (SCORM 1.2 and SCORM 2004 4th edition).
 *
 * Finds the LMS's SCORM runtime API, initialises it, reads the learner and the bookmark, then opens the Cívica
 * player from the server in a full-size iframe (a POST of the launch form into it) and relays what the player
 * reports to the LMS through window.postMessage. It makes no network request of its own and talks to one
 * origin only: the server's, from the page's #civica-config. Protocol: scorm/README.md, "postMessage protocol".
 * Written without build tools, in ES5, so that it runs in every browser an LMS may still serve.
 */
(function (root) {
  'use strict';

  var PROTOCOL = 'civica-scorm-bridge';
  var PROTOCOL_VERSION = 1;
  var FRAME_NAME = 'civica-player';

  /* What differs between the two SCORM versions: API names, data model elements, limits, vocabularies. */
  var MODELS = {
    scorm12: {
      apiName: 'API',
      searchLimit: 7, /* ADL's SCORM 1.2 APIWrapper.js gives up after 7 parents */
      fn: {
        init: 'LMSInitialize', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit',
        finish: 'LMSFinish', lastError: 'LMSGetLastError', errorString: 'LMSGetErrorString'
      },
      el: {
        learnerId: 'cmi.core.student_id', learnerName: 'cmi.core.student_name', entry: 'cmi.core.entry',
        location: 'cmi.core.lesson_location', suspendData: 'cmi.suspend_data', mode: 'cmi.core.lesson_mode',
        credit: 'cmi.core.credit', exit: 'cmi.core.exit', sessionTime: 'cmi.core.session_time',
        scoreRaw: 'cmi.core.score.raw', scoreMin: 'cmi.core.score.min', scoreMax: 'cmi.core.score.max',
        interactionCount: 'cmi.interactions._count'
      },
      maxSuspendData: 4096,
      maxLocation: 255,
      maxInteractionId: 255,
      maxLearnerResponse: 255,
      interactionTypes: ['true-false', 'choice', 'fill-in', 'matching', 'performance', 'sequencing', 'likert',
        'numeric'],
      exitSuspend: 'suspend',
      exitNormal: ''
    },
    scorm2004: {
      apiName: 'API_1484_11',
      searchLimit: 500, /* the SCORM 2004 RTE book's discovery algorithm allows 500 */
      fn: {
        init: 'Initialize', get: 'GetValue', set: 'SetValue', commit: 'Commit',
        finish: 'Terminate', lastError: 'GetLastError', errorString: 'GetErrorString'
      },
      el: {
        learnerId: 'cmi.learner_id', learnerName: 'cmi.learner_name', entry: 'cmi.entry',
        location: 'cmi.location', suspendData: 'cmi.suspend_data', mode: 'cmi.mode',
        credit: 'cmi.credit', exit: 'cmi.exit', sessionTime: 'cmi.session_time',
        scoreRaw: 'cmi.score.raw', scoreMin: 'cmi.score.min', scoreMax: 'cmi.score.max',
        interactionCount: 'cmi.interactions._count'
      },
      maxSuspendData: 64000,
      maxLocation: 1000,
      maxInteractionId: 4000,
      maxLearnerResponse: 4000,
      interactionTypes: ['true-false', 'choice', 'fill-in', 'long-fill-in', 'matching', 'performance',
        'sequencing', 'likert', 'numeric', 'other'],
      exitSuspend: 'suspend',
      exitNormal: 'normal'
    }
  };

  var COMPLETION_VALUES = ['completed', 'incomplete', 'not attempted', 'unknown'];
  var SUCCESS_VALUES = ['passed', 'failed', 'unknown'];
  var RESULT_VALUES = ['correct', 'incorrect', 'unanticipated', 'neutral'];
  var MAX_12_CENTISECONDS = ((9999 * 60 + 59) * 60 + 59) * 100 + 99; /* 9999:59:59.99 */

  /* ---------- formatting helpers (mirrored in Java by es.civica.scorm.ScormTime) ---------- */

  function pad(number, width) {
    var text = String(number);
    while (text.length < width) {
      text = '0' + text;
    }
    return text;
  }

  function centiseconds(seconds) {
    var value = Number(seconds);
    if (!isFinite(value) || value < 0) {
      return 0;
    }
    return Math.round(value * 100);
  }

  /* SCORM 1.2 CMITimespan: HHHH:MM:SS.SS, capped at 9999:59:59.99. */
  function scorm12Timespan(seconds) {
    var cs = Math.min(centiseconds(seconds), MAX_12_CENTISECONDS);
    var hours = Math.floor(cs / 360000);
    var minutes = Math.floor(cs / 6000) % 60;
    var secs = Math.floor(cs / 100) % 60;
    return pad(hours, 4) + ':' + pad(minutes, 2) + ':' + pad(secs, 2) + '.' + pad(cs % 100, 2);
  }

  /* SCORM 2004 timeinterval: ISO 8601 duration such as PT1H2M3.45S; zero is PT0S. */
  function isoDuration(seconds) {
    var cs = centiseconds(seconds);
    var hours = Math.floor(cs / 360000);
    var minutes = Math.floor(cs / 6000) % 60;
    var rest = cs % 6000;
    var out = 'PT';
    if (hours > 0) {
      out += hours + 'H';
    }
    if (minutes > 0) {
      out += minutes + 'M';
    }
    if (rest > 0 || (hours === 0 && minutes === 0)) {
      var whole = Math.floor(rest / 100);
      var fraction = rest % 100;
      out += whole + (fraction === 0 ? '' : '.' + pad(fraction, 2).replace(/0$/, '')) + 'S';
    }
    return out;
  }

  /* SCORM 1.2 CMITime (interaction time): HH:MM:SS, local time. */
  function scorm12Time(date) {
    return pad(date.getHours(), 2) + ':' + pad(date.getMinutes(), 2) + ':' + pad(date.getSeconds(), 2);
  }

  /* SCORM 2004 time (second,10,0): YYYY-MM-DDThh:mm:ss.ssZ, at most two fraction digits. */
  function scorm2004Timestamp(date) {
    return date.toISOString().replace(/\.(\d{2})\d*Z$/, '.$1Z');
  }

  /* A decimal for the data model: at most 4 fraction digits, never exponent notation. */
  function decimal(value) {
    var rounded = Math.round(Number(value) * 10000) / 10000;
    return rounded.toFixed(4).replace(/\.?0+$/, '');
  }

  function isNumber(value) {
    return typeof value === 'number' && isFinite(value);
  }

  function contains(list, value) {
    for (var i = 0; i < list.length; i++) {
      if (list[i] === value) {
        return true;
      }
    }
    return false;
  }

  /* ---------- API discovery (ADL's algorithm: the window and its parents, then the opener and its parents) ---- */

  function readApi(win, name) {
    try {
      var api = win[name];
      return api && (typeof api === 'object' || typeof api === 'function') ? api : null;
    } catch (crossOrigin) {
      return null; /* a parent from another origin cannot hold the API for us */
    }
  }

  function parentOf(win) {
    try {
      return win.parent;
    } catch (e) {
      return null;
    }
  }

  function openerOf(win) {
    try {
      return win.opener || null;
    } catch (e) {
      return null;
    }
  }

  function scanForApi(win, name, limit) {
    var tries = 0;
    while (win) {
      var api = readApi(win, name);
      if (api) {
        return api;
      }
      var parent = parentOf(win);
      if (!parent || parent === win) {
        return null;
      }
      tries += 1;
      if (tries > limit) {
        return null;
      }
      win = parent;
    }
    return null;
  }

  function discoverApi(win, name, limit) {
    var api = scanForApi(win, name, limit);
    if (!api) {
      var opener = openerOf(win);
      if (opener) {
        api = scanForApi(opener, name, limit);
      }
    }
    return api;
  }

  /* ---------- the LMS side ---------- */

  function Lms(api, model) {
    this.api = api;
    this.model = model;
  }

  Lms.prototype.call = function (name, args) {
    var fn = this.api[this.model.fn[name]];
    if (typeof fn !== 'function') {
      return '';
    }
    return fn.apply(this.api, args);
  };

  Lms.prototype.ok = function (result) {
    return result === true || String(result) === 'true';
  };

  Lms.prototype.error = function () {
    var code = String(this.call('lastError', []) || '0');
    var text = '';
    try {
      text = String(this.call('errorString', [code]) || '');
    } catch (e) {
      text = '';
    }
    return { code: code, text: text };
  };

  Lms.prototype.get = function (element) {
    var value = this.call('get', [element]);
    return value === null || value === undefined ? '' : String(value);
  };

  /* Returns null when the LMS accepted the value, otherwise the LMS error. */
  Lms.prototype.set = function (element, value) {
    return this.ok(this.call('set', [element, String(value)])) ? null : this.error();
  };

  Lms.prototype.commit = function () {
    return this.ok(this.call('commit', [''])) ? null : this.error();
  };

  Lms.prototype.initialize = function () {
    return this.ok(this.call('init', [''])) ? null : this.error();
  };

  Lms.prototype.finish = function () {
    return this.ok(this.call('finish', [''])) ? null : this.error();
  };

  /* ---------- status mapping ---------- */

  /* SCORM 1.2 has one lesson_status; the player reports completion and success separately. */
  function lessonStatus(completion, success) {
    if (success === 'passed') {
      return 'passed';
    }
    if (success === 'failed') {
      return 'failed';
    }
    if (completion === 'completed') {
      return 'completed';
    }
    return 'incomplete';
  }

  /* The other way round, for what the LMS holds at launch. */
  function statusFromLessonStatus(lesson) {
    switch (lesson) {
      case 'passed': return { completion: 'completed', success: 'passed' };
      case 'failed': return { completion: 'completed', success: 'failed' };
      case 'completed': return { completion: 'completed', success: 'unknown' };
      case 'incomplete': case 'browsed': return { completion: 'incomplete', success: 'unknown' };
      default: return { completion: 'not attempted', success: 'unknown' };
    }
  }

  /* The learner is done with the unit: completed and not failed. Otherwise leaving means "suspend". */
  function isDone(status) {
    return status.completion === 'completed' && status.success !== 'failed';
  }

  /* ---------- the launcher ---------- */

  function Launcher(win, doc, config) {
    this.win = win;
    this.doc = doc;
    this.config = config;
    this.model = MODELS[config.standard];
    this.lms = null;
    this.frame = null;
    this.state = null;
    this.status = { completion: 'unknown', success: 'unknown' };
    this.startedAt = 0;
    this.sessionSeconds = null;
    this.finished = false;
    this.onMessage = this.onMessage.bind(this);
    this.onPageHide = this.onPageHide.bind(this);
    this.onVisibilityChange = this.onVisibilityChange.bind(this);
    this.onPageShow = this.onPageShow.bind(this);
  }

  Launcher.prototype.now = function () {
    return new Date().getTime();
  };

  Launcher.prototype.showStatus = function (key, detail) {
    var box = this.doc.getElementById('civica-status');
    var text = this.doc.getElementById('civica-status-text');
    if (!box || !text) {
      return;
    }
    var message = box.getAttribute('data-' + key) || key;
    text.textContent = detail ? message + ' (' + detail + ')' : message;
    box.hidden = false;
  };

  Launcher.prototype.start = function () {
    if (!this.model) {
      this.showStatus('init-failed', 'standard ' + this.config.standard);
      return false;
    }
    var api = discoverApi(this.win, this.model.apiName, this.model.searchLimit);
    if (!api) {
      this.showStatus('no-api');
      return false;
    }
    this.lms = new Lms(api, this.model);
    var failure = this.lms.initialize();
    if (failure) {
      this.showStatus('init-failed', failure.code + (failure.text ? ' ' + failure.text : ''));
      return false;
    }
    this.startedAt = this.now();
    this.readState();
    this.markAttempted();
    this.win.addEventListener('message', this.onMessage, false);
    this.win.addEventListener('pagehide', this.onPageHide, false);
    this.win.addEventListener('pageshow', this.onPageShow, false);
    this.doc.addEventListener('visibilitychange', this.onVisibilityChange, false);
    this.openPlayer();
    return true;
  };

  Launcher.prototype.readState = function () {
    var el = this.model.el;
    var lms = this.lms;
    if (this.config.standard === 'scorm12') {
      this.status = statusFromLessonStatus(lms.get('cmi.core.lesson_status'));
    } else {
      this.status = {
        completion: lms.get('cmi.completion_status') || 'unknown',
        success: lms.get('cmi.success_status') || 'unknown'
      };
    }
    this.state = {
      standard: this.config.standard,
      learnerId: lms.get(el.learnerId),
      learnerName: lms.get(el.learnerName),
      entry: lms.get(el.entry),
      location: lms.get(el.location),
      suspendData: lms.get(el.suspendData),
      mode: lms.get(el.mode),
      credit: lms.get(el.credit),
      completionStatus: this.status.completion,
      successStatus: this.status.success,
      lmsOrigin: this.win.location.origin,
      maxSuspendData: this.model.maxSuspendData,
      maxLocation: this.model.maxLocation
    };
  };

  /* A first launch leaves the LMS showing "incomplete" rather than "not attempted". */
  Launcher.prototype.markAttempted = function () {
    if (this.status.completion !== 'not attempted' && this.status.completion !== 'unknown') {
      return;
    }
    if (this.config.standard === 'scorm12') {
      this.lms.set('cmi.core.lesson_status', 'incomplete');
    } else {
      this.lms.set('cmi.completion_status', 'incomplete');
    }
    this.status.completion = 'incomplete';
    this.lms.commit();
  };

  Launcher.prototype.launchFields = function () {
    var config = this.config;
    var state = this.state;
    return [
      ['bridge', String(PROTOCOL_VERSION)],
      ['standard', config.standard],
      ['dispatch', config.dispatch],
      ['dispatchId', config.dispatchId],
      ['scope', config.scope],
      ['course', config.course],
      ['unit', String(config.unit)],
      ['activityId', config.activityId],
      ['learnerId', state.learnerId],
      ['learnerName', state.learnerName],
      ['entry', state.entry],
      ['location', state.location],
      ['suspendData', state.suspendData],
      ['mode', state.mode],
      ['credit', state.credit],
      ['completionStatus', state.completionStatus],
      ['successStatus', state.successStatus],
      ['lmsOrigin', state.lmsOrigin]
    ];
  };

  /* The full-size iframe, then a POST of the launch form into it: no learner data in URLs or server logs. */
  Launcher.prototype.openPlayer = function () {
    var doc = this.doc;
    var frame = doc.createElement('iframe');
    frame.name = FRAME_NAME;
    frame.id = FRAME_NAME;
    frame.title = this.config.title || '';
    frame.setAttribute('allow', 'fullscreen; autoplay; clipboard-write');
    frame.setAttribute('referrerpolicy', 'origin');
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms allow-popups '
      + 'allow-popups-to-escape-sandbox allow-downloads allow-modals');
    doc.body.appendChild(frame);
    this.frame = frame;

    var form = doc.createElement('form');
    form.method = 'post';
    form.action = this.config.launchUrl;
    form.target = FRAME_NAME;
    form.setAttribute('accept-charset', 'UTF-8');
    form.style.display = 'none';
    var fields = this.launchFields();
    for (var i = 0; i < fields.length; i++) {
      var input = doc.createElement('input');
      input.type = 'hidden';
      input.name = fields[i][0];
      input.value = fields[i][1] === undefined || fields[i][1] === null ? '' : String(fields[i][1]);
      form.appendChild(input);
    }
    doc.body.appendChild(form);
    form.submit();
    doc.body.removeChild(form);
    var box = doc.getElementById('civica-status');
    if (box) {
      box.hidden = true;
    }
  };

  /* ---------- postMessage from the player ---------- */

  Launcher.prototype.onMessage = function (event) {
    /* Only the server's origin, only our own iframe, only our protocol. */
    if (event.origin !== this.config.serverOrigin) {
      return;
    }
    if (!this.frame || event.source !== this.frame.contentWindow) {
      return;
    }
    var message = event.data;
    if (!message || typeof message !== 'object' || message.protocol !== PROTOCOL) {
      return;
    }
    var reply = this.handle(message);
    if (reply) {
      reply.protocol = PROTOCOL;
      reply.version = PROTOCOL_VERSION;
      if (message.id !== undefined) {
        reply.id = message.id;
      }
      this.frame.contentWindow.postMessage(reply, this.config.serverOrigin);
    }
  };

  function ok(extra) {
    var reply = { type: 'result', ok: true };
    if (extra) {
      for (var key in extra) {
        if (Object.prototype.hasOwnProperty.call(extra, key)) {
          reply[key] = extra[key];
        }
      }
    }
    return reply;
  }

  function failed(code, message, lmsError) {
    var error = { code: code, message: message };
    if (lmsError) {
      error.lmsErrorCode = lmsError.code;
      error.lmsErrorText = lmsError.text;
    }
    return { type: 'result', ok: false, error: error };
  }

  /* The first LMS error of several writes, or null. */
  function firstError(errors) {
    for (var i = 0; i < errors.length; i++) {
      if (errors[i]) {
        return errors[i];
      }
    }
    return null;
  }

  function lmsResult(errors) {
    var error = firstError(errors);
    return error ? failed('lms-error', 'the LMS refused a value', error) : ok();
  }

  Launcher.prototype.handle = function (message) {
    if (message.type === 'getState') {
      return { type: 'state', state: this.currentState() };
    }
    if (this.finished) {
      return failed('finished', 'the SCORM session has ended');
    }
    switch (message.type) {
      case 'status': return this.setStatus(message);
      case 'score': return this.setScore(message);
      case 'sessionTime': return this.setSessionTime(message);
      case 'location': return this.setLocation(message);
      case 'suspendData': return this.setSuspendData(message);
      case 'interaction': return this.addInteraction(message.interaction);
      case 'commit': return lmsResult([this.lms.commit()]);
      case 'finish': return this.finish(message.exit === 'normal' ? 'normal' : 'suspend');
      default: return failed('unknown-type', 'unknown message type: ' + String(message.type));
    }
  };

  Launcher.prototype.currentState = function () {
    var copy = {};
    for (var key in this.state) {
      if (Object.prototype.hasOwnProperty.call(this.state, key)) {
        copy[key] = this.state[key];
      }
    }
    copy.completionStatus = this.status.completion;
    copy.successStatus = this.status.success;
    copy.finished = this.finished;
    return copy;
  };

  Launcher.prototype.setStatus = function (message) {
    var completion = message.completion === undefined ? this.status.completion : message.completion;
    var success = message.success === undefined ? this.status.success : message.success;
    if (!contains(COMPLETION_VALUES, completion) || !contains(SUCCESS_VALUES, success)) {
      return failed('invalid', 'completion or success is not a SCORM 2004 vocabulary value');
    }
    var errors = [];
    if (this.config.standard === 'scorm12') {
      errors.push(this.lms.set('cmi.core.lesson_status', lessonStatus(completion, success)));
    } else {
      errors.push(this.lms.set('cmi.completion_status', completion));
      errors.push(this.lms.set('cmi.success_status', success));
      if (isNumber(message.progressMeasure) && message.progressMeasure >= 0 && message.progressMeasure <= 1) {
        errors.push(this.lms.set('cmi.progress_measure', decimal(message.progressMeasure)));
      }
    }
    this.status = { completion: completion, success: success };
    /* A status change is a milestone: commit it. */
    errors.push(this.lms.commit());
    return lmsResult(errors);
  };

  Launcher.prototype.setScore = function (message) {
    var scaled = message.scaled;
    var raw = message.raw;
    var min = message.min;
    var max = message.max;
    if (scaled !== undefined && (!isNumber(scaled) || scaled < -1 || scaled > 1)) {
      return failed('invalid', 'scaled must be a number within -1..1');
    }
    if (raw === undefined && scaled === undefined) {
      return failed('invalid', 'a score needs raw or scaled');
    }
    if (raw === undefined) {
      raw = Math.max(0, scaled) * 100;
      min = 0;
      max = 100;
    }
    if (!isNumber(raw) || (min !== undefined && !isNumber(min)) || (max !== undefined && !isNumber(max))) {
      return failed('invalid', 'raw, min and max must be numbers');
    }
    if (this.config.standard === 'scorm12' && (raw < 0 || raw > 100 || (min !== undefined && (min < 0 || min > 100))
        || (max !== undefined && (max < 0 || max > 100)))) {
      return failed('out-of-range', 'SCORM 1.2 scores must be within 0..100');
    }
    var el = this.model.el;
    var errors = [];
    if (min !== undefined) {
      errors.push(this.lms.set(el.scoreMin, decimal(min)));
    }
    if (max !== undefined) {
      errors.push(this.lms.set(el.scoreMax, decimal(max)));
    }
    errors.push(this.lms.set(el.scoreRaw, decimal(raw)));
    if (this.config.standard === 'scorm2004' && scaled !== undefined) {
      errors.push(this.lms.set('cmi.score.scaled', decimal(scaled)));
    }
    return lmsResult(errors);
  };

  Launcher.prototype.setSessionTime = function (message) {
    if (!isNumber(message.seconds) || message.seconds < 0) {
      return failed('invalid', 'seconds must be a non-negative number');
    }
    this.sessionSeconds = message.seconds;
    return ok();
  };

  Launcher.prototype.setLocation = function (message) {
    var value = message.value === undefined || message.value === null ? '' : String(message.value);
    if (value.length > this.model.maxLocation) {
      return failed('too-long', 'location exceeds ' + this.model.maxLocation + ' characters');
    }
    var error = this.lms.set(this.model.el.location, value);
    if (!error) {
      this.state.location = value;
    }
    return lmsResult([error]);
  };

  /* Refused, never truncated: a cut bookmark is a broken one. The full state lives on the server. */
  Launcher.prototype.setSuspendData = function (message) {
    var value = message.value === undefined || message.value === null ? '' : String(message.value);
    if (value.length > this.model.maxSuspendData) {
      return failed('too-long', 'suspend data exceeds ' + this.model.maxSuspendData + ' characters');
    }
    var error = this.lms.set(this.model.el.suspendData, value);
    if (!error) {
      this.state.suspendData = value;
    }
    return lmsResult([error]);
  };

  function interactionId(value, max) {
    var id = String(value === undefined || value === null ? '' : value).replace(/\s+/g, '_');
    return id.length > max ? id.substring(0, max) : id;
  }

  /*
   * One interaction, appended at cmi.interactions._count. Only these fields are read from the message: id, type,
   * learnerResponse, result, latencySeconds, description, timestamp. A correct answer is never written, whatever
   * the message holds.
   */
  Launcher.prototype.addInteraction = function (interaction) {
    if (!interaction || typeof interaction !== 'object') {
      return failed('invalid', 'interaction must be an object');
    }
    var scorm12 = this.config.standard === 'scorm12';
    var model = this.model;
    var id = interactionId(interaction.id, model.maxInteractionId);
    if (scorm12) {
      id = id.replace(/[^A-Za-z0-9_.:-]/g, '_');
    }
    if (!id) {
      return failed('invalid', 'interaction id is required');
    }
    var type = String(interaction.type || '');
    if (!contains(model.interactionTypes, type)) {
      type = scorm12 ? (type === 'long-fill-in' ? 'fill-in' : 'performance') : 'other';
    }
    var count = parseInt(this.lms.get(model.el.interactionCount), 10);
    var prefix = 'cmi.interactions.' + (isNaN(count) ? 0 : count) + '.';
    var errors = [];
    var now = new Date();
    errors.push(this.lms.set(prefix + 'id', id));
    errors.push(this.lms.set(prefix + 'type', type));
    if (scorm12) {
      errors.push(this.lms.set(prefix + 'time', scorm12Time(now)));
    } else {
      var timestamp = typeof interaction.timestamp === 'string' && interaction.timestamp
        ? interaction.timestamp.replace(/\.(\d{2})\d*/, '.$1') : scorm2004Timestamp(now);
      errors.push(this.lms.set(prefix + 'timestamp', timestamp));
    }
    if (interaction.learnerResponse !== undefined && interaction.learnerResponse !== null) {
      var response = String(interaction.learnerResponse);
      if (scorm12) {
        response = response.replace(/\[,\]/g, ',').replace(/\[\.\]/g, '.').replace(/\[:\]/g, ':');
      }
      if (response.length > model.maxLearnerResponse) {
        response = response.substring(0, model.maxLearnerResponse);
      }
      errors.push(this.lms.set(prefix + (scorm12 ? 'student_response' : 'learner_response'), response));
    }
    if (interaction.result !== undefined && interaction.result !== null) {
      var result = interaction.result;
      if (isNumber(result)) {
        result = decimal(result);
      } else if (contains(RESULT_VALUES, result)) {
        result = scorm12 && result === 'incorrect' ? 'wrong' : result;
      } else {
        result = null;
      }
      if (result !== null) {
        errors.push(this.lms.set(prefix + 'result', result));
      }
    }
    if (isNumber(interaction.latencySeconds) && interaction.latencySeconds >= 0) {
      errors.push(this.lms.set(prefix + 'latency', scorm12
        ? scorm12Timespan(interaction.latencySeconds) : isoDuration(interaction.latencySeconds)));
    }
    if (!scorm12 && typeof interaction.description === 'string' && interaction.description) {
      errors.push(this.lms.set(prefix + 'description', interaction.description.substring(0, 250)));
    }
    return lmsResult(errors);
  };

  Launcher.prototype.elapsedSeconds = function () {
    if (this.sessionSeconds !== null) {
      return this.sessionSeconds;
    }
    return Math.max(0, (this.now() - this.startedAt) / 1000);
  };

  /* Session time, exit, commit, then LMSFinish / Terminate. Runs once. */
  Launcher.prototype.finish = function (exit) {
    if (this.finished) {
      return failed('finished', 'the SCORM session has ended');
    }
    this.finished = true;
    var model = this.model;
    var seconds = this.elapsedSeconds();
    var errors = [];
    errors.push(this.lms.set(model.el.sessionTime, this.config.standard === 'scorm12'
      ? scorm12Timespan(seconds) : isoDuration(seconds)));
    errors.push(this.lms.set(model.el.exit, exit === 'normal' ? model.exitNormal : model.exitSuspend));
    errors.push(this.lms.commit());
    errors.push(this.lms.finish());
    return lmsResult(errors);
  };

  /* The page is going away (the learner closed it or the LMS moved on): finish if the player did not. */
  Launcher.prototype.onPageHide = function () {
    if (!this.finished && this.lms) {
      this.finish(isDone(this.status) ? 'normal' : 'suspend');
    }
  };

  /* Back from the back/forward cache after the session ended: start a new session rather than a dead one. */
  Launcher.prototype.onPageShow = function (event) {
    if (event && event.persisted && this.finished) {
      this.win.location.reload();
    }
  };

  /* Hidden pages may never come back (mobile browsers kill them): save what the LMS has so far. */
  Launcher.prototype.onVisibilityChange = function () {
    if (this.doc.visibilityState === 'hidden' && !this.finished && this.lms) {
      this.lms.commit();
    }
  };

  function readConfig(doc) {
    var element = doc.getElementById('civica-config');
    if (!element) {
      return null;
    }
    try {
      return JSON.parse(element.textContent);
    } catch (e) {
      return null;
    }
  }

  function start(win, doc) {
    var config = readConfig(doc);
    if (!config) {
      return null;
    }
    var launcher = new Launcher(win, doc, config);
    launcher.start();
    return launcher;
  }

  root.CivicaScormLauncher = {
    PROTOCOL: PROTOCOL,
    PROTOCOL_VERSION: PROTOCOL_VERSION,
    MODELS: MODELS,
    scorm12Timespan: scorm12Timespan,
    isoDuration: isoDuration,
    scorm12Time: scorm12Time,
    scorm2004Timestamp: scorm2004Timestamp,
    lessonStatus: lessonStatus,
    statusFromLessonStatus: statusFromLessonStatus,
    discoverApi: discoverApi,
    Launcher: Launcher,
    start: start
  };

  if (root.document && !root.CIVICA_LAUNCHER_NO_AUTOSTART) {
    start(root, root.document);
  }
}(typeof window !== 'undefined' ? window : this));
