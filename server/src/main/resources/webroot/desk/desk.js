/* Cívica desks: HR, training schools and admins. Vanilla JS, no build step, no external request.
 * The session is an HttpOnly cookie; every POST/DELETE carries the CSRF token the server gave at sign-in. */
(function () {
  'use strict';

  var state = { lang: 'es', strings: {}, staff: null, csrf: null, units: [], unitTitles: {} };
  var main = document.getElementById('main');

  // ---- strings

  function t(key, params) {
    var s = state.strings[key] || key;
    if (params) {
      Object.keys(params).forEach(function (p) { s = s.split('{' + p + '}').join(String(params[p])); });
    }
    return s;
  }

  function loadStrings(lang) {
    return fetch('i18n/' + lang + '.json').then(function (r) { return r.json(); }).then(function (s) {
      state.lang = lang;
      state.strings = s;
      document.documentElement.lang = lang;
      document.title = t('brand');
      document.getElementById('skip').textContent = t('skip');
      document.getElementById('brand').textContent = t('brand');
      document.getElementById('nav').setAttribute('aria-label', t('nav'));
      document.getElementById('lang-label').textContent = t('language');
      document.getElementById('signout').textContent = t('signout');
      try { localStorage.setItem('civica.desk.lang', lang); } catch (e) { /* private mode */ }
    });
  }

  // ---- DOM

  function h(tag, attrs, children) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) { return; }
      if (k === 'text') { el.textContent = v; } else if (k.indexOf('on') === 0) { el.addEventListener(k.slice(2), v); } else { el.setAttribute(k, v === true ? '' : v); }
    });
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) { return; }
      el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return el;
  }

  function svg(tag, attrs, children) {
    var el = document.createElementNS('http://www.w3.org/2000/svg', tag);
    Object.keys(attrs || {}).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return el;
  }

  function show(title, nodes) {
    main.replaceChildren(h('h1', { text: title, id: 'page-title' }), ...nodes);
    document.title = title + ' · ' + t('brand');
  }

  function announce(text) {
    var live = document.getElementById('live');
    live.textContent = '';
    setTimeout(function () { live.textContent = text; }, 50);
  }

  function field(id, label, input, hint) {
    input.id = id;
    if (hint) { input.setAttribute('aria-describedby', id + '-hint'); }
    return h('div', { 'class': 'field' }, [h('label', { 'for': id, text: label }), hint ? h('p', { 'class': 'hint', id: id + '-hint', text: hint }) : null, input]);
  }

  function errorBox(message) {
    return h('p', { 'class': 'error', role: 'alert', text: message });
  }

  // ---- API

  function api(method, path, body) {
    var opts = { method: method, headers: { 'Accept': 'application/json' }, credentials: 'same-origin' };
    if (method !== 'GET') {
      opts.headers['Content-Type'] = 'application/json';
      if (state.csrf) { opts.headers['X-CSRF-Token'] = state.csrf; }
      opts.body = JSON.stringify(body || {});
    }
    return fetch('/desk/api' + path, opts).then(function (r) {
      if (r.status === 204) { return null; }
      return r.json().then(function (json) {
        if (!r.ok) {
          var err = new Error(json.error || String(r.status));
          err.status = r.status;
          err.retryAfter = r.headers.get('Retry-After');
          throw err;
        }
        return json;
      });
    });
  }

  function failed(container) {
    return function (e) {
      if (e.status === 401) { state.staff = null; route(); return; }
      var box = errorBox(t('error.generic', { message: e.message }));
      if (container) { container.replaceChildren(box); } else { main.appendChild(box); }
    };
  }

  // ---- sign-in

  function signInPage(message) {
    document.getElementById('nav').hidden = true;
    document.getElementById('signout').hidden = true;
    document.getElementById('who').textContent = '';
    var email = h('input', { type: 'email', name: 'email', autocomplete: 'username', required: true });
    var password = h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true });
    var status = h('div', {});
    if (message) { status.appendChild(errorBox(message)); }
    var form = h('form', { 'class': 'card narrow', novalidate: true }, [
      field('signin-email', t('signin.email'), email),
      field('signin-password', t('signin.password'), password),
      status,
      h('button', { type: 'submit', 'class': 'primary', text: t('signin.submit') })
    ]);
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      api('POST', '/signin', { email: email.value, password: password.value }).then(function (r) {
        state.staff = r.staff;
        state.csrf = r.csrf;
        return loadMe();
      }).then(function () {
        location.hash = defaultPage();
        route();
      }).catch(function (e) {
        var text = e.status === 429 ? t('signin.locked', { minutes: Math.ceil((+e.retryAfter || 60) / 60) })
          : e.status === 401 ? t('signin.wrong') : t('error.generic', { message: e.message });
        status.replaceChildren(errorBox(text));
        password.value = '';
        password.focus();
      });
    });
    show(t('signin.title'), [form]);
  }

  function loadMe() {
    return Promise.all([api('GET', '/me'), fetch('/api/course').then(function (r) { return r.json(); })])
      .then(function (both) {
        state.staff = both[0].staff;
        state.csrf = both[0].csrf;
        state.units = both[0].units;
        (both[1].units || []).forEach(function (u) { state.unitTitles[u.id] = u.number + '. ' + u.title; });
      });
  }

  function unitName(iri) {
    return state.unitTitles[iri] || iri || '—';
  }

  // ---- navigation

  function pages() {
    var role = state.staff.role;
    var list = [];
    if (role === 'admin' || role === 'hr') { list.push(['#/certificates', 'nav.certificates']); }
    if (role === 'admin' || role === 'school') { list.push(['#/credentials', 'nav.credentials']); }
    list.push(['#/report', 'nav.report']);
    if (role === 'admin' || role === 'school') { list.push(['#/analytics', 'nav.analytics']); }
    if (role === 'admin') { list.push(['#/staff', 'nav.staff'], ['#/organisations', 'nav.organisations'], ['#/audit', 'nav.audit']); }
    return list;
  }

  function defaultPage() {
    return pages()[0][0];
  }

  function renderNav(current) {
    var list = document.getElementById('nav-list');
    list.replaceChildren.apply(list, pages().map(function (p) {
      return h('li', {}, [h('a', { href: p[0], text: t(p[1]), 'aria-current': p[0] === current ? 'page' : null })]);
    }));
    document.getElementById('nav').hidden = false;
    document.getElementById('signout').hidden = false;
    document.getElementById('who').textContent = state.staff.name + ' (' + t('role.' + state.staff.role) + ')';
  }

  function route() {
    if (!state.staff) { signInPage(); return; }
    var hash = location.hash || defaultPage();
    var allowed = pages().map(function (p) { return p[0]; });
    if (allowed.indexOf(hash) < 0) { hash = defaultPage(); }
    renderNav(hash);
    ({ '#/credentials': credentialsPage, '#/report': reportPage, '#/staff': staffPage, '#/organisations': organisationsPage, '#/audit': auditPage, '#/analytics': analyticsPage, '#/certificates': certificatesPage })[hash]();
    main.focus();
  }

  // ---- school: credentials

  function credentialsPage() {
    var listBox = h('div', {}, [h('p', { text: t('loading') })]);
    var issuedBox = h('div', {});
    var label = h('input', { type: 'text', name: 'label', required: true, maxlength: '200' });
    var form = h('form', { 'class': 'card', id: 'credential-form' }, [
      field('credential-label', t('cred.label'), label),
      h('button', { type: 'submit', 'class': 'primary', text: t('cred.create') })
    ]);
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (!label.value.trim()) { label.focus(); return; }
      api('POST', '/credentials', { label: label.value.trim() }).then(function (c) {
        label.value = '';
        showIssued(issuedBox, c);
        refresh();
      }).catch(failed(issuedBox));
    });
    var base = location.origin + '/desk/api/feed';
    var feedDoc = h('section', { 'class': 'card', 'aria-labelledby': 'feed-title' }, [
      h('h2', { id: 'feed-title', text: t('cred.feedTitle') }),
      h('p', { text: t('cred.feedIntro') }),
      h('pre', { tabindex: '0', 'aria-label': t('cred.feedTitle') }, [
        'curl -u KEY:SECRET \'' + base + '?limit=100\'\n' +
        'curl -u KEY:SECRET \'' + base + '?limit=100&cursor=CURSOR\''])
    ]);

    function refresh() {
      api('GET', '/credentials').then(function (r) {
        if (!r.credentials.length) { listBox.replaceChildren(h('p', { text: t('cred.none') })); return; }
        var rows = r.credentials.slice().reverse().map(function (c) {
          var actions = c.revoked ? [] : [
            h('button', { type: 'button', 'class': 'secondary', 'data-rotate': c.key, text: t('cred.rotate'),
              'aria-label': t('cred.rotate') + ' ' + c.key,
              onclick: function () { api('POST', '/credentials/' + c.id + '/rotate', {}).then(function (n) { showIssued(issuedBox, n); refresh(); }).catch(failed(issuedBox)); } }),
            h('button', { type: 'button', 'class': 'danger', 'data-revoke': c.key, text: t('cred.revoke'),
              'aria-label': t('cred.revoke') + ' ' + c.key,
              onclick: function () {
                if (!window.confirm(t('cred.confirmRevoke', { key: c.key }))) { return; }
                api('DELETE', '/credentials/' + c.id).then(function () { issuedBox.replaceChildren(h('p', { 'class': 'notice', role: 'status', text: t('cred.revokedNotice') })); refresh(); }).catch(failed(issuedBox));
              } })
          ];
          return h('tr', {}, [
            h('td', { text: c.label.replace(/^desk:\S+ /, '') }),
            h('td', {}, [h('code', { 'class': 'secret', text: c.key })]),
            h('td', { text: new Date(c.created).toLocaleString(state.lang) }),
            h('td', { text: c.revoked ? t('cred.revoked') : t('cred.active') }),
            h('td', {}, [h('div', { 'class': 'actions' }, actions)])
          ]);
        });
        listBox.replaceChildren(h('div', { 'class': 'table-wrap' }, [h('table', { id: 'credentials' }, [
          h('caption', { text: t('cred.title') }),
          h('thead', {}, [h('tr', {}, ['cred.label', 'cred.key', 'cred.created', 'cred.status', 'cred.actions']
            .map(function (k) { return h('th', { scope: 'col', text: t(k) }); }))]),
          h('tbody', {}, rows)])]));
      }).catch(failed(listBox));
    }

    show(t('cred.title'), [h('p', { text: t('cred.intro') }), form, issuedBox, listBox, feedDoc]);
    refresh();
  }

  function showIssued(box, c) {
    box.replaceChildren(h('div', { 'class': 'notice', role: 'status', id: 'issued' }, [
      h('p', { text: t('cred.issued') }),
      h('p', {}, [t('cred.key') + ': ', h('code', { 'class': 'secret', 'data-key': '', text: c.key })]),
      h('p', {}, [t('cred.secret') + ': ', h('code', { 'class': 'secret', 'data-secret': '', text: c.secret })])
    ]));
    announce(t('cred.issued'));
  }

  // ---- report

  function isoDay(d) {
    return d.toISOString().slice(0, 10);
  }

  function reportPage() {
    var today = new Date();
    var from = h('input', { type: 'date', name: 'from', value: isoDay(new Date(today.getTime() - 365 * 86400000)) });
    var to = h('input', { type: 'date', name: 'to', value: isoDay(today) });
    var out = h('div', {}, [h('p', { text: t('loading') })]);
    var csv = h('a', { 'class': 'button', id: 'report-csv', text: t('report.csv') });
    var form = h('form', { 'class': 'card filters' }, [
      field('report-from', t('report.from'), from), field('report-to', t('report.to'), to),
      h('button', { type: 'submit', 'class': 'primary', text: t('report.apply') }), csv
    ]);
    function load() {
      var q = '?from=' + encodeURIComponent(from.value) + '&to=' + encodeURIComponent(to.value);
      csv.setAttribute('href', '/desk/api/report' + q + '&format=csv');
      csv.setAttribute('download', 'completions-' + from.value + '-' + to.value + '.csv');
      api('GET', '/report' + q).then(function (r) { renderReport(out, r.lines, from.value, to.value); }).catch(failed(out));
    }
    form.addEventListener('submit', function (ev) { ev.preventDefault(); load(); });
    show(t('report.title'), [form, out]);
    load();
  }

  function renderReport(out, lines, from, to) {
    if (!lines.length) { out.replaceChildren(h('p', { role: 'status', text: t('report.empty') })); return; }
    var table = h('table', { id: 'report' }, [
      h('caption', { text: t('report.caption', { from: from, to: to }) }),
      h('thead', {}, [h('tr', {}, [
        h('th', { scope: 'col', text: t('report.unit') }), h('th', { scope: 'col', text: t('report.organisation') }),
        h('th', { scope: 'col', 'class': 'num', text: t('report.passed') }), h('th', { scope: 'col', 'class': 'num', text: t('report.completed') }),
        h('th', { scope: 'col', 'class': 'num', text: t('report.failed') })])]),
      h('tbody', {}, lines.map(function (l) {
        return h('tr', {}, [h('th', { scope: 'row', text: unitName(l.unit) }), h('td', { text: l.organisationName || l.organisation || t('report.noOrganisation') }),
          h('td', { 'class': 'num', text: String(l.passed) }), h('td', { 'class': 'num', text: String(l.completed) }),
          h('td', { 'class': 'num', text: String(l.failed) })]);
      }))
    ]);
    out.replaceChildren(h('div', { 'class': 'table-wrap' }, [table]), chart(lines));
  }

  /** Grouped bars per unit (all organisations summed); the SVG is one image whose text alternative lists every figure. */
  function chart(lines) {
    var byUnit = {};
    lines.forEach(function (l) {
      var u = byUnit[l.unit] || (byUnit[l.unit] = { passed: 0, completed: 0, failed: 0 });
      u.passed += l.passed; u.completed += l.completed; u.failed += l.failed;
    });
    var units = Object.keys(byUnit).sort();
    var max = 1;
    units.forEach(function (u) { max = Math.max(max, byUnit[u].passed, byUnit[u].completed, byUnit[u].failed); });
    var rowH = 54, left = 230, width = 640, barW = width - left - 50;
    var kids = [svg('title', { id: 'chart-title' }, [t('report.chartTitle')]),
      svg('desc', { id: 'chart-desc' }, [units.map(function (u) { return t('report.chartSummary', { unit: unitName(u), passed: byUnit[u].passed, completed: byUnit[u].completed, failed: byUnit[u].failed }); }).join(' ')])];
    units.forEach(function (u, i) {
      var y = 10 + i * rowH;
      kids.push(svg('text', { x: 0, y: y + 22, 'font-size': 13, fill: '#1b1f24' }, [unitName(u).slice(0, 32)]));
      ['passed', 'completed', 'failed'].forEach(function (k, j) {
        var w = Math.round(barW * byUnit[u][k] / max);
        kids.push(svg('rect', { x: left, y: y + j * 15, width: Math.max(w, 1), height: 12, 'class': 's-' + k }));
        kids.push(svg('text', { x: left + w + 6, y: y + j * 15 + 11, 'font-size': 12, fill: '#1b1f24' }, [String(byUnit[u][k])]));
      });
    });
    var height = 20 + units.length * rowH;
    var legend = h('div', { 'class': 'legend', 'aria-hidden': 'true' }, ['passed', 'completed', 'failed'].map(function (k) {
      return h('span', {}, [h('span', { 'class': 'swatch s-' + k }), t('report.' + k)]);
    }));
    return h('figure', { 'class': 'card chart' }, [
      legend,
      svg('svg', { viewBox: '0 0 ' + width + ' ' + height, width: width, height: height, role: 'img', 'aria-labelledby': 'chart-title chart-desc' }, kids),
      h('figcaption', { 'class': 'hint', text: t('report.chartTitle') + '. ' + t('report.chartNote') })
    ]);
  }

  // ---- hr: certificates

  function certId(text) {
    var m = /\/verify\/([A-Za-z2-7]+)/.exec(text || '');
    return (m ? m[1] : (text || '')).trim().toLowerCase();
  }

  function certificatesPage() {
    var scanner = { stream: null, timer: null };
    // verify one: by id, by QR, by PDF
    var id = h('input', { type: 'text', name: 'certificate', autocomplete: 'off', spellcheck: 'false' });
    var pdf = h('input', { type: 'file', accept: 'application/pdf' });
    var result = h('div', { id: 'verify-result', 'aria-live': 'polite' });
    var video = h('video', { id: 'qr-video', muted: true, playsinline: true, hidden: true, 'aria-label': t('cert.scanning') });
    var scanStatus = h('p', { 'class': 'hint', id: 'scan-status' });
    var scanButton = h('button', { type: 'button', 'class': 'secondary', id: 'scan', text: t('cert.scan') });
    var verifyForm = h('form', { 'class': 'card', id: 'verify-form' }, [
      h('h2', { text: t('cert.verifyTitle') }),
      field('cert-id', t('cert.id'), id),
      h('div', { 'class': 'actions' }, [h('button', { type: 'submit', 'class': 'primary', text: t('cert.verify') }), scanButton]),
      video, scanStatus,
      field('cert-pdf', t('cert.pdf'), pdf),
      h('button', { type: 'button', 'class': 'secondary', id: 'compare-pdf', text: t('cert.comparePdf'), onclick: comparePdf }),
      result
    ]);
    verifyForm.addEventListener('submit', function (ev) { ev.preventDefault(); verify(); });
    function verify() {
      var value = certId(id.value);
      if (!value) { id.focus(); return; }
      api('GET', '/certificates/' + encodeURIComponent(value)).then(function (c) { showCertificate(result, c, null); }).catch(failed(result));
    }
    function comparePdf() {
      var value = certId(id.value);
      if (!value) { id.focus(); return; }
      var file = pdf.files[0];
      if (!file) { pdf.focus(); return; }
      var reader = new FileReader();
      reader.onload = function () {
        var b64 = String(reader.result).replace(/^data:[^,]*,/, '');
        api('POST', '/certificates/' + encodeURIComponent(value) + '/pdf', { pdf: b64 })
          .then(function (c) { showCertificate(result, c, c.result); }).catch(failed(result));
      };
      reader.readAsDataURL(file);
    }
    function stopScan() {
      if (scanner.timer) { clearInterval(scanner.timer); scanner.timer = null; }
      if (scanner.stream) { scanner.stream.getTracks().forEach(function (tr) { tr.stop(); }); scanner.stream = null; }
      video.hidden = true;
      scanButton.textContent = t('cert.scan');
    }
    scanButton.addEventListener('click', function () {
      if (scanner.stream) { stopScan(); scanStatus.textContent = ''; return; }
      if (!navigator.mediaDevices || !window.jsQR) { scanStatus.textContent = t('cert.noCamera', { message: 'getUserMedia' }); return; }
      navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }).then(function (stream) {
        scanner.stream = stream;
        video.srcObject = stream;
        video.hidden = false;
        video.play();
        scanButton.textContent = t('cert.stopScan');
        scanStatus.textContent = t('cert.scanning');
        var canvas = document.createElement('canvas');
        var g = canvas.getContext('2d', { willReadFrequently: true });
        scanner.timer = setInterval(function () {
          if (!video.videoWidth) { return; }
          canvas.width = video.videoWidth; canvas.height = video.videoHeight;
          g.drawImage(video, 0, 0);
          var code = window.jsQR(g.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height);
          if (code && code.data) {
            stopScan();
            id.value = certId(code.data);
            scanStatus.textContent = '';
            verify();
          }
        }, 250);
      }).catch(function (e) { scanStatus.textContent = t('cert.noCamera', { message: e.message || e.name }); });
    });
    window.addEventListener('hashchange', stopScan, { once: true });

    // bulk
    var csvFile = h('input', { type: 'file', accept: '.csv,text/csv' });
    var bulkOut = h('div', { id: 'bulk-result' });
    var bulkForm = h('form', { 'class': 'card', id: 'bulk-form' }, [
      h('h2', { text: t('cert.bulkTitle') }), h('p', { 'class': 'hint', text: t('cert.bulkHint') }),
      field('bulk-file', t('cert.bulkFile'), csvFile),
      h('button', { type: 'submit', 'class': 'primary', text: t('cert.bulkRun') }), bulkOut
    ]);
    bulkForm.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var file = csvFile.files[0];
      if (!file) { csvFile.focus(); return; }
      file.text().then(function (text) { return api('POST', '/certificates/bulk', { csv: text }); }).then(function (r) {
        var url = URL.createObjectURL(new Blob(['\ufeff' + r.csv.replace(/^\ufeff/, '')], { type: 'text/csv' }));
        bulkOut.replaceChildren(
          h('p', { role: 'status', text: t('cert.bulkSummary', { rows: r.rows.length }) }),
          h('a', { 'class': 'button', href: url, download: 'verificacion-certificados.csv', id: 'bulk-download', text: t('cert.bulkDownload') }),
          h('div', { 'class': 'table-wrap' }, [h('table', { id: 'bulk' }, [
            h('caption', { text: t('cert.bulkTitle') }),
            h('thead', {}, [h('tr', {}, ['cert.line', 'staff.name', 'cert.employee', 'cert.id', 'cert.result', 'cert.detail'].map(function (k) { return h('th', { scope: 'col', text: k === 'cert.id' ? 'ID' : t(k) }); }))]),
            h('tbody', {}, r.rows.map(function (row) {
              return h('tr', { 'data-outcome': row.outcome }, [h('td', { text: String(row.line) }), h('td', { text: row.name }), h('td', { text: row.employeeId }),
                h('td', {}, [h('code', { text: row.certificateId })]), h('td', { text: t('cert.outcome.' + row.outcome) }), h('td', { text: row.detail || '' })]);
            }))])]));
      }).catch(failed(bulkOut));
    });

    // list and revoke
    var q = h('input', { type: 'search', name: 'q' });
    var listOut = h('div', {});
    var listForm = h('form', { 'class': 'card filters', id: 'list-form' }, [field('cert-q', t('cert.search'), q), h('button', { type: 'submit', 'class': 'primary', text: t('cert.searchRun') })]);
    function loadList() {
      api('GET', '/certificates' + (q.value.trim() ? '?q=' + encodeURIComponent(q.value.trim()) : '')).then(function (r) {
        if (!r.certificates.length) { listOut.replaceChildren(h('p', { text: t('cert.none') })); return; }
        listOut.replaceChildren(h('div', { 'class': 'table-wrap' }, [h('table', { id: 'certificates' }, [
          h('caption', { text: t('cert.listTitle') }),
          h('thead', {}, [h('tr', {}, ['cert.holder', 'ID', 'cert.organisation', 'cert.issued', 'cert.expires', 'cred.status', 'cred.actions'].map(function (k) { return h('th', { scope: 'col', text: k === 'ID' ? k : t(k) }); }))]),
          h('tbody', {}, r.certificates.map(function (c) {
            var cell = h('td', {});
            if (c.status !== 'REVOKED') {
              var reason = h('input', { type: 'text', maxlength: '500', id: 'reason-' + c.id });
              var box = h('div', { hidden: true, 'class': 'revoke-box' }, [h('label', { 'for': 'reason-' + c.id, text: t('cert.reason') }), reason,
                h('button', { type: 'button', 'class': 'danger', 'data-confirm': c.id, text: t('cert.confirmRevoke'), onclick: function () {
                  if (!reason.value.trim()) { reason.focus(); return; }
                  api('POST', '/certificates/' + c.id + '/revoke', { reason: reason.value.trim() }).then(function () {
                    announce(t('cert.revokedNotice', { id: c.id })); loadList();
                  }).catch(failed(listOut));
                } })]);
              cell.append(h('button', { type: 'button', 'class': 'danger', 'data-revoke': c.id, 'aria-expanded': 'false', text: t('cert.revoke'),
                'aria-label': t('cert.revoke') + ' ' + c.id, onclick: function (ev) { box.hidden = !box.hidden; ev.target.setAttribute('aria-expanded', String(!box.hidden)); if (!box.hidden) { reason.focus(); } } }), box);
            }
            return h('tr', { 'data-id': c.id }, [h('td', { text: c.holder ? (c.holder.name || c.holder) : '' }), h('td', {}, [h('code', { text: c.id })]),
              h('td', { text: c.organisationName || c.organisation || '' }), h('td', { text: c.issuedOn || '' }), h('td', { text: c.expiresOn || t('cert.never') }),
              h('td', { text: t('cert.status.' + c.status) }), cell]);
          }))])]));
      }).catch(failed(listOut));
    }
    listForm.addEventListener('submit', function (ev) { ev.preventDefault(); loadList(); });
    show(t('cert.title'), [verifyForm, bulkForm, h('section', { 'aria-labelledby': 'list-h' }, [h('h2', { id: 'list-h', text: t('cert.listTitle') }), listForm, listOut])]);
    loadList();
  }

  function showCertificate(box, c, pdfResult) {
    var status = h('p', { 'class': c.status === 'VALID' ? 'notice' : 'error', id: 'cert-status', 'data-status': c.status }, [h('strong', { text: t('cert.status.' + c.status) })]);
    var rows = [];
    if (pdfResult && pdfResult !== 'NOT_FOUND') {
      rows.push(h('p', { id: 'pdf-result', 'data-result': pdfResult, 'class': pdfResult === 'IDENTICAL' ? 'notice' : 'error', text: pdfResult === 'IDENTICAL' ? t('cert.identical') : t('cert.altered') }));
    }
    if (c.holder) {
      var dl = h('dl', {}, [
        h('dt', { text: t('cert.holder') }), h('dd', { text: c.holder.name || String(c.holder) }),
        h('dt', { text: t('cert.course') }), h('dd', { text: c.course ? (c.course.title || String(c.course)) : '' }),
        h('dt', { text: t('cert.issued') }), h('dd', { text: c.issuedOn || '' }),
        h('dt', { text: t('cert.expires') }), h('dd', { text: c.expiresOn || t('cert.never') })
      ]);
      rows.push(dl);
    }
    if (c.revocation) { rows.push(h('p', { text: t('cert.revocation', { date: c.revocation.date, reason: c.revocation.reason }) })); }
    box.replaceChildren.apply(box, [status].concat(rows));
  }

  // ---- analytics: item analysis and scenario decisions

  function pct(v) { return Math.round(v * 1000) / 10; }
  function num(v) { return v === null || v === undefined ? '—' : v.toFixed(2); }

  function analyticsPage() {
    var numbers = Object.keys(state.unitTitles).map(function (iri) { return +iri.replace(/.*\/unit\//, ''); }).sort();
    var unit = h('select', {}, numbers.map(function (n) {
      var iri = Object.keys(state.unitTitles).filter(function (i) { return i.endsWith('/unit/' + n); })[0];
      return h('option', { value: String(n), text: unitName(iri) });
    }));
    var out = h('div', {});
    var form = h('form', { 'class': 'card filters' }, [field('an-unit', t('an.unit'), unit), h('button', { type: 'submit', 'class': 'primary', text: t('an.show') })]);
    function load() {
      out.replaceChildren(h('p', { text: t('loading') }));
      Promise.all([api('GET', '/analytics/units/' + unit.value + '/items'), api('GET', '/analytics/units/' + unit.value + '/scenarios')])
        .then(function (r) { out.replaceChildren(itemsSection(r[0]), scenariosSection(r[1])); }).catch(failed(out));
    }
    form.addEventListener('submit', function (ev) { ev.preventDefault(); load(); });
    show(t('an.title'), [form, out]);
    if (numbers.length) { unit.value = String(numbers.indexOf(4) >= 0 ? 4 : numbers[0]); load(); }
  }

  function itemsSection(a) {
    var section = h('section', { 'aria-labelledby': 'an-items-h', 'class': 'card' }, [h('h2', { id: 'an-items-h', text: t('an.items') })]);
    if (!a.items.length) { section.appendChild(h('p', { text: t('an.noData') })); return section; }
    section.appendChild(h('p', { text: t('an.summary', { attempts: a.attempts, mean: num(a.meanScore), sd: num(a.sdScore), dubious: a.dubiousItems }) }));
    section.appendChild(h('p', { 'class': 'hint', text: t('an.method') }));
    var rows = a.items.slice().sort(function (x, y) { return (y.dubious - x.dubious) || ((x.discrimination === null ? 9 : x.discrimination) - (y.discrimination === null ? 9 : y.discrimination)); }).map(function (i) {
      var choices = Object.keys(i.choices).map(function (c) {
        return c + ': ' + i.choices[c] + (i.correctChoices.indexOf(c) >= 0 ? ' (' + t('an.correct') + ')' : '');
      }).join('; ');
      return h('tr', { 'class': i.dubious ? 'dubious' : null, 'data-item': i.id || i.item }, [
        h('th', { scope: 'row' }, [h('span', { text: (i.id || i.item) + ' ' }), h('span', { 'class': 'hint', text: (i.prompt || '').slice(0, 120) })]),
        h('td', { 'class': 'num', text: String(i.attempts) }), h('td', { 'class': 'num', text: num(i.facility) }),
        h('td', { 'class': 'num', text: num(i.discrimination) }), h('td', { 'class': 'num', text: num(i.upperLower) }),
        h('td', { text: choices }), h('td', {}, [i.dubious ? h('span', { 'class': 'flag', text: t('an.dubious') }) : null])
      ]);
    });
    section.appendChild(h('div', { 'class': 'table-wrap' }, [h('table', { id: 'items' }, [
      h('caption', { text: t('an.items') }),
      h('thead', {}, [h('tr', {}, [['an.item'], ['an.attempts', 'num'], ['an.facility', 'num'], ['an.discrimination', 'num'], ['an.d', 'num'], ['an.choices'], ['an.flag']]
        .map(function (c) { return h('th', { scope: 'col', 'class': c[1] || null, text: t(c[0]) }); }))]),
      h('tbody', {}, rows)])]));
    return section;
  }

  function scenariosSection(a) {
    var section = h('section', { 'aria-labelledby': 'an-sc-h', 'class': 'card' }, [h('h2', { id: 'an-sc-h', text: t('an.scenarios') })]);
    a.scenarios.forEach(function (sc, k) {
      var nodes = {};
      sc.nodes.forEach(function (n) { nodes[n.id] = n; });
      var turn = sc.mostCommonWrongTurn;
      var headingId = 'sc-' + k;
      section.appendChild(h('h3', { id: headingId, text: sc.title }));
      section.appendChild(h('p', { text: t('an.scenarioLearners', { n: sc.learners }) }));
      section.appendChild(h('p', { 'class': turn ? 'notice' : 'hint', id: 'wrong-turn-' + sc.id },
        turn ? [h('strong', { text: t('an.wrongTurn') + ': ' }), t('an.wrongTurnText', { node: turn.node, text: turn.text, share: pct(turn.share) })] : [t('an.noTurn')]));
      var seen = {};
      function branch(id) {
        var n = nodes[id];
        if (!n) { return h('li', { text: id }); }
        if (seen[id]) { return h('li', {}, [h('span', { 'class': 'node-label', text: t('an.node', { id: id }) + ' ' + t('an.seeAbove') })]); }
        seen[id] = true;
        if (n.kind === 'ending') { return h('li', {}, [h('span', { 'class': 'node-label', text: t('an.ending', { title: n.title, tier: n.tier }) })]); }
        if (n.kind === 'router') {
          return h('li', {}, [h('span', { 'class': 'node-label', text: t('an.node', { id: id }) + ' — ' + t('an.router') }),
            h('ul', {}, n.routes.map(function (r) { return h('li', {}, [h('span', { text: '≥ ' + r.minScore + ' ' + t('an.goesTo') }), h('ul', {}, [branch(r.next)])]); }))]);
        }
        return h('li', {}, [
          h('span', { 'class': 'node-label', text: t('an.node', { id: id }) + ' — ' + n.situation.replace(/\*\*/g, '').slice(0, 140) }),
          h('ul', {}, n.choices.map(function (c) {
            var isTurn = turn && turn.node === id && turn.choice === c.id;
            return h('li', {}, [
              h('span', { 'class': 'choice' + (c.best ? ' best' : '') + (isTurn ? ' wrong-turn' : ''), 'data-choice': id + ':' + c.id }, [
                h('span', { 'class': 'bar', style: null, 'aria-hidden': 'true', 'data-width': String(pct(c.share)) }),
                t('an.choiceLine', { text: c.text, learners: c.learners, share: pct(c.share) }),
                c.best ? h('span', { 'class': 'tag', text: t('an.best') }) : null,
                isTurn ? h('span', { 'class': 'tag', text: t('an.wrongTurn') }) : null]),
              h('ul', {}, [branch(c.next)])]);
          }))]);
      }
      section.appendChild(h('ul', { 'class': 'tree', 'aria-labelledby': headingId }, [branch(sc.start)]));
    });
    // bar widths set through the CSSOM (the CSP forbids inline style attributes)
    section.querySelectorAll('.bar').forEach(function (b) { b.style.width = (0.1 + 3 * (+b.getAttribute('data-width')) / 100) + 'rem'; });
    return section;
  }

  // ---- admin: accounts

  function staffPage() {
    var listBox = h('div', {}, [h('p', { text: t('loading') })]);
    var status = h('div', {});
    var name = h('input', { type: 'text', required: true, maxlength: '200' });
    var email = h('input', { type: 'email', required: true, autocomplete: 'off' });
    var role = h('select', {}, ['school', 'hr', 'admin'].map(function (r) { return h('option', { value: r, text: t('role.' + r) }); }));
    var orgs = h('input', { type: 'text', placeholder: 'otro-ayto.es' });
    var orgBoxes = h('div', {}, [h('p', { text: t('loading') })]);
    api('GET', '/organisations').then(function (r) {
      orgBoxes.replaceChildren.apply(orgBoxes, r.organisations.length ? r.organisations.map(function (o, i) {
        return h('div', {}, [h('input', { type: 'checkbox', id: 'org-' + i, value: o.id }), ' ',
          h('label', { 'for': 'org-' + i, text: o.name + ' (' + o.id + ')' })]);
      }) : [h('p', { 'class': 'hint', text: t('org.none') })]);
    }).catch(failed(orgBoxes));
    var password = h('input', { type: 'password', autocomplete: 'new-password', minlength: '12' });
    var unitBoxes = state.units.map(function (iri, i) {
      return h('div', {}, [h('input', { type: 'checkbox', id: 'unit-' + i, value: iri }), ' ', h('label', { 'for': 'unit-' + i, text: unitName(iri) })]);
    });
    var form = h('form', { 'class': 'card', id: 'staff-form' }, [
      h('h2', { text: t('staff.new') }),
      field('staff-name', t('staff.name'), name), field('staff-email', t('staff.email'), email),
      field('staff-role', t('staff.role'), role),
      h('fieldset', {}, [h('legend', { text: t('staff.directory') }), orgBoxes,
        field('staff-orgs', t('staff.organisations'), orgs, t('staff.organisationsHint'))]),
      h('fieldset', {}, [h('legend', { text: t('staff.units') })].concat(unitBoxes)),
      field('staff-password', t('staff.password'), password), status,
      h('button', { type: 'submit', 'class': 'primary', text: t('staff.create') })
    ]);
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var body = {
        name: name.value.trim(), email: email.value.trim(), role: role.value, password: password.value,
        organisations: Array.from(orgBoxes.querySelectorAll('input:checked')).map(function (c) { return c.value; })
          .concat(orgs.value.split(',').map(function (s) { return s.trim(); }).filter(Boolean)),
        units: unitBoxes.map(function (d) { return d.querySelector('input'); }).filter(function (c) { return c.checked; }).map(function (c) { return c.value; })
      };
      api('POST', '/staff', body).then(function () {
        form.reset();
        status.replaceChildren(h('p', { 'class': 'notice', role: 'status', text: t('staff.created') }));
        refresh();
      }).catch(failed(status));
    });
    function refresh() {
      api('GET', '/staff').then(function (list) {
        listBox.replaceChildren(h('div', { 'class': 'table-wrap' }, [h('table', { id: 'staff' }, [
          h('caption', { text: t('staff.title') }),
          h('thead', {}, [h('tr', {}, ['staff.name', 'staff.email', 'staff.role', 'staff.scope', 'cred.actions'].map(function (k) { return h('th', { scope: 'col', text: t(k) }); }))]),
          h('tbody', {}, list.map(function (s) {
            var scope = s.organisations.concat(s.units.map(unitName)).join('; ');
            var action = s.disabled ? h('span', { text: t('staff.disabled') }) : s.id === state.staff.id ? null :
              h('button', { type: 'button', 'class': 'danger', text: t('staff.disable'), 'aria-label': t('staff.disable') + ' ' + s.email,
                onclick: function () {
                  if (!window.confirm(t('staff.confirmDisable', { email: s.email }))) { return; }
                  api('DELETE', '/staff/' + s.id).then(refresh).catch(failed(status));
                } });
            return h('tr', {}, [h('td', { text: s.name }), h('td', { text: s.email }), h('td', { text: t('role.' + s.role) }),
              h('td', { text: scope || '—' }), h('td', {}, [action])]);
          }))])]));
      }).catch(failed(listBox));
    }
    show(t('staff.title'), [listBox, form]);
    refresh();
  }

  // ---- admin: the organisation directory

  function domainList(text) {
    return text.split(/[\s,;]+/).map(function (d) { return d.trim(); }).filter(Boolean);
  }

  function organisationsPage() {
    var listBox = h('div', {}, [h('p', { text: t('loading') })]);
    var status = h('div', {});
    var name = h('input', { type: 'text', required: true, maxlength: '200' });
    var id = h('input', { type: 'text', maxlength: '190', placeholder: 'ayto-ejemplo.es' });
    var domains = h('input', { type: 'text', placeholder: 'ayto-ejemplo.es, ejemplo.cat' });
    var form = h('form', { 'class': 'card', id: 'org-form' }, [
      h('h2', { text: t('org.new') }),
      field('org-name', t('org.name'), name), field('org-domains', t('org.domains'), domains, t('org.domainsHint')),
      field('org-id', t('org.id'), id, t('org.idHint')), status,
      h('button', { type: 'submit', 'class': 'primary', text: t('org.create') })
    ]);
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      api('POST', '/organisations', { name: name.value.trim(), id: id.value.trim() || null, domains: domainList(domains.value) })
        .then(function (o) {
          form.reset();
          status.replaceChildren(h('p', { 'class': 'notice', role: 'status', text: t('org.created', { name: o.name, id: o.id }) }));
          refresh();
        }).catch(failed(status));
    });
    function editor(o, i) {
      var newName = h('input', { type: 'text', value: o.name, maxlength: '200' });
      var newDomains = h('input', { type: 'text', value: o.domains.join(', ') });
      var box = h('form', { 'class': 'inline-form', hidden: true }, [
        field('org-edit-name-' + i, t('org.name'), newName), field('org-edit-domains-' + i, t('org.domains'), newDomains),
        h('button', { type: 'submit', 'class': 'primary', text: t('org.save') })]);
      box.addEventListener('submit', function (ev) {
        ev.preventDefault();
        api('PUT', '/organisations/' + encodeURIComponent(o.id), { name: newName.value.trim(), domains: domainList(newDomains.value) })
          .then(function (u) {
            status.replaceChildren(h('p', { 'class': 'notice', role: 'status', text: t('org.saved', { name: u.name }) }));
            refresh();
          }).catch(failed(status));
      });
      var toggle = h('button', { type: 'button', 'aria-expanded': 'false', text: t('org.edit'), 'aria-label': t('org.edit') + ' ' + o.name,
        onclick: function (ev) { box.hidden = !box.hidden; ev.target.setAttribute('aria-expanded', String(!box.hidden)); if (!box.hidden) { newName.focus(); } } });
      return [toggle, box];
    }
    function refresh() {
      api('GET', '/organisations').then(function (r) {
        if (!r.organisations.length) { listBox.replaceChildren(h('p', { text: t('org.none') })); return; }
        listBox.replaceChildren(h('div', { 'class': 'table-wrap' }, [h('table', { id: 'organisations' }, [
          h('caption', { text: t('org.title') }),
          h('thead', {}, [h('tr', {}, ['org.name', 'org.id', 'org.domains', 'cred.actions'].map(function (k) { return h('th', { scope: 'col', text: t(k) }); }))]),
          h('tbody', {}, r.organisations.map(function (o, i) {
            return h('tr', {}, [h('td', { text: o.name }), h('td', {}, [h('code', { text: o.id })]),
              h('td', { text: o.domains.join(', ') || '—' }), h('td', {}, editor(o, i))]);
          }))])]));
      }).catch(failed(listBox));
    }
    show(t('org.title'), [h('p', { 'class': 'hint', text: t('org.intro') }), listBox, form]);
    refresh();
  }

  // ---- admin: audit log

  function auditPage() {
    var today = new Date();
    var from = h('input', { type: 'date', value: isoDay(new Date(today.getTime() - 30 * 86400000)) });
    var to = h('input', { type: 'date', value: isoDay(today) });
    var out = h('div', {}, [h('p', { text: t('loading') })]);
    var csv = h('a', { 'class': 'button', id: 'audit-csv', text: t('audit.csv') });
    var form = h('form', { 'class': 'card filters' }, [
      field('audit-from', t('report.from'), from), field('audit-to', t('report.to'), to),
      h('button', { type: 'submit', 'class': 'primary', text: t('report.apply') }), csv
    ]);
    function load() {
      var q = '?from=' + encodeURIComponent(from.value) + '&to=' + encodeURIComponent(to.value);
      csv.setAttribute('href', '/desk/api/audit' + q + '&format=csv');
      csv.setAttribute('download', 'audit-' + from.value + '-' + to.value + '.csv');
      api('GET', '/audit' + q).then(function (r) {
        if (!r.entries.length) { out.replaceChildren(h('p', { text: t('audit.empty') })); return; }
        out.replaceChildren(h('div', { 'class': 'table-wrap' }, [h('table', { id: 'audit' }, [
          h('caption', { text: t('audit.title') }),
          h('thead', {}, [h('tr', {}, ['audit.at', 'audit.actor', 'audit.action', 'audit.target', 'audit.ip'].map(function (k) { return h('th', { scope: 'col', text: t(k) }); }))]),
          h('tbody', {}, r.entries.map(function (e) {
            return h('tr', {}, [h('td', { text: new Date(e.at).toLocaleString(state.lang) }), h('td', { text: e.actor }),
              h('td', {}, [h('code', { text: e.action })]), h('td', { text: e.target || '' }), h('td', { text: e.clientIp || '' })]);
          }))])]));
      }).catch(failed(out));
    }
    form.addEventListener('submit', function (ev) { ev.preventDefault(); load(); });
    show(t('audit.title'), [form, out]);
    load();
  }

  // ---- start

  document.getElementById('signout').addEventListener('click', function () {
    api('POST', '/signout', {}).catch(function () { /* signed out anyway */ }).then(function () {
      state.staff = null; state.csrf = null; location.hash = ''; route();
    });
  });
  document.getElementById('lang').addEventListener('change', function (ev) {
    loadStrings(ev.target.value).then(route);
  });
  window.addEventListener('hashchange', route);

  var saved = 'es';
  try { saved = localStorage.getItem('civica.desk.lang') || 'es'; } catch (e) { /* private mode */ }
  document.getElementById('lang').value = saved;
  loadStrings(saved).then(function () {
    return loadMe().catch(function () { state.staff = null; });
  }).then(route);
}());
