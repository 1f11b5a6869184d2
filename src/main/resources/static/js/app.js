// Sends the CSRF token with every htmx request that changes something.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// Region picker: cascading selects (province → city → district → street → community) that keep the
// deepest chosen code in a hidden input. Markup: <div class="region-picker" data-name=… data-value=…>.
(function () {
  function lang() {
    return document.documentElement.lang === 'en' ? 'en' : 'zh-CN';
  }
  function fetchJson(url) {
    return fetch(url, { headers: { 'Accept': 'application/json', 'Accept-Language': lang() } })
      .then(function (r) { return r.ok ? r.json() : []; });
  }
  function addSelect(picker, regions, level, selected) {
    var select = document.createElement('select');
    select.className = 'form-select mb-1';
    select.dataset.level = level;
    select.setAttribute('aria-label', picker.dataset.label || 'region');
    var empty = document.createElement('option');
    empty.value = '';
    empty.textContent = picker.dataset.placeholder || '—';
    select.appendChild(empty);
    regions.forEach(function (r) {
      var o = document.createElement('option');
      o.value = r.code;
      o.textContent = (lang() === 'en' && r.nameEn) ? r.nameEn : r.name;
      if (r.code === selected) { o.selected = true; }
      select.appendChild(o);
    });
    select.addEventListener('change', function () { changed(picker, select); });
    picker.appendChild(select);
    return select;
  }
  function changed(picker, select) {
    var level = parseInt(select.dataset.level, 10);
    picker.querySelectorAll('select').forEach(function (s) {
      if (parseInt(s.dataset.level, 10) > level) { s.remove(); }
    });
    var hidden = picker.querySelector('input[type=hidden]');
    var value = select.value;
    if (!value) {
      var parent = picker.querySelector('select[data-level="' + (level - 1) + '"]');
      hidden.value = parent ? parent.value : '';
      return;
    }
    hidden.value = value;
    fetchJson('/api/v1/regions/' + value + '/children').then(function (children) {
      if (children.length) { addSelect(picker, children, level + 1, null); }
    });
  }
  function init(picker) {
    var value = picker.dataset.value;
    fetchJson('/api/v1/regions').then(function (provinces) {
      if (!value) { addSelect(picker, provinces, 0, null); return; }
      fetchJson('/api/v1/regions/' + value).then(function (detail) {
        var path = (detail && detail.path) ? detail.path.map(function (r) { return r.code; }) : [];
        var chain = Promise.resolve();
        addSelect(picker, provinces, 0, path[0]);
        path.forEach(function (code, i) {
          chain = chain.then(function () {
            return fetchJson('/api/v1/regions/' + code + '/children').then(function (children) {
              if (children.length) { addSelect(picker, children, i + 1, path[i + 1]); }
            });
          });
        });
      });
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('.region-picker').forEach(init);
  });
})();

// "Near me" on the activity search: the browser's position fills the hidden fields; when
// the browser refuses or cannot tell, the page says what to do next to the button.
document.addEventListener('DOMContentLoaded', function () {
  var button = document.getElementById('near-me');
  if (!button) { return; }
  var problem = document.getElementById('near-me-problem');
  function refused() { if (problem) { problem.hidden = false; } }
  button.addEventListener('click', function () {
    if (problem) { problem.hidden = true; }
    if (!navigator.geolocation) { refused(); return; }
    navigator.geolocation.getCurrentPosition(function (position) {
      var form = document.getElementById('activity-search');
      form.querySelector('[name=lat]').value = position.coords.latitude.toFixed(6);
      form.querySelector('[name=lng]').value = position.coords.longitude.toFixed(6);
      if (!form.querySelector('[name=radiusKm]').value) { form.querySelector('[name=radiusKm]').value = '10'; }
      form.submit();
    }, refused, { maximumAge: 60000, timeout: 15000 });
  });
});

// Check-in on the phone: the position goes with the form; the code comes from the camera
// (the browser's BarcodeDetector where it exists, else the html5-qrcode reader) or is typed.
document.addEventListener('DOMContentLoaded', function () {
  var form = document.getElementById('checkin-form');
  if (!form) { return; }
  var status = document.getElementById('geo-status');
  function denied() {
    status.textContent = status.getAttribute('data-denied');
    status.classList.remove('text-muted');
    status.classList.add('text-danger');
  }
  if (navigator.geolocation) {
    navigator.geolocation.watchPosition(function (p) {
      document.getElementById('geo-lat').value = p.coords.latitude;
      document.getElementById('geo-lng').value = p.coords.longitude;
      document.getElementById('geo-accuracy').value = Math.round(p.coords.accuracy);
      // the venue's small map (map-picker.js) shows where the person is and how far that is
      document.dispatchEvent(new CustomEvent('zhiyuan:position',
        { detail: { lat: p.coords.latitude, lng: p.coords.longitude, accuracy: p.coords.accuracy } }));
      status.textContent = '✓ ' + Math.round(p.coords.accuracy) + ' m';
      status.classList.remove('text-danger');
      status.classList.add('text-muted');
    }, denied, { enableHighAccuracy: true, maximumAge: 10000 });
  } else {
    denied();
  }
  var input = document.getElementById('checkin-code');
  function found(text) { input.value = text; }
  document.getElementById('start-scan').addEventListener('click', function () {
    if ('BarcodeDetector' in window && navigator.mediaDevices) {
      var detector = new window.BarcodeDetector({ formats: ['qr_code'] });
      var video = document.createElement('video');
      video.setAttribute('playsinline', '');
      video.style.width = '100%';
      document.getElementById('scanner').appendChild(video);
      navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }).then(function (stream) {
        video.srcObject = stream;
        video.play();
        var timer = setInterval(function () {
          detector.detect(video).then(function (codes) {
            if (codes.length) {
              found(codes[0].rawValue);
              clearInterval(timer);
              stream.getTracks().forEach(function (t) { t.stop(); });
              video.remove();
            }
          });
        }, 300);
      });
    } else if (window.Html5Qrcode) {
      var reader = new window.Html5Qrcode('scanner');
      reader.start({ facingMode: 'environment' }, { fps: 5, qrbox: 240 }, function (text) {
        found(text);
        reader.stop();
      });
    }
  });
});

// Menu bar: marks the link to the page shown (and "More" when that link is under it).
(function () {
  var here = window.location.pathname;
  document.querySelectorAll('nav.navbar .nav-link[href], nav.navbar .dropdown-item[href]').forEach(function (link) {
    if (link.getAttribute('href') !== here) { return; }
    link.classList.add('active');
    link.setAttribute('aria-current', 'page');
    var fold = link.closest('.dropdown');
    if (fold) { fold.querySelector('.dropdown-toggle').classList.add('active'); }
  });
})();

// People picker: a picked match becomes a hidden input (replacing the one before unless
// several may be picked), shown as a removable chip; Enter in the search box searches.
(function () {
  function pick(button) {
    var picker = button.closest('.person-picker');
    var chosen = picker.querySelector('[data-chosen]');
    var id = button.getAttribute('data-person-id');
    var multiple = picker.getAttribute('data-multiple') === 'true';
    if (!multiple) { chosen.innerHTML = ''; }
    if (chosen.querySelector('input[value="' + id + '"]')) { return; }
    var chip = document.createElement('span');
    chip.className = 'badge text-bg-light border d-inline-flex align-items-center gap-1 person-chosen';
    chip.textContent = button.getAttribute('data-person-label');
    var input = document.createElement('input');
    input.type = 'hidden';
    input.name = picker.getAttribute('data-name');
    input.value = id;
    chip.appendChild(input);
    var remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'btn-close btn-close-sm';
    remove.setAttribute('aria-label', '×');
    remove.addEventListener('click', function () { chip.remove(); });
    chip.appendChild(remove);
    chosen.appendChild(chip);
    picker.querySelector('.person-picker-matches').innerHTML = '';
    var box = picker.querySelector('input[type="search"]');
    box.value = '';
    if (multiple) { box.focus(); }
  }
  document.addEventListener('click', function (event) {
    var button = event.target.closest('.person-picker .person-match');
    if (button) { pick(button); }
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && event.target.matches('.person-picker input[type="search"]')) {
      event.preventDefault();
      if (window.htmx) { window.htmx.trigger(event.target, 'search'); }
    }
  });
})();

// The launch of a mobilization: the scene's circle follows the radius in kilometres (the map
// picker draws metres from a hidden input).
document.addEventListener('DOMContentLoaded', function () {
  var km = document.getElementById('launch-radius');
  var m = document.getElementById('radius-km-m');
  if (!km || !m) { return; }
  function sync() {
    var v = parseFloat(km.value);
    m.value = isFinite(v) ? String(v * 1000) : '';
    m.dispatchEvent(new Event('input'));
  }
  km.addEventListener('input', sync);
  sync();
});
