/* /verify/{id}: sends the chosen or dropped PDF to the same URL and shows whether it is the one issued; when the
   page was opened from the QR code (#t=<signed token>, never sent to the server), checks the token's EdDSA
   signature in the browser against the issuer's published key and compares what it states with this record. */
(function () {
  'use strict';
  checkToken();
  var input = document.getElementById('pdf');
  var drop = document.getElementById('drop');
  var out = document.getElementById('compare-result');
  if (!input || !drop || !out) { return; }

  function show(text, cls) {
    out.textContent = text;
    out.className = 'compare-result' + (cls ? ' ' + cls : '');
  }

  function check(file) {
    if (!file) { return; }
    show('Comprobando «' + file.name + '»…', '');
    fetch(location.pathname, {
      method: 'POST', credentials: 'omit', body: file,
      headers: { 'Content-Type': 'application/pdf', 'Accept': 'application/json' }
    }).then(function (r) {
      return r.json().then(function (json) { return { status: r.status, json: json }; });
    }).then(function (r) {
      if (r.status === 429) { show('Demasiadas consultas: espere ' + r.json.retryAfter + ' s.', 'altered'); return; }
      if (r.status === 413) { show('Ese archivo es demasiado grande para ser un certificado.', 'altered'); return; }
      if (r.json.identical) {
        show('Idéntico al emitido: el PDF «' + file.name + '» es exactamente el que emitimos.', 'identical');
      } else if (r.json.result === 'ALTERED') {
        show('Alterado: el PDF «' + file.name + '» no es el que emitimos. Fíese solo de los datos de esta página.', 'altered');
      } else {
        show('No se pudo comparar el archivo.', 'altered');
      }
    }).catch(function () { show('No se pudo comparar el archivo (sin conexión).', 'altered'); });
  }

  input.addEventListener('change', function () { check(input.files[0]); });
  ['dragenter', 'dragover'].forEach(function (type) {
    drop.addEventListener(type, function (ev) { ev.preventDefault(); drop.classList.add('over'); });
  });
  ['dragleave', 'drop'].forEach(function (type) {
    drop.addEventListener(type, function (ev) { ev.preventDefault(); drop.classList.remove('over'); });
  });
  drop.addEventListener('drop', function (ev) {
    if (ev.dataTransfer && ev.dataTransfer.files.length) { check(ev.dataTransfer.files[0]); }
  });

  function checkToken() {
    var at = location.hash.indexOf('#t=');
    var box = document.getElementById('token-result');
    if (at !== 0 || !box || !window.crypto || !crypto.subtle || !window.TextEncoder) { return; }
    var token = location.hash.slice(3);
    var parts = token.split('.');
    if (parts.length !== 3) { return; }
    function b64(s) {
      var bin = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4));
      var out = new Uint8Array(bin.length);
      for (var i = 0; i < bin.length; i++) { out[i] = bin.charCodeAt(i); }
      return out;
    }
    function field(name) {
      var el = document.querySelector('[data-field="' + name + '"] dd');
      return el ? el.textContent.trim() : null;
    }
    var claims;
    try { claims = JSON.parse(new TextDecoder().decode(b64(parts[1]))); } catch (e) { return; }
    fetch('/.well-known/civica-issuer.json', { credentials: 'omit' }).then(function (r) { return r.json(); })
      .then(function (doc) {
        var input = new TextEncoder().encode(parts[0] + '.' + parts[1]);
        var signature = b64(parts[2]);
        return Promise.all((doc.keys || []).map(function (jwk) {
          return crypto.subtle.importKey('jwk', { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, { name: 'Ed25519' }, false, ['verify'])
            .then(function (key) { return crypto.subtle.verify({ name: 'Ed25519' }, key, signature, input); })
            .catch(function () { return null; });
        }));
      }).then(function (results) {
        if (results.every(function (r) { return r === null; })) { return; }   // no Ed25519 in this browser
        var signed = results.some(function (r) { return r === true; });
        var id = decodeURIComponent(location.pathname.split('/').pop());
        var holder = field('holder');
        var same = signed && claims.jti === id && (holder === null || claims.name === holder)
          && (field('course') === null || claims.crs === field('course'));
        box.textContent = !signed ? 'El código QR no está firmado por el emisor: no se fíe del documento.'
          : same ? 'El código QR está firmado por el emisor y coincide con este registro.'
          : 'El código QR está firmado, pero no coincide con este registro.';
        box.className = 'compare-result ' + (same ? 'identical' : 'altered');
        box.hidden = false;
      }).catch(function () { /* offline: nothing to add */ });
  }
})();
