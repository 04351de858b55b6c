/*
 * Cívica learner player: a small single-page app over the player API (/api/...). No framework, no build step,
 * no external request. The server scores everything; this file only shows what the server sends.
 * Routes (location.hash): #/signin, #/ (catalogue), #/unit/N, #/unit/N/lesson/L/I, #/unit/N/quiz,
 * #/unit/N/quiz/ATTEMPT, #/unit/N/scenario/S.
 */
(function () {
  'use strict';

  var LANGS = ['es', 'ca', 'en'];
  var state = { lang: 'es', t: {}, me: null, course: null };
  var main = document.getElementById('main');
  var live = document.getElementById('live');

  // ---------- helpers

  /**
   * Web storage, or an in-memory stand-in where the browser denies it (a third-party frame inside an LMS with
   * storage blocked): the player must work without it.
   */
  function storage(kind) {
    try {
      var st = window[kind];  // reading the property itself throws when denied
      st.getItem('civica.probe');
      return st;
    } catch (e) {
      var mem = {};
      return { getItem: function (k) { return Object.prototype.hasOwnProperty.call(mem, k) ? mem[k] : null; },
        setItem: function (k, v) { mem[k] = String(v); }, removeItem: function (k) { delete mem[k]; },
        clear: function () { mem = {}; } };
    }
  }
  var localStore = storage('localStorage');
  var sessionStore = storage('sessionStorage');


  function t(key, params) {
    var s = Object.prototype.hasOwnProperty.call(state.t, key) ? state.t[key] : key;
    if (params) {
      Object.keys(params).forEach(function (k) { s = s.split('{' + k + '}').join(String(params[k])); });
    }
    return s;
  }

  /** Builds an element: h('p', {class: 'x'}, 'text', child…). Text is always set as text, never as HTML. */
  function h(tag, attrs) {
    var el = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) { return; }
        if (k === 'class') { el.className = v; }
        else if (k === 'text') { el.textContent = v; }
        else if (k.slice(0, 2) === 'on') { el.addEventListener(k.slice(2), v); }
        else if (v === true) { el.setAttribute(k, ''); }
        else { el.setAttribute(k, v); }
      });
    }
    for (var i = 2; i < arguments.length; i++) { append(el, arguments[i]); }
    return el;
  }

  function append(el, child) {
    if (child === null || child === undefined || child === false) { return; }
    if (Array.isArray(child)) { child.forEach(function (c) { append(el, c); }); return; }
    el.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }

  function escapeHtml(s) {
    return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }

  function inline(s) {
    return escapeHtml(s)
      .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
      .replace(/(^|[^*\w])\*([^*\s][^*]*?)\*(?!\w)/g, '$1<em>$2</em>')
      .replace(/(^|[\s(«"])_([^_\s][^_]*?)_(?=[\s).,;:!?»"]|$)/g, '$1<em>$2</em>');
  }

  /**
   * A tiny Markdown renderer for the course texts: headings, paragraphs, bullet and numbered lists, block quotes,
   * bold and italics. Everything is HTML-escaped first, so the output holds only the tags it adds.
   * headingBase shifts # levels so they fit under the page's headings.
   */
  function markdown(src, headingBase) {
    var base = headingBase || 3;
    var lines = String(src || '').replace(/\r\n?/g, '\n').split('\n');
    var out = [];
    var i = 0;
    while (i < lines.length) {
      var line = lines[i];
      if (/^\s*$/.test(line)) { i++; continue; }
      var m = /^(#{1,6})\s+(.*)$/.exec(line);
      if (m) {
        var level = Math.min(6, base + m[1].length - 1);
        out.push('<h' + level + '>' + inline(m[2]) + '</h' + level + '>');
        i++; continue;
      }
      if (/^>\s?/.test(line)) {
        var quote = [];
        while (i < lines.length && /^>\s?/.test(lines[i])) { quote.push(lines[i].replace(/^>\s?/, '')); i++; }
        out.push('<blockquote>' + markdown(quote.join('\n'), base) + '</blockquote>');
        continue;
      }
      if (/^\s*[-*]\s+/.test(line) || /^\s*\d+[.)]\s+/.test(line)) {
        var ordered = /^\s*\d+[.)]\s+/.test(line);
        var items = [];
        var re = ordered ? /^\s*\d+[.)]\s+/ : /^\s*[-*]\s+/;
        while (i < lines.length && re.test(lines[i])) {
          var text = lines[i].replace(re, '');
          i++;
          while (i < lines.length && /^\s{2,}\S/.test(lines[i]) && !/^\s*([-*]|\d+[.)])\s+/.test(lines[i])) {
            text += ' ' + lines[i].trim(); i++;
          }
          items.push('<li>' + inline(text) + '</li>');
        }
        var tag = ordered ? 'ol' : 'ul';
        out.push('<' + tag + '>' + items.join('') + '</' + tag + '>');
        continue;
      }
      var para = [];
      while (i < lines.length && !/^\s*$/.test(lines[i]) && !/^(#{1,6})\s|^>|^\s*[-*]\s+|^\s*\d+[.)]\s+/.test(lines[i])) {
        para.push(lines[i].trim()); i++;
      }
      out.push('<p>' + inline(para.join(' ')) + '</p>');
    }
    return out.join('\n');
  }

  /** One line of Markdown (bold, italics) as a span; escaped first. */
  function mdInline(src) {
    var span = h('span');
    span.innerHTML = inline(src);
    return span;
  }

  function md(src, headingBase, cls) {
    var div = h('div', { class: cls || 'md' });
    div.innerHTML = markdown(src, headingBase);
    return div;
  }

  function announce(message) {
    live.textContent = '';
    window.setTimeout(function () { live.textContent = message; }, 50);
  }

  function api(method, path, body) {
    var init = { method: method, credentials: 'same-origin', headers: { 'Accept': 'application/json' } };
    if (state.lms) {
      // inside an LMS frame: the session lives in memory and travels as a header (no third-party cookies)
      init.credentials = 'omit';
      init.headers['Authorization'] = 'Bearer ' + state.lms.session;
    }
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (r) {
      if (r.status === 204) { return null; }
      return r.json().catch(function () { return {}; }).then(function (json) {
        if (!r.ok) { var e = new Error(json.error || r.statusText); e.status = r.status; e.body = json; throw e; }
        if (method !== 'GET' && path.indexOf('/api/units/') === 0) { refreshGameSoon(); }
        return json;
      });
    });
  }


  // ---------- LMS bridge (scorm/README.md, "postMessage protocol")
  // When an LMS launched the unit, the player runs in the package's launcher (its parent window) and reports
  // status, score, bookmark, interactions (never the correct answer) and session end to it. The full resume state
  // stays on the server; the LMS only gets a short bookmark.

  var PROTOCOL = 'civica-scorm-bridge';
  var bridge = { seq: 0, pending: {}, finished: false, lmsState: null, started: Date.now() };

  function bridgeActive() {
    return !!state.lms && window.parent !== window && !bridge.finished;
  }

  /** The launcher's origin: the LMS's for SCORM; our own for cmi5 (the launch page is served here). */
  function bridgeOrigin() {
    return state.lms.standard === 'cmi5' ? location.origin : state.lms.lmsOrigin;
  }

  /** Posts a message to the launcher; resolves with its answer (null without one within 5 s). */
  function bridgePost(type, fields) {
    if (!bridgeActive()) { return Promise.resolve(null); }
    var id = 'm' + (++bridge.seq);
    var message = { protocol: PROTOCOL, version: 1, type: type, id: id };
    Object.keys(fields || {}).forEach(function (k) { message[k] = fields[k]; });
    return new Promise(function (resolve) {
      bridge.pending[id] = resolve;
      window.setTimeout(function () {
        if (bridge.pending[id]) { delete bridge.pending[id]; resolve(null); }
      }, 5000);
      window.parent.postMessage(message, bridgeOrigin());
    });
  }

  window.addEventListener('message', function (ev) {
    if (!state.lms || ev.source !== window.parent || ev.origin !== bridgeOrigin()) { return; }
    var d = ev.data;
    if (!d || d.protocol !== PROTOCOL || !d.id || !bridge.pending[d.id]) { return; }
    var resolve = bridge.pending[d.id];
    delete bridge.pending[d.id];
    resolve(d);
  });

  function scorm() {
    return bridgeActive() && state.lms.standard !== 'cmi5';
  }

  /** The LMS opened the unit to review or browse: it records no status, score or interaction then. */
  function reviewing() {
    var mode = bridge.lmsState && bridge.lmsState.mode;
    return mode === 'review' || mode === 'browse';
  }

  /** A short bookmark for the LMS (the server holds the real resume state). */
  function bookmark(n, resume) {
    return resume && resume.section ? resume.section : 'unit-' + n;
  }

  /** Status, score, bookmark of the unit, then a commit: sent at every milestone (SCORM only). */
  function reportUnit(n, progress, quiz, resume) {
    if (!scorm() || reviewing()) { return Promise.resolve(); }
    var passed = progress.status === 'passed';
    var posts = [bridgePost('status', {
      completion: passed ? 'completed' : 'incomplete',
      success: passed ? 'passed' : progress.status === 'failed' ? 'failed' : 'unknown',
      progressMeasure: passed ? 1 : Math.max(0, Math.min(1, progress.percent / 100)) })];
    var best = quiz ? quiz.bestScore : progress.bestScore;
    if (best !== null && best !== undefined) {
      posts.push(bridgePost('score', { scaled: Math.round(best * 10000) / 10000 }));
    }
    if (resume !== undefined) {
      var mark = bookmark(n, resume);
      posts.push(bridgePost('location', { value: mark }));
      posts.push(bridgePost('suspendData', { value: JSON.stringify({ v: 1, unit: n, at: mark }) }));
    }
    return Promise.all(posts).then(function () { return bridgePost('commit'); });
  }

  /** The unit's progress, quiz summary and resume point, reported to the LMS. */
  function reportMilestone(n, resume) {
    if (!scorm()) { return Promise.resolve(); }
    return Promise.all([api('GET', '/api/progress'), api('GET', '/api/units/' + n + '/quiz')]).then(function (r) {
      var p = r[0].units.filter(function (x) { return x.number === n; })[0];
      return reportUnit(n, p, r[1], resume);
    }).catch(function () { /* the server holds the truth; the LMS copy catches up at the next milestone */ });
  }

  var INTERACTION_TYPES = { 'single-choice': 'choice', 'multiple-response': 'choice', 'true-false': 'true-false',
    'matching': 'matching', 'ordering': 'sequencing', 'fill-in': 'fill-in' };

  /** The learner's answer in SCORM 2004 response format. */
  function learnerResponse(type, response) {
    if (Array.isArray(response)) { return response.join('[,]'); }
    if (response && typeof response === 'object') {
      return Object.keys(response).map(function (k) { return k + '[.]' + response[k]; }).join('[,]');
    }
    return String(response);
  }

  /** One answered item as a SCORM interaction: what the learner answered and whether it was right, no key. */
  function reportInteraction(item, response, correct, shownAt) {
    if (!scorm() || reviewing()) { return; }
    bridgePost('interaction', { interaction: {
      id: item.id,
      type: INTERACTION_TYPES[item.type] || 'other',
      learnerResponse: learnerResponse(item.type, response),
      result: correct ? 'correct' : 'incorrect',
      latencySeconds: Math.max(0, Math.round((Date.now() - shownAt) / 100) / 10),
      description: String(item.prompt || '').replace(/[*_#>]/g, '').replace(/\s+/g, ' ').trim().slice(0, 250)
    } });
  }

  /** Ends the LMS session: terminated on our server, then finish to the launcher (exit normal when done). */
  function finishLms(n, exit) {
    if (!state.lms || bridge.finished) { return Promise.resolve(); }
    var seconds = Math.round((Date.now() - bridge.started) / 1000);
    return api('POST', '/api/units/' + n + '/terminate', {}).catch(function () { return null; }).then(function () {
      if (!bridgeActive()) { return null; }
      return (scorm() ? bridgePost('sessionTime', { seconds: seconds }) : Promise.resolve())
        .then(function () { return bridgePost('finish', { exit: exit }); });
    }).then(function () {
      bridge.finished = true;
      page(t('lms.finish'), [h('h1', { text: t('lms.finish') }), h('p', { 'data-lms-finished': '', text: t('lms.finished') })]);
    });
  }

  function lmsFinishButton(n, passed) {
    if (!state.lms) { return null; }
    return h('button', { class: 'button', type: 'button', 'data-lms-finish': '', text: t('lms.finish'),
      onclick: function () { finishLms(n, passed ? 'normal' : 'suspend'); } });
  }

  /**
   * A launch from an LMS: the launcher's form POST was answered with a redirect to /play/#launch=<token>.
   * The single-use token becomes a frame session held in memory; the fragment is removed at once.
   */
  function lmsLaunch() {
    var m = /^#launch=([A-Za-z0-9._~-]+)$/.exec(location.hash || '');
    if (!m) { return Promise.resolve(false); }
    history.replaceState(null, '', location.pathname + location.search);
    return api('POST', '/api/lms/session', { token: m[1] }).then(function (s) {
      state.lms = s;
      state.me = s.learner;
      document.documentElement.setAttribute('data-lms', s.standard);
      document.getElementById('nav').hidden = true;
      document.getElementById('signout').hidden = true;
      document.getElementById('brand').setAttribute('href', '#/unit/' + s.unit);
      window.addEventListener('pagehide', function () {
        // the launcher finishes the LMS session on its own pagehide; our server hears that the learner left
        if (!bridge.finished && state.lms) {
          fetch('/api/units/' + s.unit + '/terminate', { method: 'POST', keepalive: true, credentials: 'omit',
            headers: { 'Content-Type': 'application/json', 'Authorization': 'Bearer ' + s.session }, body: '{}' });
        }
      });
      return bridgePost('getState').then(function (answer) {
        bridge.lmsState = answer && answer.state ? answer.state : null;
        return true;
      });
    }, function () {
      page(t('errors.title'), [h('h1', { text: t('errors.title') }),
        h('p', { class: 'error', role: 'alert', 'data-lms-error': '', text: t('lms.launchFailed') })]);
      return null;
    });
  }

  /** Where an LMS launch opens: the resume point the server holds (else the LMS's bookmark), else the unit. */
  function lmsLanding() {
    var n = state.lms.unit;
    return api('POST', '/api/units/' + n + '/launch', {}).then(function (r) {
      launchedUnits[n] = true;
      return course().then(function (c) {
        var u = unitOf(c, n);
        var resume = r.resume && r.resume.section ? r.resume : null;
        var lmsMark = bridge.lmsState && bridge.lmsState.location;
        if (!resume && lmsMark) {
          u.lessons.forEach(function (l) {
            if (l.sections.some(function (x) { return x.id === lmsMark; })) { resume = { lesson: l.id, section: lmsMark }; }
          });
        }
        return api('GET', '/api/units/' + n + '/quiz').then(function (q) {
          reportUnit(n, r.progress, q, resume);
          if (q.current) { return '#/unit/' + n + '/quiz/' + q.current; }
          var lesson = resume && u.lessons.filter(function (l) { return l.id === resume.lesson; })[0];
          if (lesson) {
            var idx = Math.max(0, lesson.sections.map(function (x) { return x.id; }).indexOf(resume.section));
            return '#/unit/' + n + '/lesson/' + lesson.id + '/' + idx;
          }
          return '#/unit/' + n;
        });
      });
    });
  }

  var launchedUnits = {};

  /**
   * Runs tasks one after the other (each returns a promise): progress writes and LMS reports whose order matters,
   * so that a slow earlier one never lands after a later one.
   */
  var queue = Promise.resolve();
  function inOrder(task) {
    queue = queue.then(task, task);
    return queue;
  }

  function percent(x) { return Math.round(x * 100); }

  function page(title, nodes) {
    main.innerHTML = '';
    append(main, nodes);
    document.title = title + ' · Cívica';
    var h1 = main.querySelector('h1');
    if (h1) { h1.setAttribute('tabindex', '-1'); h1.focus(); }
  }

  function failure(e) {
    if (e && e.status === 401 && state.lms) {
      page(t('errors.title'), [h('h1', { text: t('errors.title') }),
        h('p', { class: 'error', role: 'alert', text: t('lms.launchFailed') })]);
      return;
    }
    if (e && e.status === 401) { go('#/signin'); return; }
    var msg = e && e.status === 404 ? t('errors.notFound') : e && e.status >= 500 ? t('errors.server')
      : e && e.status ? t('errors.generic') : t('errors.network');
    page(t('errors.title'), [h('h1', { text: t('errors.title') }), h('p', { class: 'error', role: 'alert', text: msg }),
      h('p', null, h('a', { href: '#/', text: t('unit.backToCatalogue') }))]);
  }

  function go(hash) {
    if (location.hash === hash) { route(); } else { location.hash = hash; }
  }

  function progressBar(value, label) {
    return h('div', { class: 'progress' },
      h('progress', { max: '100', value: String(value), 'aria-label': label }),
      h('span', { text: t('progress.percent', { percent: value }) }));
  }

  function course() {
    if (state.course) { return Promise.resolve(state.course); }
    return api('GET', '/api/course').then(function (c) { state.course = c; return c; });
  }

  function unitOf(c, n) {
    return c.units.filter(function (u) { return u.number === n; })[0];
  }

  // ---------- language and session

  function loadLanguage(lang) {
    state.lang = LANGS.indexOf(lang) >= 0 ? lang : 'es';
    return api('GET', '/api/i18n/' + state.lang).then(function (strings) {
      state.t = strings;
      document.documentElement.lang = state.lang;
      document.getElementById('lang').value = state.lang;
      document.getElementById('skip').textContent = t('app.skipToContent');
      document.getElementById('lang-label').textContent = t('language.label');
      document.getElementById('nav-catalogue').textContent = t('nav.catalogue');
      document.getElementById('nav-badges').textContent = t('gamification.badges');
      document.getElementById('nav-leaderboard').textContent = t('nav.leaderboard');
      document.getElementById('hud').setAttribute('aria-label', t('gamification.progress'));
      document.getElementById('nav').setAttribute('aria-label', t('app.menu'));
      document.getElementById('signout').textContent = t('nav.signOut');
      document.getElementById('tagline').textContent = t('app.tagline');
    });
  }

  function showWho() {
    document.getElementById('who').textContent = state.me ? state.me.name : '';
    document.getElementById('signout').hidden = !state.me;
    document.getElementById('hud').hidden = !state.me;
    document.getElementById('nav-badges').parentNode.hidden = !state.me;
    document.getElementById('nav-leaderboard').parentNode.hidden = !state.me;
  }

  // ---------- pages

  function signInPage() {
    var signinError = h('p', { class: 'error', role: 'alert' });
    var registerError = h('p', { class: 'error', role: 'alert' });
    var signin = h('form', { class: 'stack card', novalidate: true, 'aria-labelledby': 'signin-h' },
      h('h2', { id: 'signin-h', text: t('signin.title') }),
      h('p', { class: 'hint', text: t('signin.intro') }),
      h('label', { for: 'si-email', text: t('signin.email') }),
      h('input', { id: 'si-email', type: 'email', name: 'email', autocomplete: 'username', required: true }),
      h('label', { for: 'si-password', text: t('signin.password') }),
      h('input', { id: 'si-password', type: 'password', name: 'password', autocomplete: 'current-password', required: true }),
      signinError,
      h('div', { class: 'actions' }, h('button', { class: 'button', type: 'submit', text: t('signin.submit') })));
    signin.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var email = signin.email.value.trim();
      var password = signin.password.value;
      if (!email || !password) { signinError.textContent = t('signin.error.required'); return; }
      api('POST', '/api/auth/signin', { email: email, password: password }).then(signedIn, function (e) {
        signinError.textContent = e.status === 401 ? t('signin.error.invalid')
          : e.status === 429 ? t('signin.error.locked', { minutes: e.body && e.body.minutes || 15 }) : t('errors.generic');
      });
    });
    var register = h('form', { class: 'stack card', novalidate: true, 'aria-labelledby': 'reg-h' },
      h('h2', { id: 'reg-h', text: t('register.title') }),
      h('p', { class: 'hint', text: t('register.intro') }),
      h('label', { for: 'rg-name', text: t('register.name') }),
      h('input', { id: 'rg-name', type: 'text', name: 'name', autocomplete: 'name', required: true }),
      h('label', { for: 'rg-email', text: t('signin.email') }),
      h('input', { id: 'rg-email', type: 'email', name: 'email', autocomplete: 'email', required: true }),
      h('label', { for: 'rg-password', text: t('signin.password') }),
      h('input', { id: 'rg-password', type: 'password', name: 'password', autocomplete: 'new-password', required: true,
        'aria-describedby': 'rg-password-hint', minlength: '8' }),
      h('p', { class: 'hint', id: 'rg-password-hint', text: t('register.passwordHint') }),
      h('label', { for: 'rg-organisation', text: t('register.organisation') }),
      h('input', { id: 'rg-organisation', type: 'text', name: 'organisation', autocomplete: 'organization',
        list: 'rg-organisation-list', 'aria-describedby': 'rg-organisation-list-hint rg-organisation-hint' }),
      organisationSuggestions('rg-organisation-list'),
      h('label', { for: 'rg-department', text: t('register.department') }),
      h('input', { id: 'rg-department', type: 'text', name: 'department', 'aria-describedby': 'rg-organisation-hint' }),
      h('p', { class: 'hint', id: 'rg-organisation-hint', text: t('register.organisationHint') }),
      registerError,
      h('div', { class: 'actions' }, h('button', { class: 'button', type: 'submit', text: t('register.submit') })));
    register.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var body = { name: register.name.value.trim(), email: register.email.value.trim(), password: register.password.value };
      if (!body.name || !body.email || body.password.length < 8) { registerError.textContent = t('register.error.invalid'); return; }
      var where = { organisation: register.organisation.value.trim(), department: register.department.value.trim() };
      api('POST', '/api/auth/register', body).then(function (me) {
        if (!where.organisation && !where.department) { return me; }
        return api('PUT', '/api/gamification/profile', where).then(function () { return me; }, function () { return me; });
      }).then(signedIn, function (e) {
        registerError.textContent = e.status === 409 ? t('register.error.taken') : t('register.error.invalid');
      });
    });
    page(t('signin.title'), [h('h1', { text: t('app.name') + ': ' + t('app.tagline') }),
      h('div', { class: 'two' }, signin, register)]);
  }

  // The directory's organisation names as suggestions (a datalist: free text is still accepted), with a hint shown
  // once there are names to pick from. Only names an admin defined come from the server.
  function organisationSuggestions(listId) {
    var list = h('datalist', { id: listId });
    var hint = h('p', { class: 'hint', id: listId + '-hint', hidden: true, text: t('register.organisationSuggestions') });
    api('GET', '/api/organisations').then(function (r) {
      (r.names || []).forEach(function (name) { list.appendChild(h('option', { value: name })); });
      if (list.children.length) { hint.hidden = false; }
    }, function () { /* no suggestions: the field stays free text */ });
    return [list, hint];
  }

  function signedIn(me) {
    state.me = me;
    showWho();
    go('#/');
  }

  function cataloguePage() {
    Promise.all([course(), api('GET', '/api/progress')]).then(function (r) {
      var c = r[0];
      var progress = r[1];
      var cards = c.units.map(function (u) {
        var p = progress.units.filter(function (x) { return x.number === u.number; })[0];
        var action = p.status === 'notStarted' ? t('catalogue.start') : p.status === 'passed' ? t('catalogue.review')
          : t('catalogue.resume');
        var headingId = 'unit-' + u.number;
        return h('li', { class: 'card', 'aria-labelledby': headingId },
          h('h2', { id: headingId }, t('catalogue.unitNumber', { number: u.number }) + '. ' + u.title),
          h('p', { class: 'meta' },
            h('span', { class: 'status status-' + p.status, text: t('catalogue.status.' + p.status) }), ' · ',
            t('catalogue.estimatedTime', { minutes: u.estimatedMinutes }), ' · ',
            t('unit.lessonCount', { count: u.lessons.length })),
          md(u.summary, 3),
          progressBar(p.percent, t('progress.label') + ': ' + t('catalogue.unitNumber', { number: u.number })),
          h('p', null, h('a', { class: 'button', href: '#/unit/' + u.number,
            'aria-label': action + ': ' + t('catalogue.unitNumber', { number: u.number }), text: action })));
      });
      page(t('catalogue.title'), [
        h('h1', { text: t('catalogue.title') }),
        h('p', { text: t('catalogue.intro') }),
        h('p', { class: 'meta' }, t('catalogue.courseProgress', { passed: progress.passed, total: progress.total }),
          ' · ', t('catalogue.certificateHours', { hours: c.certificateHours })),
        certificateSection(),
        h('ul', { class: 'cards' }, cards)]);
    }).catch(failure);
  }

  // ---------- certificate (issue 7): issued by the server once all five units are passed

  function longDate(iso) {
    return new Date(iso + 'T00:00:00Z').toLocaleDateString(state.lang, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
  }

  /**
   * Inside an LMS frame the session travels as a bearer header, which a plain link cannot send: fetch the PDF and
   * save it from memory. On the web the cookie goes with the link itself.
   */
  function downloadInFrame(ev, c) {
    if (!state.lms) { return; }
    ev.preventDefault();
    fetch(c.pdf, { credentials: 'omit', headers: { 'Authorization': 'Bearer ' + state.lms.session } })
      .then(function (r) { if (!r.ok) { var e = new Error(r.statusText); e.status = r.status; throw e; } return r.blob(); })
      .then(function (blob) {
        var url = URL.createObjectURL(blob);
        var a = h('a', { href: url, download: 'certificado-' + c.id + '.pdf', hidden: true });
        document.body.appendChild(a);
        a.click();
        a.remove();
        window.setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
      }).catch(failure);
  }

  /** A section that fills itself: the learner's newest certificate with its download link, or "generating…". */
  function certificateSection() {
    var section = h('section', { class: 'card certificate', id: 'certificate', 'aria-labelledby': 'certificate-h', hidden: true });
    var tries = 0;
    function fill() {
      Promise.all([api('GET', '/api/certificates/mine'), api('GET', '/api/progress')]).then(function (r) {
        var list = r[0].certificates;
        var progress = r[1];
        section.innerHTML = '';
        if (!list.length) {
          if (progress.passed < progress.total) { section.hidden = true; return; }
          append(section, [h('h2', { id: 'certificate-h', text: t('certificate.title') }),
            h('p', { role: 'status', text: t('certificate.generating') })]);
          section.hidden = false;
          if (++tries < 30 && document.body.contains(section)) { window.setTimeout(fill, 1000); }
          return;
        }
        var c = list[0];
        var note = c.status === 'REVOKED' ? h('p', { class: 'error', text: t('certificate.revoked', { date: longDate(c.revocation.date), reason: c.revocation.reason }) })
          : c.status === 'EXPIRED' ? h('p', { class: 'error', text: t('certificate.expired', { date: longDate(c.expiresOn) }) })
          : h('p', { text: t('certificate.eligible') });
        append(section, [
          h('h2', { id: 'certificate-h', text: t('certificate.title') }),
          note,
          h('p', { class: 'meta' }, t('certificate.issuedOn', { date: longDate(c.issuedOn) }),
            c.expiresOn ? ' · ' + t('certificate.validUntil', { date: longDate(c.expiresOn) }) : '',
            ' · ', t('certificate.hours', { hours: c.hours })),
          c.replaces ? h('p', { class: 'meta', text: t('certificate.replaces', { code: c.replaces }) }) : null,
          c.status === 'REVOKED' ? null : h('div', { class: 'actions' },
            h('a', { class: 'button', href: c.pdf, download: 'certificado-' + c.id + '.pdf', 'data-certificate': c.id, text: t('certificate.download'),
              onclick: function (ev) { downloadInFrame(ev, c); } }),
            h('a', { href: '/verify/' + c.id, target: '_blank', rel: 'noopener', text: t('certificate.verifyLink') })),
          h('p', { class: 'meta', text: t('certificate.code', { code: c.id }) }),
          h('p', { class: 'meta', text: t('certificate.verifyHint') })]);
        section.hidden = false;
      }).catch(function () { section.hidden = true; });
    }
    fill();
    return section;
  }

  /** Enters a unit once per tab session (launched + initialized on the server), else reads progress. */
  function enterUnit(n) {
    var key = 'civica.launched.' + n;
    if (state.lms ? !launchedUnits[n] : !sessionStore.getItem(key)) {
      return api('POST', '/api/units/' + n + '/launch', {}).then(function (r) {
        if (state.lms) { launchedUnits[n] = true; } else { sessionStore.setItem(key, '1'); }
        return r;
      });
    }
    return api('GET', '/api/progress').then(function (p) {
      return { progress: p.units.filter(function (x) { return x.number === n; })[0], resume: null };
    });
  }

  function unitPage(n) {
    Promise.all([course(), enterUnit(n), api('GET', '/api/units/' + n + '/quiz')]).then(function (r) {
      var u = unitOf(r[0], n);
      if (!u) { throw Object.assign(new Error('unit'), { status: 404 }); }
      var p = r[1].progress;
      var resume = r[1].resume;
      var quiz = r[2];
      var lessons = u.lessons.map(function (l, i) {
        var lp = p.lessons[l.id] || { done: 0, total: l.sections.length };
        return h('li', null, h('a', { href: '#/unit/' + n + '/lesson/' + l.id + '/0', text: (i + 1) + '. ' + l.title }),
          ' ', h('span', { class: 'meta', text: '(' + lp.done + '/' + lp.total + ')' }),
          lp.done === lp.total ? h('span', { class: 'mark-ok', text: ' ✓ ' + t('lesson.read') }) : null);
      });
      var resumeLink = null;
      if (resume && resume.lesson) {
        var lesson = u.lessons.filter(function (l) { return l.id === resume.lesson; })[0];
        if (lesson) {
          var idx = Math.max(0, lesson.sections.map(function (s) { return s.id; }).indexOf(resume.section));
          resumeLink = h('p', null, h('a', { class: 'button', href: '#/unit/' + n + '/lesson/' + lesson.id + '/' + idx,
            text: t('catalogue.resume') + ': ' + lesson.title }));
        }
      }
      var scenarios = u.scenarios.map(function (s) {
        return h('li', null, h('a', { href: '#/unit/' + n + '/scenario/' + s.id, text: s.title }),
          ' — ', h('span', { class: 'meta', text: t('scenario.channel.' + s.channel) }));
      });
      page(u.title, [
        state.lms ? h('p', { class: 'meta', text: t('lms.from', { platform: state.lms.registration.name }) })
          : h('p', { class: 'meta' }, h('a', { href: '#/', onclick: function () { leaveUnit(n); }, text: t('unit.backToCatalogue') })),
        h('h1', null, t('catalogue.unitNumber', { number: n }) + '. ' + u.title),
        progressBar(p.percent, t('progress.label')),
        h('p', { class: 'meta', text: t('progress.lessonsRead', { done: u.lessons.filter(function (l) {
          var lp = p.lessons[l.id];
          return lp && lp.done === lp.total;
        }).length, total: u.lessons.length }) }),
        resumeLink,
        md(u.summary, 2),
        h('h2', { text: t('unit.objectives') }),
        h('ul', null, u.objectives.map(function (o) { return h('li', { text: o.text }); })),
        h('h2', { text: t('unit.lessons') }),
        h('ol', { class: 'plain' }, lessons.map(function (li) { return li; })),
        scenarios.length ? h('h2', { text: t('unit.scenarios') }) : null,
        scenarios.length ? h('ul', null, scenarios) : null,
        u.simulations.length ? h('h2', { text: t('unit.simulations') }) : null,
        u.simulations.length ? h('ul', null, u.simulations.map(function (s) {
          return h('li', null, h('a', { href: '#/unit/' + n + '/simulation/' + s.id, text: s.title }));
        })) : null,
        state.lms ? h('div', { class: 'actions' }, lmsFinishButton(n, p.status === 'passed')) : null,
        h('h2', { text: t('unit.quiz') }),
        h('p', { text: t('unit.quizSummary', { count: quiz.length, passMark: percent(quiz.passMark), attempts: quiz.maxAttempts }) }),
        quiz.bestScore !== null && quiz.bestScore !== undefined
          ? h('p', { text: t('progress.quizBest', { score: percent(quiz.bestScore) }) }) : null,
        h('p', null, h('a', { class: 'button', href: '#/unit/' + n + '/quiz', text: t('unit.startQuiz') }))]);
    }).catch(failure);
  }

  function leaveUnit(n) {
    var key = 'civica.launched.' + n;
    if (sessionStore.getItem(key)) {
      sessionStore.removeItem(key);
      api('POST', '/api/units/' + n + '/terminate', {}).catch(function () { /* best effort */ });
    }
  }

  function lessonPage(n, lessonId, index) {
    Promise.all([course(), api('GET', '/api/units/' + n + '/lessons/' + encodeURIComponent(lessonId))]).then(function (r) {
      var u = unitOf(r[0], n);
      var lesson = r[1];
      var total = lesson.sections.length;
      var i = Math.min(Math.max(0, index), total - 1);
      var s = lesson.sections[i];
      var base = '#/unit/' + n + '/lesson/' + lesson.id + '/';
      var toc = h('nav', { class: 'toc', 'aria-labelledby': 'toc-h' },
        h('h2', { id: 'toc-h', text: t('lesson.contents') }),
        h('ol', null, lesson.sections.map(function (x, j) {
          return h('li', null, h('a', { href: base + j, 'aria-current': j === i ? 'page' : null, text: x.title }));
        })));
      var lessonIndex = u.lessons.map(function (l) { return l.id; }).indexOf(lesson.id);
      var nextLesson = u.lessons[lessonIndex + 1];
      var pager = h('div', { class: 'pager' },
        i > 0 ? h('a', { class: 'button secondary', href: base + (i - 1), text: t('lesson.previous') }) : h('span'),
        i < total - 1 ? h('a', { class: 'button', href: base + (i + 1), text: t('lesson.next') })
          : h('a', { class: 'button', href: nextLesson ? '#/unit/' + n + '/lesson/' + nextLesson.id + '/0' : '#/unit/' + n,
            text: t('lesson.finish') }));
      page(s.title, [
        h('p', { class: 'meta' }, h('a', { href: '#/unit/' + n, text: t('lesson.backToUnit') })),
        h('p', { class: 'meta', text: lesson.title + ' · ' + t('lesson.sectionOf', { current: i + 1, total: total }) }),
        h('article', { class: 'card lesson-body', 'aria-labelledby': 'section-h' },
          h('h1', { id: 'section-h', text: s.title }),
          md(s.body, 2),
          h('p', { class: 'meta', text: t('lesson.source', { seed: s.source.seed }) })),
        pager,
        toc]);
      // in reading order: the server's resume point and the LMS bookmark end on the last section shown
      inOrder(function () {
        return api('POST', '/api/units/' + n + '/sections/' + encodeURIComponent(s.id) + '/experienced', {})
          .then(function () { return reportMilestone(n, { lesson: lesson.id, section: s.id }); })
          .catch(function (e) { if (e.status === 401) { go('#/signin'); } });
      });
    }).catch(failure);
  }

  // ---------- quiz

  function quizPage(n) {
    Promise.all([course(), api('GET', '/api/units/' + n + '/quiz')]).then(function (r) {
      var u = unitOf(r[0], n);
      var q = r[1];
      var actions = h('div', { class: 'actions' });
      var error = h('p', { class: 'error', role: 'alert' });
      if (q.current) {
        actions.appendChild(h('a', { class: 'button', href: '#/unit/' + n + '/quiz/' + q.current, text: t('quiz.resume') }));
      } else if (q.passed) {
        actions.appendChild(h('p', { class: 'mark-ok', text: t('quiz.passed') }));
      } else if (q.attemptsLeft > 0) {
        actions.appendChild(h('button', { class: 'button', type: 'button',
          text: q.attempts.length ? t('quiz.retry') : t('quiz.start'),
          onclick: function () {
            api('POST', '/api/units/' + n + '/quiz/attempts', {}).then(function (a) {
              go('#/unit/' + n + '/quiz/' + a.id);
            }, function (e) { error.textContent = e.status === 403 ? t('quiz.noAttemptsLeft') : t('errors.generic'); });
          } }));
      } else {
        actions.appendChild(h('p', { class: 'error', text: t('quiz.noAttemptsLeft') }));
      }
      var rows = q.attempts.map(function (a) {
        return h('li', null, t('quiz.attemptOf', { number: a.number, max: q.maxAttempts }) + ': ' +
          (a.status === 'in_progress' ? t('catalogue.status.inProgress')
            : t('quiz.score', { score: percent(a.score) }) + ' — ' + t('catalogue.status.' + a.status)));
      });
      page(t('quiz.title', { number: n }), [
        h('p', { class: 'meta' }, h('a', { href: '#/unit/' + n, text: t('lesson.backToUnit') })),
        h('h1', { text: t('quiz.title', { number: n }) }),
        h('p', { class: 'meta', text: u.title }),
        h('p', { text: t('quiz.intro', { count: q.length, passMark: percent(q.passMark) }) }),
        h('p', { text: t('quiz.attemptsLeft', { count: q.attemptsLeft }) }),
        rows.length ? h('h2', { text: t('results.attempts') }) : null,
        rows.length ? h('ul', null, rows) : null,
        error, actions]);
    }).catch(failure);
  }

  function attemptPage(n, attemptId) {
    api('GET', '/api/units/' + n + '/quiz/attempts/' + encodeURIComponent(attemptId)).then(function (a) {
      if (a.status !== 'in_progress') { resultsView(n, a); return; }
      var index = a.items.findIndex(function (it) { return !it.feedback; });
      itemView(n, a, index);
    }).catch(failure);
  }

  function itemView(n, a, index) {
    var item = a.items[index];
    var form = h('form', { class: 'card', novalidate: true, 'data-item': item.id });
    var error = h('p', { class: 'error', role: 'alert' });
    var widget = itemWidget(item);
    var submit = h('button', { class: 'button', type: 'submit', text: t('quiz.submit') });
    var result = h('div');
    var shownAt = Date.now();
    append(form, [
      h('p', { class: 'meta', text: t('quiz.attemptOf', { number: a.number, max: a.maxAttempts }) }),
      widget.node, error, h('div', { class: 'actions' }, submit), result]);
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var response = widget.value();
      if (response === null) { error.textContent = t('quiz.answerRequired'); return; }
      error.textContent = '';
      submit.disabled = true;
      api('POST', '/api/units/' + n + '/quiz/attempts/' + a.id + '/answers', { item: item.id, response: response })
        .then(function (r) {
          reportInteraction(item, response, r.feedback.correct, shownAt);
          if (r.attempt.status !== 'in_progress') { inOrder(function () { return reportMilestone(n); }); }
          else { bridgePost('commit'); }
          widget.lock();
          submit.hidden = true;
          var fb = feedbackView(item, r.feedback, 'h2');
          result.appendChild(fb);
          announce(r.feedback.correct ? t('quiz.feedback.correct') : t('quiz.feedback.incorrect'));
          var next = r.attempt.status === 'in_progress'
            ? h('button', { class: 'button', type: 'button', text: t('quiz.next'),
              onclick: function () { itemView(n, r.attempt, r.attempt.items.findIndex(function (it) { return !it.feedback; })); } })
            : h('button', { class: 'button', type: 'button', text: t('quiz.finish'),
              onclick: function () { resultsView(n, r.attempt); } });
          result.appendChild(h('div', { class: 'actions' }, next));
          fb.setAttribute('tabindex', '-1');
          fb.focus();
        }, function (e) {
          submit.disabled = false;
          if (e.status === 409) { attemptPage(n, a.id); return; }
          error.textContent = e.status === 401 ? t('errors.sessionExpired') : t('errors.saveFailed');
        });
    });
    page(t('quiz.questionOf', { current: index + 1, total: a.total }), [
      h('p', { class: 'meta' }, h('a', { href: '#/unit/' + n + '/quiz', text: t('quiz.title', { number: n }) })),
      h('h1', { text: t('quiz.questionOf', { current: index + 1, total: a.total }) }),
      h('progress', { max: String(a.total), value: String(index), 'aria-label': t('progress.label') }),
      form]);
  }

  /** The answer controls of one item; value() gives the answer as the API wants it, or null when incomplete. */
  function itemWidget(item) {
    var id = 'q-' + item.id;
    var prompt = md(item.prompt, 3, 'prompt');
    prompt.id = id + '-prompt';
    var inputs = [];
    var node;
    var value;
    if (item.type === 'single-choice' || item.type === 'true-false' || item.type === 'multiple-response') {
      var multi = item.type === 'multiple-response';
      var instructions = item.type === 'true-false' ? 'item.trueFalse.instructions'
        : multi ? 'item.multipleResponse.instructions' : 'item.singleChoice.instructions';
      node = h('fieldset', { 'aria-describedby': id + '-prompt' },
        h('legend', { text: t(instructions) }),
        item.options.map(function (o) {
          var input = h('input', { type: multi ? 'checkbox' : 'radio', name: id, id: id + '-' + o.id, value: o.id });
          inputs.push(input);
          var text = item.type === 'true-false' ? t('item.trueFalse.' + o.id) : o.text;
          return h('div', { class: 'choice' }, input, h('label', { for: id + '-' + o.id, text: text }));
        }));
      value = function () {
        var chosen = inputs.filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
        if (!chosen.length) { return null; }
        return multi ? chosen : chosen[0];
      };
    } else if (item.type === 'matching') {
      node = h('fieldset', { 'aria-describedby': id + '-prompt' },
        h('legend', { text: t('item.matching.instructions') }),
        item.sources.map(function (s) {
          var select = h('select', { id: id + '-' + s.id, 'data-source': s.id },
            h('option', { value: '', text: '—' }),
            item.targets.map(function (tg) { return h('option', { value: tg.id, text: tg.text }); }));
          inputs.push(select);
          return h('div', { class: 'match-row' }, h('label', { for: id + '-' + s.id, text: s.text }), select);
        }));
      value = function () {
        var answer = {};
        var complete = inputs.every(function (s) { answer[s.getAttribute('data-source')] = s.value; return s.value; });
        return complete ? answer : null;
      };
    } else if (item.type === 'ordering') {
      var order = item.steps.slice();
      var list = h('ol', { class: 'order-list', id: id + '-list' });
      var draw = function (focusId, dir) {
        list.innerHTML = '';
        order.forEach(function (s, i) {
          var up = h('button', { type: 'button', disabled: i === 0 || null,
            'aria-label': t('item.ordering.moveUp') + ': ' + s.text, text: '↑ ' + t('item.ordering.moveUp'),
            onclick: function () { move(i, -1); } });
          var down = h('button', { type: 'button', disabled: i === order.length - 1 || null,
            'aria-label': t('item.ordering.moveDown') + ': ' + s.text, text: '↓ ' + t('item.ordering.moveDown'),
            onclick: function () { move(i, 1); } });
          up.setAttribute('data-step', s.id + ':up');
          down.setAttribute('data-step', s.id + ':down');
          inputs.push(up, down);
          list.appendChild(h('li', null, h('span', { class: 'pos', 'aria-hidden': 'true', text: (i + 1) + '.' }),
            h('span', { class: 'text', text: s.text }), up, down));
        });
        if (focusId) {
          var target = list.querySelector('[data-step="' + focusId + ':' + dir + '"]:not([disabled])') ||
            list.querySelector('[data-step^="' + focusId + ':"]:not([disabled])');
          if (target) { target.focus(); }
        }
      };
      var move = function (i, delta) {
        var j = i + delta;
        if (j < 0 || j >= order.length) { return; }
        var s = order[i];
        order[i] = order[j];
        order[j] = s;
        inputs = [];
        draw(s.id, delta < 0 ? 'up' : 'down');
        announce(t('item.ordering.moved', { step: s.text, position: j + 1, total: order.length }));
      };
      draw();
      node = h('fieldset', { 'aria-describedby': id + '-prompt' },
        h('legend', { text: t('item.ordering.instructions') }), list);
      value = function () { return order.map(function (s) { return s.id; }); };
    } else {
      var input = h('input', { type: 'text', id: id + '-text', autocomplete: 'off', maxlength: '500',
        'aria-describedby': id + '-prompt ' + id + '-hint' });
      inputs.push(input);
      node = h('div', { class: 'fill-in' },
        h('label', { for: id + '-text', text: t('quiz.yourAnswer') }),
        h('p', { class: 'hint', id: id + '-hint', text: t('item.fillIn.instructions') }), input);
      value = function () { return input.value.trim() ? input.value : null; };
    }
    return {
      node: h('div', null, prompt, node),
      value: value,
      lock: function () {
        Array.prototype.forEach.call(node.querySelectorAll('input, select, button'), function (el) { el.disabled = true; });
      }
    };
  }

  function mark(ok) {
    return h('span', { class: ok ? 'mark-ok' : 'mark-ko', text: ok ? '✓ ' : '✗ ' });
  }

  /** The per-item feedback the server sends once the item is answered. */
  function feedbackView(item, f, level) {
    var box = h('div', { class: 'feedback ' + (f.correct ? 'ok' : 'ko') });
    box.appendChild(h(level || 'h3', { id: 'fb-' + item.id }, mark(f.correct),
      f.correct ? t('quiz.feedback.correct') : t('quiz.feedback.incorrect')));
    if (f.options) {
      box.appendChild(h('ul', null, f.options.filter(function (o) { return o.selected || o.correct; }).map(function (o) {
        var text = item.type === 'true-false' ? t('item.trueFalse.' + o.id) : o.text;
        return h('li', null, mark(o.correct),
          h('strong', { text: text }),
          o.selected ? ' (' + t('quiz.yourAnswer') + ')' : ' (' + t('quiz.correctAnswer') + ')',
          h('br'), o.feedback);
      })));
    } else if (f.sources) {
      box.appendChild(h('ul', null, f.sources.map(function (s) {
        return h('li', null, mark(s.correct), h('strong', { text: s.text }), ' → ', s.givenText,
          s.correct ? null : ' (' + t('quiz.correctAnswer') + ': ' + s.expectedText + ')', h('br'), s.feedback);
      })));
    } else if (f.steps) {
      box.appendChild(h('p', { text: t('quiz.correctAnswer') + ':' }));
      box.appendChild(h('ol', null, f.steps.map(function (s, i) {
        return h('li', null, mark(s.givenPosition === i + 1), h('strong', { text: s.text }), h('br'), s.feedback);
      })));
    } else {
      box.appendChild(h('p', null, h('strong', { text: t('quiz.yourAnswer') + ': ' }), f.given));
      if (!f.correct && f.acceptedAnswers && f.acceptedAnswers.length) {
        box.appendChild(h('p', null, h('strong', { text: t('quiz.correctAnswer') + ': ' }), f.acceptedAnswers[0]));
      }
      box.appendChild(h('p', { text: f.feedback }));
    }
    return box;
  }

  function resultsView(n, a) {
    var passed = a.status === 'passed';
    var right = a.items.filter(function (it) { return it.feedback && it.feedback.correct; }).length;
    api('GET', '/api/units/' + n + '/quiz').then(function (q) {
      var actions = h('div', { class: 'actions' });
      if (!passed && q.attemptsLeft > 0) {
        actions.appendChild(h('button', { class: 'button', type: 'button', text: t('quiz.retry'), onclick: function () {
          api('POST', '/api/units/' + n + '/quiz/attempts', {}).then(function (x) { go('#/unit/' + n + '/quiz/' + x.id); }, failure);
        } }));
      }
      actions.appendChild(h('a', { class: 'button secondary', href: '#/unit/' + n, text: t('lesson.backToUnit') }));
      if (state.lms) { actions.appendChild(lmsFinishButton(n, q.passed)); }
      page(t('results.title'), [
        h('h1', { text: t('results.title') + ': ' + t('quiz.title', { number: n }) }),
        h('section', { class: 'feedback ' + (passed ? 'ok' : 'ko'), 'aria-labelledby': 'res-h' },
          h('h2', { id: 'res-h' }, mark(passed), passed ? t('quiz.passed') : t('quiz.failed')),
          h('p', { text: t('quiz.score', { score: percent(a.score) }) + ' · ' + t('quiz.scoreDetail', { correct: right, total: a.total }) }),
          h('p', { text: t('quiz.passMark', { passMark: percent(a.passMark) }) }),
          passed ? null : h('p', { text: q.attemptsLeft > 0 ? t('quiz.attemptsLeft', { count: q.attemptsLeft }) + '. ' + t('quiz.retryHint')
            : t('quiz.noAttemptsLeft') })),
        actions,
        passed ? certificateSection() : null,
        h('h2', { text: t('quiz.feedback.why') }),
        h('ol', { class: 'results-list' }, a.items.map(function (it) {
          return h('li', null, md(it.prompt, 3), feedbackView(it, it.feedback));
        }))]);
      announce(passed ? t('quiz.passed') : t('quiz.failed'));
    }).catch(failure);
  }

  // ---------- scenario

  function scenarioPage(n, sid) {
    api('GET', '/api/units/' + n + '/scenarios/' + encodeURIComponent(sid)).then(function (s) {
      if (s.current) {
        return api('GET', '/api/units/' + n + '/scenarios/' + sid + '/plays/' + s.current).then(function (p) { playView(n, p, null); });
      }
      var start = h('button', { class: 'button', type: 'button', text: t('scenario.start'), onclick: function () {
        api('POST', '/api/units/' + n + '/scenarios/' + sid + '/plays', {}).then(function (p) { playView(n, p, null); }, failure);
      } });
      page(s.title, [
        h('p', { class: 'meta' }, h('a', { href: '#/unit/' + n, text: t('scenario.backToUnit') })),
        h('h1', { text: s.title }),
        h('p', { class: 'channel', text: t('scenario.channel.' + s.channel) }),
        md(s.summary, 2),
        h('p', { text: t('scenario.intro') }),
        s.endings.length ? h('h2', { text: t('results.scenarioEndings') }) : null,
        s.endings.length ? h('ul', null, s.endings.map(function (e) {
          return h('li', { text: t('scenario.ending.' + e.tier) + ': ' + e.title });
        })) : null,
        h('div', { class: 'actions' }, start)]);
    }).catch(failure);
  }

  function metricValue(m, v) {
    var rounded = Math.round(v);
    return m.unit === 'min' ? t('scenario.metric.minutes', { value: rounded }) : String(rounded) + (m.unit ? ' ' + m.unit : '');
  }

  function metricsPanel(p, changes) {
    return h('aside', { class: 'metrics', 'aria-labelledby': 'metrics-h' },
      h('h2', { id: 'metrics-h', text: t('scenario.metrics') }),
      p.scenario.metrics.map(function (m) {
        var v = p.metrics[m.id];
        var fill = h('span');
        fill.style.width = Math.max(0, Math.min(100, (v - m.min) / (m.max - m.min) * 100)) + '%';
        var delta = changes && changes[m.id] ? changes[m.id] : 0;
        return h('div', { class: 'metric' },
          h('div', { class: 'label' }, h('span', { text: m.label }), h('span', { text: metricValue(m, v) })),
          h('div', { class: 'bar', 'aria-hidden': 'true' }, fill),
          delta ? h('div', { class: 'delta' }, mark(delta > 0 === m.higherIsBetter),
            t(delta > 0 ? 'scenario.metric.up' : 'scenario.metric.down', { label: m.label, delta: metricValue(m, Math.abs(delta)) })) : null,
          h('div', { class: 'sense', text: m.higherIsBetter ? t('scenario.metric.higherIsBetter') : t('scenario.metric.lowerIsBetter') }));
      }),
      h('p', { class: 'meta', text: t('scenario.pathScore', { score: p.score }) }));
  }

  function post(p) {
    var r = p.reactions;
    return h('li', null, h('article', { class: 'post' },
      h('header', null, h('span', { class: 'author', text: p.author }), p.handle ? h('span', { class: 'handle', text: p.handle }) : null,
        p.minutesAgo !== undefined ? h('span', { class: 'handle', text: '· ' + t('scenario.minutesAgo', { minutes: p.minutesAgo }) }) : null),
      h('p', null, mdInline(p.text)),
      r ? h('ul', { class: 'reactions', 'aria-label': t('scenario.thread') },
        h('li', { text: t('scenario.reactions.likes', { count: r.likes }) }),
        h('li', { text: t('scenario.reactions.replies', { count: r.replies }) }),
        h('li', { text: t('scenario.reactions.shares', { count: r.shares }) })) : null));
  }

  function playView(n, p, last) {
    var base = '/api/units/' + n + '/scenarios/' + p.scenario.id + '/plays/' + p.id;
    var node = p.node;
    var content = [];
    if (last) {
      content.push(h('section', { class: 'feedback info', id: 'what-happened', 'aria-labelledby': 'wh-h' },
        h('h2', { id: 'wh-h', text: t('scenario.feedback') }),
        h('p', null, h('strong', { text: t('scenario.yourReply') + ': ' }), mdInline(last.text)),
        h('p', { text: last.feedback })));
    }
    if (node.type === 'decision') {
      var error = h('p', { class: 'error', role: 'alert' });
      content.push(h('h2', { text: t('scenario.decisionOf', { current: p.step }) }));
      content.push(md(node.situation, 3));
      if (node.thread.length) {
        content.push(h('h3', { text: t('scenario.thread') + ' · ' + t('scenario.channel.' + p.scenario.channel) }));
        content.push(h('ol', { class: 'thread' }, node.thread.map(post)));
      }
      content.push(h('fieldset', { 'data-node': node.id }, h('legend', { text: t('scenario.whatDoYouDo') }),
        h('div', { class: 'choices' }, node.choices.map(function (c) {
          return h('button', { type: 'button', 'data-choice': c.id, onclick: function (ev) {
            ev.currentTarget.disabled = true;
            api('POST', base + '/choices', { node: node.id, choice: c.id }).then(function (next) {
              var taken = next.history[next.history.length - 1];
              playView(n, next, taken);
              announce(t('scenario.feedback') + ': ' + taken.feedback);
            }, function (e) {
              if (e.status === 409) { scenarioPage(n, p.scenario.id); return; }
              error.textContent = t('errors.saveFailed');
            });
          } }, mdInline(c.text));
        }))), error);
    } else {
      content.push(h('section', { class: 'card ending', 'aria-labelledby': 'end-h' },
        h('h2', { id: 'end-h', text: t('scenario.ending.' + node.tier) + ': ' + node.title }),
        md(node.text, 3),
        node.lessonRef ? h('p', null, h('a', { href: '#/unit/' + node.lessonRef.unit + '/lesson/' + node.lessonRef.lesson + '/' +
          node.lessonRef.sectionIndex, text: t('scenario.lessonRef', { section: node.lessonRef.title }) })) : null));
      if (p.history.length) {
        content.push(h('h2', { text: t('results.title') }));
        content.push(h('ol', { class: 'history' }, p.history.map(function (x) {
          return h('li', null, h('strong', null, mdInline(x.text)), h('br'), x.feedback);
        })));
      }
      content.push(h('div', { class: 'actions' },
        h('button', { class: 'button', type: 'button', text: t('scenario.playAgain'), onclick: function () {
          api('POST', '/api/units/' + n + '/scenarios/' + p.scenario.id + '/plays', {}).then(function (x) { playView(n, x, null); }, failure);
        } }),
        h('a', { class: 'button secondary', href: '#/unit/' + n, text: t('scenario.backToUnit') })));
    }
    page(p.scenario.title, [
      h('p', { class: 'meta' }, h('a', { href: '#/unit/' + n, text: t('scenario.backToUnit') })),
      h('h1', { text: p.scenario.title }),
      h('div', { class: 'scenario' }, h('div', null, content), metricsPanel(p, last ? last.changes : null))]);
  }

  // ---------- simulation

  function svg(tag, attrs) {
    var el = document.createElementNS('http://www.w3.org/2000/svg', tag);
    Object.keys(attrs || {}).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    for (var i = 2; i < arguments.length; i++) { if (arguments[i]) { el.appendChild(arguments[i]); } }
    return el;
  }

  function num(v) { return Number(v).toLocaleString(state.lang); }

  /** A small line chart of one output over the weeks, with its values as the text alternative. */
  function miniChart(label, values) {
    var w = 190, hgt = 100, pad = 16, top = 22;
    var max = Math.max.apply(null, values);
    var min = Math.min.apply(null, values);
    var span = max - min || Math.abs(max) || 1;
    var low = Math.max(0, min - span * 0.5);
    var high = max + span * 0.1;
    var pts = values.map(function (v, i) {
      var x = pad + i * (w - 2 * pad) / Math.max(1, values.length - 1);
      var y = hgt - pad - ((v - low) / (high - low)) * (hgt - pad - top);
      return [x, y];
    });
    var desc = label + ': ' + values.map(function (v, i) { return t('simulation.week', { week: i + 1 }) + ' ' + num(v); }).join(', ');
    var chart = svg('svg', { viewBox: '0 0 ' + w + ' ' + hgt, width: String(w), height: String(hgt), role: 'img', 'aria-label': desc, class: 'mini-chart' },
      svg('line', { x1: pad, y1: hgt - pad, x2: w - pad, y2: hgt - pad, stroke: '#4a5260', 'stroke-width': '1' }),
      svg('polyline', { points: pts.map(function (p) { return p.join(','); }).join(' '), fill: 'none', stroke: '#0b4f8a', 'stroke-width': '3' }));
    pts.forEach(function (p, i) {
      chart.appendChild(svg('circle', { cx: p[0], cy: p[1], r: '4', fill: '#0b4f8a' }));
      var label2 = svg('text', { x: p[0], y: p[1] - 8, 'text-anchor': 'middle', 'font-size': '11', fill: '#1b1f24' });
      label2.textContent = num(values[i]);
      chart.appendChild(label2);
    });
    return h('figure', { class: 'mini' }, chart, h('figcaption', { text: label }));
  }

  function targetText(part) {
    if (part.id === 'engagementRate') {
      return t('simulation.engagementRate') + ': ' + t('simulation.percent', { value: num(part.achieved) }) + ' (≥ ' + t('simulation.percent', { value: num(part.required) }) + ')';
    }
    if (part.id === 'unanswered') {
      return t('simulation.unansweredQuestions') + ': ' + num(part.achieved) + ' (≤ ' + num(part.required) + ')';
    }
    return t('simulation.reach') + ': ' + num(part.achieved) + ' (≥ ' + num(part.required) + ')';
  }

  function simulationPage(n, simId) {
    var base = '/api/units/' + n + '/simulations/' + encodeURIComponent(simId);
    api('GET', base).then(function (sim) {
      var start = sim.lastControls || {};
      var getters = [];
      var results = h('section', { 'aria-labelledby': 'sim-results-h', id: 'sim-results' });
      var error = h('p', { class: 'error', role: 'alert' });
      var form = h('form', { class: 'card sim-form', novalidate: true, 'aria-labelledby': 'sim-controls-h' },
        h('h2', { id: 'sim-controls-h', text: t('simulation.controls') }));
      sim.controls.forEach(function (c) {
        var id = 'sim-' + c.id;
        var value = start[c.id] !== undefined ? start[c.id] : c['default'];
        var help = h('p', { class: 'hint', id: id + '-help', text: c.help });
        if (c.type === 'integer') {
          var input = h('input', { type: 'number', id: id, min: String(c.min), max: String(c.max), step: String(c.step || 1),
            value: String(value), 'aria-describedby': id + '-help', inputmode: 'numeric' });
          form.appendChild(h('div', { class: 'control' }, h('label', { for: id, text: c.label + (c.unit ? ' (' + c.unit + ')' : '') }), help, input));
          getters.push(function (o) { o[c.id] = parseInt(input.value, 10); });
        } else if (c.type === 'multi-select') {
          var boxes = c.options.map(function (opt) {
            return h('input', { type: 'checkbox', id: id + '-' + opt.id, value: opt.id, checked: value.indexOf(opt.id) >= 0 });
          });
          form.appendChild(h('fieldset', { 'aria-describedby': id + '-help' }, h('legend', { text: c.label }), help,
            c.options.map(function (opt, i) { return h('div', { class: 'choice' }, boxes[i], h('label', { for: id + '-' + opt.id, text: opt.label })); })));
          getters.push(function (o) { o[c.id] = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; }); });
        } else if (c.type === 'percentages') {
          var total = h('p', { class: 'meta', 'aria-live': 'polite' });
          var inputs = c.parts.map(function (part) {
            return h('input', { type: 'number', id: id + '-' + part.id, min: '0', max: String(c.total), step: String(c.step),
              value: String(value[part.id] || 0), 'aria-describedby': id + '-' + part.id + '-help' });
          });
          var sum = function () {
            var s = inputs.reduce(function (a, i) { return a + (parseInt(i.value, 10) || 0); }, 0);
            total.textContent = 'Total: ' + s + ' % / ' + c.total + ' %';
            total.className = s === c.total ? 'meta' : 'error';
          };
          inputs.forEach(function (i) { i.addEventListener('input', sum); });
          sum();
          form.appendChild(h('fieldset', { 'aria-describedby': id + '-help' }, h('legend', { text: c.label }), help,
            c.parts.map(function (part, i) {
              return h('div', { class: 'mix-row' }, h('label', { for: id + '-' + part.id, text: part.label + ' (%)' }), inputs[i],
                h('p', { class: 'hint', id: id + '-' + part.id + '-help', text: part.help }));
            }), total));
          getters.push(function (o) {
            o[c.id] = {};
            c.parts.forEach(function (part, i) { o[c.id][part.id] = parseInt(inputs[i].value, 10) || 0; });
          });
        } else {
          var select = h('select', { id: id, 'aria-describedby': id + '-help' },
            c.options.map(function (opt) { return h('option', { value: opt.id, selected: opt.id === value, text: opt.label }); }));
          form.appendChild(h('div', { class: 'control' }, h('label', { for: id, text: c.label }), help, select));
          getters.push(function (o) { o[c.id] = select.value; });
        }
      });
      var runButton = h('button', { class: 'button', type: 'submit', text: t('simulation.run') });
      var reset = h('button', { class: 'button secondary', type: 'button', text: t('simulation.reset'), onclick: function () {
        sim.lastControls = null;
        simulationPage(n, simId);
      } });
      var runs = h('p', { class: 'meta', text: t('simulation.runCount', { count: sim.runs }) });
      append(form, [error, h('div', { class: 'actions' }, runButton, reset), runs]);
      form.addEventListener('submit', function (ev) {
        ev.preventDefault();
        var controls = {};
        getters.forEach(function (g) { g(controls); });
        runButton.disabled = true;
        runButton.textContent = t('simulation.running');
        api('POST', base + '/runs', { controls: controls }).then(function (r) {
          error.textContent = '';
          sim.lastControls = controls;
          runs.textContent = t('simulation.runCount', { count: r.run });
          showRun(sim, r, results);
          announce(r.targetMet ? t('simulation.targetMet') : t('simulation.targetNotMet'));
        }, function (e) {
          error.textContent = e.status === 400 ? e.message : t('errors.generic');
        }).then(function () {
          runButton.disabled = false;
          runButton.textContent = t('simulation.run');
        });
      });
      page(sim.title, [
        h('p', { class: 'meta' }, h('a', { href: '#/unit/' + n, text: t('lesson.backToUnit') })),
        h('h1', { text: sim.title }),
        md(sim.intro, 2),
        form,
        results,
        sim.targetMet && sim.debrief ? h('section', { class: 'card', 'aria-labelledby': 'debrief-h' },
          h('h2', { id: 'debrief-h', text: t('simulation.debrief') }), md(sim.debrief, 3)) : null]);
    }).catch(failure);
  }

  function showRun(sim, r, container) {
    container.innerHTML = '';
    var outputs = {};
    (sim.outputs || []).forEach(function (o) { outputs[o.id] = o.label; });
    var cols = ['audience', 'reach', 'interactions', 'engagementRate', 'questions', 'unanswered'];
    var charted = [['reach', t('simulation.reach')], ['interactions', t('simulation.interactions')],
      ['engagementRate', t('simulation.engagementRate') + ' (%)'], ['unanswered', t('simulation.unansweredQuestions')]];
    append(container, [
      h('h2', { id: 'sim-results-h', text: t('simulation.chart.title') }),
      h('div', { class: 'feedback ' + (r.targetMet ? 'ok' : 'ko') },
        h('h3', null, mark(r.targetMet), r.targetMet ? t('simulation.targetMet') : t('simulation.targetNotMet')),
        h('ul', null, r.target.map(function (p) { return h('li', null, mark(p.met), targetText(p)); }))),
      h('p', { class: 'hint', text: t('simulation.chart.textAlternative') }),
      h('div', { class: 'charts' }, charted.map(function (c) {
        return miniChart(c[1], r.weeks.map(function (w) { return w[c[0]]; }));
      })),
      h('table', { class: 'data' },
        h('caption', { text: t('simulation.chart.title') }),
        h('thead', null, h('tr', null, h('th', { scope: 'col', text: t('simulation.weeks') }),
          cols.map(function (c) { return h('th', { scope: 'col', text: outputs[c] || c }); }))),
        h('tbody', null, r.weeks.map(function (w) {
          return h('tr', null, h('th', { scope: 'row', text: t('simulation.week', { week: w.week }) }),
            cols.map(function (c) { return h('td', { text: num(w[c]) }); }));
        })))]);
    if (r.debrief && !document.getElementById('debrief-h')) {
      container.appendChild(h('section', { class: 'card', 'aria-labelledby': 'debrief-h' },
        h('h2', { id: 'debrief-h', text: t('simulation.debrief') }), md(r.debrief, 3)));
    }
  }

  // ---------- gamification: XP bar, level, streak, badge shelf, leaderboards (GET /api/gamification/…)

  var game = { last: null, timer: null };

  /** Small inline SVG icons (no font or image needed); decorative, hidden from assistive technology. */
  var ICONS = {
    flame: [['path', { d: 'M12 2c1.2 4.2-3.5 6.3-3.5 10.6A5.5 5.5 0 0 0 14 18a5.5 5.5 0 0 0 5.5-5.5c0-3.3-2.1-5.4-2.8-7.6-.9 2-2 3.1-3.2 3.3.3-2.5-.1-4.4-1.5-6.2z' }]],
    medal: [['path', { d: 'M7 2h4l2 6H9zM17 2h-4l-2 6h4z' }], ['circle', { cx: '12', cy: '15', r: '6' }],
      ['circle', { cx: '12', cy: '15', r: '3', class: 'icon-inner' }]],
    lock: [['rect', { x: '5', y: '11', width: '14', height: '10', rx: '2' }],
      ['path', { d: 'M8 11V8a4 4 0 0 1 8 0v3', fill: 'none', 'stroke-width': '2.2', class: 'icon-stroke' }]]
  };

  function icon(name, cls) {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    svg.setAttribute('class', 'icon ' + (cls || ''));
    ICONS[name].forEach(function (part) {
      var el = document.createElementNS(ns, part[0]);
      Object.keys(part[1]).forEach(function (k) { el.setAttribute(k, part[1][k]); });
      svg.appendChild(el);
    });
    return svg;
  }

  function streakText(days) {
    return days === 1 ? t('gamification.streakOneDay') : t('gamification.streakDays', { days: days });
  }

  /** Refreshes the progress strip under the header and tells the learner, politely, about a new badge or level. */
  function refreshGame() {
    if (!state.me) { return Promise.resolve(null); }
    return api('GET', '/api/gamification/me').then(function (g) {
      drawHud(g);
      notifyChanges(g);
      return g;
    }, function () { return null; });
  }

  function refreshGameSoon() {
    window.clearTimeout(game.timer);
    game.timer = window.setTimeout(refreshGame, 250);
  }

  function xpToNext(g) {
    return g.level.nextXp === undefined ? null : g.level.nextXp - g.xp;
  }

  function drawHud(g) {
    var hud = document.getElementById('hud');
    hud.innerHTML = '';
    var next = xpToNext(g);
    var span = next === null ? 1 : g.level.nextXp - g.level.minXp;
    var done = next === null ? 1 : g.xp - g.level.minXp;
    var earned = g.badges.filter(function (b) { return b.earned; }).length;
    append(hud, h('div', { class: 'hud-inner' },
      h('p', { class: 'hud-level', 'data-level': String(g.level.number) },
        h('strong', { text: t('gamification.level', { level: g.level.number }) }), ' · ', g.level.name),
      h('div', { class: 'hud-xp' },
        h('progress', { max: String(span), value: String(done), 'aria-label': t('gamification.xp') + ': ' +
          (next === null ? t('gamification.maxLevel') : t('gamification.toNextLevel', { xp: next, level: g.level.number + 1 })) }),
        h('span', { 'data-xp': String(g.xp), text: t('gamification.xpShort', { xp: g.xp }) })),
      h('p', { class: 'hud-streak' + (g.streak.current > 0 ? ' lit' : '') },
        icon('flame', 'flame'), ' ',
        t('gamification.streak') + ': ', h('span', { 'data-streak': String(g.streak.current),
          text: streakText(g.streak.current) })),
      h('p', { class: 'hud-links' },
        h('a', { href: '#/badges', text: t('gamification.badgeCount', { earned: earned, total: g.badges.length }) }), ' · ',
        h('a', { href: '#/leaderboard', text: t('gamification.leaderboard') }))));
    hud.hidden = false;
  }

  function notifyChanges(g) {
    var key = 'civica.game.' + state.me.id;
    var now = { level: g.level.number, badges: g.badges.filter(function (b) { return b.earned; }).map(function (b) { return b.id; }) };
    var before = null;
    // localStore, not localStorage: inside the LMS's sandboxed frame touching localStorage throws
    try { before = JSON.parse(localStore.getItem(key) || 'null'); } catch (e) { before = null; }
    localStore.setItem(key, JSON.stringify(now));
    if (!before) { return; }   // first visit: nothing to celebrate yet
    var messages = [];
    g.badges.forEach(function (b) {
      if (b.earned && before.badges.indexOf(b.id) < 0) { messages.push(t('gamification.badgeEarned', { badge: b.name })); }
    });
    if (now.level > before.level) {
      messages.push(t('gamification.levelUp', { level: now.level }) + ' ' + g.level.name);
    }
    if (messages.length) { toast(messages.join(' ')); }
  }

  /** A notice in the polite live region at the corner: read by screen readers, never steals the focus. */
  function toast(message) {
    var box = document.getElementById('toast');
    box.innerHTML = '';
    append(box, h('div', { class: 'toast-inner' },
      icon('medal', 'toast-icon'),
      h('span', { class: 'toast-text', text: message }),
      h('button', { type: 'button', class: 'toast-close', 'aria-label': t('gamification.dismiss'), text: '×',
        onclick: function () { box.innerHTML = ''; } })));
    window.clearTimeout(game.toastTimer);
    game.toastTimer = window.setTimeout(function () { box.innerHTML = ''; }, 12000);
  }

  function dateText(iso) {
    try {
      return new Date(iso).toLocaleDateString(state.lang === 'en' ? 'en-GB' : state.lang + '-ES',
        { day: 'numeric', month: 'long', year: 'numeric' });
    } catch (e) { return iso.slice(0, 10); }
  }

  function badgesPage() {
    refreshGame().then(function (g) {
      if (!g) { throw Object.assign(new Error('game'), { status: 500 }); }
      var earned = g.badges.filter(function (b) { return b.earned; }).length;
      var next = xpToNext(g);
      page(t('gamification.badges'), [
        h('h1', { text: t('gamification.badges') }),
        h('section', { class: 'card', 'aria-labelledby': 'lvl-h' },
          h('h2', { id: 'lvl-h', text: t('gamification.level', { level: g.level.number }) + ' · ' + g.level.name }),
          h('p', { text: t('gamification.xp') + ': ' + t('gamification.xpShort', { xp: g.xp }) + '. ' +
            (next === null ? t('gamification.maxLevel') : t('gamification.toNextLevel', { xp: next, level: g.level.number + 1 }) +
              ' (' + g.level.nextName + ')') }),
          h('p', { text: t('gamification.streak') + ': ' + streakText(g.streak.current) + ' · ' +
            t('gamification.bestStreak', { days: g.streak.best }) }),
          h('p', { class: 'hint', text: g.streak.workingDay ? t('gamification.streakHint') : t('gamification.streakFrozen') }),
          g.capped ? h('p', { class: 'hint', text: t('gamification.capped') }) : null),
        h('h2', { text: t('gamification.badgeCount', { earned: earned, total: g.badges.length }) }),
        earned ? null : h('p', { text: t('gamification.noBadges') }),
        h('ul', { class: 'badges' }, g.badges.map(function (b) {
          return h('li', { class: 'badge card ' + (b.earned ? 'earned' : 'locked'), 'data-badge': b.id,
            'data-earned': String(b.earned), 'aria-labelledby': 'badge-' + b.id },
            icon(b.earned ? 'medal' : 'lock', 'badge-icon'),
            h('div', null,
              h('h3', { id: 'badge-' + b.id, text: b.name }),
              h('p', { class: 'status ' + (b.earned ? 'status-passed' : 'status-notStarted'),
                text: b.earned ? t('gamification.badgeEarnedOn', { date: dateText(b.earnedAt) }) : t('gamification.badgeLocked') }),
              h('p', { text: b.description }),
              b.earned ? null : h('p', null, h('strong', { text: t('gamification.howToEarn') + ' ' }), b.howTo)));
        }))]);
    }).catch(failure);
  }

  function radios(name, legend, values, current) {
    return h('fieldset', { class: 'inline' }, h('legend', { text: legend }), values.map(function (v) {
      var id = 'lb-' + name + '-' + v;
      return h('span', { class: 'choice' },
        h('input', { type: 'radio', name: name, id: id, value: v, checked: v === current || null }),
        h('label', { for: id, text: t('gamification.' + name + '.' + v) }));
    }));
  }

  function leaderboardPage(query) {
    var q = { scope: query.scope || 'overall', period: query.period || 'week', view: query.view || 'neighbours' };
    var path = '/api/gamification/leaderboard?scope=' + q.scope + '&period=' + q.period + '&view=' + q.view;
    Promise.all([api('GET', path), api('GET', '/api/gamification/leagues'), api('GET', '/api/gamification/profile')])
      .then(function (r) {
        var board = r[0];
        var leagues = r[1];
        var profile = r[2];
        var filters = h('form', { class: 'card filters', 'aria-labelledby': 'lb-filter-h' },
          h('h2', { id: 'lb-filter-h', class: 'visually-hidden', text: t('gamification.filters') }),
          radios('scope', t('gamification.scope'), ['overall', 'organisation', 'department'], q.scope),
          radios('period', t('gamification.period'), ['week', 'all'], q.period),
          radios('view', t('gamification.view'), ['neighbours', 'top'], q.view),
          h('div', { class: 'actions' }, h('button', { class: 'button', type: 'submit', text: t('gamification.show') })));
        filters.addEventListener('submit', function (ev) {
          ev.preventDefault();
          go('#/leaderboard/' + filters.scope.value + '/' + filters.period.value + '/' + filters.view.value);
        });
        var caption = t('gamification.leaderboard') + ': ' + t('gamification.scope.' + q.scope) + ' · ' +
          t('gamification.period.' + q.period) + ' · ' + t('gamification.view.' + q.view);
        var table = board.needsProfile ? h('p', { class: 'feedback ko', text: t('gamification.needsProfile') })
          : h('table', { class: 'data leaderboard' },
            h('caption', { text: caption }),
            h('thead', null, h('tr', null, h('th', { scope: 'col', text: t('gamification.rank') }),
              h('th', { scope: 'col', text: t('gamification.participant') }),
              h('th', { scope: 'col', text: t('gamification.xp') }))),
            h('tbody', null, board.entries.map(function (e) {
              return h('tr', { class: e.me ? 'me' : null, 'data-me': e.me ? 'true' : null },
                h('td', { text: String(e.rank) }),
                h('th', { scope: 'row' }, e.name, e.me ? h('strong', { text: ' (' + t('gamification.you') + ')' }) : null),
                h('td', { text: t('gamification.xpShort', { xp: e.xp }) }));
            })));
        var leagueTable = leagues.leagues.length === 0 ? h('p', { text: t('gamification.leaguesEmpty') })
          : h('table', { class: 'data leagues' },
            h('caption', { text: t('gamification.leagues') }),
            h('thead', null, h('tr', null, h('th', { scope: 'col', text: t('gamification.rank') }),
              h('th', { scope: 'col', text: t('gamification.department') }),
              h('th', { scope: 'col', text: t('gamification.organisation') }),
              h('th', { scope: 'col', text: t('gamification.activeMembers') }),
              h('th', { scope: 'col', text: t('gamification.averageXp') }))),
            h('tbody', null, leagues.leagues.map(function (l) {
              return h('tr', { class: l.mine ? 'me' : null },
                h('td', { text: String(l.rank) }),
                h('th', { scope: 'row' }, l.department, l.mine ? h('strong', { text: ' (' + t('gamification.yourTeam') + ')' }) : null),
                h('td', { text: l.organisation }),
                h('td', { text: String(l.activeMembers) }),
                h('td', { text: String(l.average) }));
            })));
        page(t('gamification.leaderboard'), [
          h('h1', { text: t('gamification.leaderboard') }),
          h('p', { text: t('gamification.leaderboardIntro') }),
          filters,
          board.needsProfile ? null : h('p', { class: 'meta', text: t('gamification.yourRank', { rank: board.rank, total: board.total }) +
            ' · ' + t('gamification.shownAs', { name: board.showName ? state.me.name : board.alias }) }),
          table,
          h('h2', { text: t('gamification.leagues') }),
          h('p', { class: 'hint', text: t('gamification.leaguesIntro') }),
          leagueTable,
          profileForm(profile)]);
      }).catch(failure);
  }

  function profileForm(p) {
    var status = h('p', { role: 'status', class: 'hint' });
    var form = h('form', { class: 'card stack', novalidate: true, 'aria-labelledby': 'prof-h' },
      h('h2', { id: 'prof-h', text: t('gamification.profile') }),
      h('label', { for: 'pf-alias', text: t('gamification.alias') }),
      h('input', { id: 'pf-alias', name: 'alias', type: 'text', value: p.alias, maxlength: '20', 'aria-describedby': 'pf-alias-hint' }),
      h('p', { class: 'hint', id: 'pf-alias-hint', text: t('gamification.aliasHint') }),
      h('label', { for: 'pf-org', text: t('register.organisation') }),
      h('input', { id: 'pf-org', name: 'organisation', type: 'text', autocomplete: 'organization', value: p.organisation || '',
        list: 'pf-org-list', 'aria-describedby': 'pf-org-list-hint' }),
      organisationSuggestions('pf-org-list'),
      h('label', { for: 'pf-dept', text: t('register.department') }),
      h('input', { id: 'pf-dept', name: 'department', type: 'text', value: p.department || '' }),
      h('div', { class: 'choice' }, h('input', { id: 'pf-show', name: 'showName', type: 'checkbox', checked: p.showName || null }),
        h('label', { for: 'pf-show', text: t('gamification.showName') })),
      h('div', { class: 'choice' }, h('input', { id: 'pf-hidden', name: 'hidden', type: 'checkbox', checked: p.hidden || null }),
        h('label', { for: 'pf-hidden', text: t('gamification.hideFromLeaderboard') })),
      status,
      h('div', { class: 'actions' }, h('button', { class: 'button', type: 'submit', text: t('app.save') })));
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var body = { alias: form.alias.value.trim(), organisation: form.organisation.value, department: form.department.value,
        showName: form.showName.checked, hidden: form.hidden.checked };
      if (!/^[\p{L}\p{N}_-]{3,20}$/u.test(body.alias) && body.alias !== p.alias) {
        status.textContent = t('gamification.aliasInvalid'); return;
      }
      if (body.alias === p.alias) { delete body.alias; }
      api('PUT', '/api/gamification/profile', body).then(function () {
        status.textContent = t('app.saved');
        window.setTimeout(route, 600);
      }, function (e) {
        status.textContent = e.status === 409 ? t('gamification.aliasTaken') : e.status === 400 ? t('gamification.aliasInvalid')
          : t('errors.saveFailed');
      });
    });
    return form;
  }

  // ---------- router

  function route() {
    var parts = (location.hash || '#/').replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
    if (state.lms && bridge.finished) { return; }
    if (state.lms && !(parts[0] === 'unit' && parseInt(parts[1], 10) === state.lms.unit)) {
      go('#/unit/' + state.lms.unit);   // an LMS launch opens one unit only
      return;
    }
    if (parts[0] === 'signin') { signInPage(); return; }
    if (!state.me) { go('#/signin'); return; }
    if (parts[0] === 'badges') { badgesPage(); return; }
    refreshGame();
    if (parts[0] === 'leaderboard') { leaderboardPage({ scope: parts[1], period: parts[2], view: parts[3] }); return; }
    if (parts[0] === 'unit' && parts.length >= 2) {
      var n = parseInt(parts[1], 10);
      if (parts[2] === 'lesson') { lessonPage(n, parts[3], parseInt(parts[4] || '0', 10)); return; }
      if (parts[2] === 'quiz' && parts[3]) { attemptPage(n, parts[3]); return; }
      if (parts[2] === 'quiz') { quizPage(n); return; }
      if (parts[2] === 'scenario') { scenarioPage(n, parts[3]); return; }
      if (parts[2] === 'simulation') { simulationPage(n, parts[3]); return; }
      unitPage(n);
      return;
    }
    cataloguePage();
  }

  document.getElementById('lang').addEventListener('change', function (ev) {
    localStore.setItem('civica.lang', ev.target.value);
    loadLanguage(ev.target.value).then(route);
  });
  document.getElementById('signout').addEventListener('click', function () {
    api('POST', '/api/auth/signout', {}).then(function () {
      state.me = null;
      sessionStore.clear();
      showWho();
      go('#/signin');
      announce(t('signin.signedOut'));
    });
  });
  var saved = localStore.getItem('civica.lang');
  loadLanguage(saved || 'es')
    .then(lmsLaunch)
    .then(function (lms) {
      if (lms === null) { return; }   // a refused LMS launch: its message stays on screen
      if (lms) {
        showWho();
        return lmsLanding().then(function (hash) {
          window.addEventListener('hashchange', route);
          go(hash);
        });
      }
      window.addEventListener('hashchange', route);
      return api('GET', '/api/me').then(function (me) { state.me = me; }, function () { state.me = null; })
        .then(function () { showWho(); route(); });
    })
    .catch(failure);
}());
