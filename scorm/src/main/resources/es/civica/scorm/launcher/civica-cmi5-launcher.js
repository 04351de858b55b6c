/*
 * Cívica cmi5 AU launcher, served by the Cívica server at /scorm/cmi5/launch.html (the AU url in cmi5.xml).
 *
 * Follows the cmi5 launch sequence: reads endpoint, fetch, registration, actor and activityId from its URL (the
 * LMS appended them; unit and dispatch come from cmi5.xml), POSTs to the fetch URL for the auth token, GETs the
 * LMS.LaunchData state document from the LMS's LRS, then opens the Cívica player in a full-size iframe (a POST of
 * the launch form into it). The cmi5 defined statements are sent by the server-side player, which receives the
 * token, endpoint, registration and actor in that form. Protocol: scorm/README.md.
 */
(function (root) {
  'use strict';

  var PROTOCOL = 'civica-scorm-bridge';
  var PROTOCOL_VERSION = 1;
  var FRAME_NAME = 'civica-player';
  var XAPI_VERSION = '1.0.3';
  var REQUIRED = ['endpoint', 'fetch', 'registration', 'actor', 'activityId', 'unit', 'dispatch'];

  function httpUrl(value) {
    try {
      var url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
    } catch (e) {
      return null;
    }
  }

  /* The LRS resource under the endpoint, which may or may not end with a slash. */
  function lrsUrl(endpoint, resource, query) {
    var base = String(endpoint).replace(/\/+$/, '') + '/' + resource;
    var parts = [];
    for (var i = 0; i < query.length; i++) {
      parts.push(encodeURIComponent(query[i][0]) + '=' + encodeURIComponent(query[i][1]));
    }
    return base + '?' + parts.join('&');
  }

  function readLaunchParameters(search) {
    var params = new URLSearchParams(search);
    var values = {};
    params.forEach(function (value, key) {
      if (!Object.prototype.hasOwnProperty.call(values, key)) {
        values[key] = value;
      }
    });
    return values;
  }

  function Cmi5Launcher(win, doc, config) {
    this.win = win;
    this.doc = doc;
    this.config = config;
    this.params = null;
    this.actor = null;
    this.launchData = null;
    this.frame = null;
    this.onMessage = this.onMessage.bind(this);
  }

  Cmi5Launcher.prototype.showStatus = function (key, detail) {
    var box = this.doc.getElementById('civica-status');
    var text = this.doc.getElementById('civica-status-text');
    if (!box || !text) {
      return;
    }
    var message = box.getAttribute('data-' + key) || key;
    text.textContent = detail ? message + ' (' + detail + ')' : message;
    box.hidden = false;
  };

  /* Resolves to true once the player is open; never rejects (failures are shown on the page). */
  Cmi5Launcher.prototype.start = function () {
    var self = this;
    var params = readLaunchParameters(this.win.location.search);
    var missing = REQUIRED.filter(function (name) {
      return !params[name];
    });
    if (missing.length > 0) {
      this.showStatus('missing-params', missing.join(', '));
      return Promise.resolve(false);
    }
    try {
      this.actor = JSON.parse(params.actor);
    } catch (e) {
      this.actor = null;
    }
    if (!this.actor || typeof this.actor !== 'object' || !httpUrl(params.fetch) || !httpUrl(params.endpoint)) {
      this.showStatus('missing-params', 'actor, fetch, endpoint');
      return Promise.resolve(false);
    }
    this.params = params;
    return this.fetchToken()
      .then(function (token) {
        self.token = token;
        return self.readLaunchData(token);
      })
      .then(function (launchData) {
        self.launchData = launchData;
        self.win.addEventListener('message', self.onMessage, false);
        self.openPlayer();
        return true;
      })
      .catch(function (error) {
        self.showStatus('launch-failed', error && error.message ? error.message : String(error));
        return false;
      });
  };

  /* cmi5 8.2.3: POST to the fetch URL, once; the answer is {"auth-token": …} or {"error-code", "error-text"}. */
  Cmi5Launcher.prototype.fetchToken = function () {
    return root.fetch(this.params.fetch, { method: 'POST', credentials: 'omit', cache: 'no-store' })
      .then(function (response) {
        return response.json().then(function (body) {
          if (response.ok && body && typeof body['auth-token'] === 'string' && body['auth-token']) {
            return body['auth-token'];
          }
          var code = body && body['error-code'] !== undefined ? body['error-code'] : response.status;
          throw new Error('fetch ' + code + (body && body['error-text'] ? ': ' + body['error-text'] : ''));
        });
      });
  };

  /* cmi5 10.2.1: the LMS.LaunchData state document, read with the token as Basic credentials. */
  Cmi5Launcher.prototype.readLaunchData = function (token) {
    var params = this.params;
    var url = lrsUrl(params.endpoint, 'activities/state', [
      ['stateId', 'LMS.LaunchData'],
      ['activityId', params.activityId],
      ['agent', JSON.stringify(this.actor)],
      ['registration', params.registration]
    ]);
    return root.fetch(url, {
      method: 'GET',
      credentials: 'omit',
      cache: 'no-store',
      headers: { 'Authorization': 'Basic ' + token, 'X-Experience-API-Version': XAPI_VERSION }
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('LMS.LaunchData ' + response.status);
      }
      return response.json();
    });
  };

  Cmi5Launcher.prototype.learnerId = function () {
    var actor = this.actor;
    if (actor.account && actor.account.name) {
      return String(actor.account.name);
    }
    return String(actor.mbox || actor.mbox_sha1sum || actor.openid || '');
  };

  Cmi5Launcher.prototype.lmsOrigin = function () {
    return httpUrl(this.params.fetch).origin;
  };

  Cmi5Launcher.prototype.launchFields = function () {
    var params = this.params;
    return [
      ['bridge', String(PROTOCOL_VERSION)],
      ['standard', 'cmi5'],
      ['dispatch', params.dispatch],
      ['dispatchId', params.dispatchId || ''],
      ['unit', params.unit],
      ['learnerId', this.learnerId()],
      ['learnerName', this.actor.name ? String(this.actor.name) : ''],
      ['lmsOrigin', this.lmsOrigin()],
      ['cmi5Endpoint', params.endpoint],
      ['cmi5AuthToken', this.token],
      ['cmi5Registration', params.registration],
      ['cmi5Actor', params.actor],
      ['cmi5ActivityId', params.activityId],
      ['cmi5LaunchData', JSON.stringify(this.launchData)]
    ];
  };

  Cmi5Launcher.prototype.openPlayer = function () {
    var doc = this.doc;
    var frame = doc.createElement('iframe');
    frame.name = FRAME_NAME;
    frame.id = FRAME_NAME;
    frame.title = this.config.title || '';
    frame.setAttribute('allow', 'fullscreen; autoplay; clipboard-write');
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

  Cmi5Launcher.prototype.state = function () {
    var data = this.launchData || {};
    return {
      standard: 'cmi5',
      learnerId: this.learnerId(),
      learnerName: this.actor.name ? String(this.actor.name) : '',
      registration: this.params.registration,
      activityId: this.params.activityId,
      launchMode: data.launchMode || '',
      moveOn: data.moveOn || '',
      masteryScore: typeof data.masteryScore === 'number' ? data.masteryScore : null,
      returnURL: data.returnURL || '',
      lmsOrigin: this.lmsOrigin()
    };
  };

  /* Same envelope and the same checks as the SCORM launcher: the server's origin, our iframe, our protocol. */
  Cmi5Launcher.prototype.onMessage = function (event) {
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
    var reply;
    var leaveTo = null;
    if (message.type === 'getState') {
      reply = { type: 'state', state: this.state() };
    } else if (message.type === 'finish') {
      reply = { type: 'result', ok: true };
      var returnUrl = httpUrl(this.launchData && this.launchData.returnURL);
      leaveTo = returnUrl ? returnUrl.href : null;
    } else {
      /* Status, score and the rest travel as cmi5 statements from the server: nothing to relay here. */
      reply = { type: 'result', ok: false, error: { code: 'unsupported', message: 'not used with cmi5: '
        + String(message.type) } };
    }
    reply.protocol = PROTOCOL;
    reply.version = PROTOCOL_VERSION;
    if (message.id !== undefined) {
      reply.id = message.id;
    }
    this.frame.contentWindow.postMessage(reply, this.config.serverOrigin);
    if (leaveTo) {
      /* cmi5 10.2.1 returnURL: where the learner goes when the AU ends. */
      this.win.location.assign(leaveTo);
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
    var launcher = new Cmi5Launcher(win, doc, config);
    launcher.started = launcher.start();
    return launcher;
  }

  root.CivicaCmi5Launcher = {
    PROTOCOL: PROTOCOL,
    PROTOCOL_VERSION: PROTOCOL_VERSION,
    lrsUrl: lrsUrl,
    readLaunchParameters: readLaunchParameters,
    Cmi5Launcher: Cmi5Launcher,
    start: start
  };

  if (root.document && !root.CIVICA_LAUNCHER_NO_AUTOSTART) {
    start(root, root.document);
  }
}(typeof window !== 'undefined' ? window : this));
