/* /verify/{id}: sends the chosen or dropped PDF to the same URL and shows whether it is the one issued. */
(function () {
  'use strict';
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
})();
