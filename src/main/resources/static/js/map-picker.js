// Maps (Leaflet): the map picker of forms that take a place, and the small maps of pages
// that show one. Settings come from the page's .map-settings element (zhiyuan.map.*); with
// no tile URL, or when tiles fail to load, a map is a blank plane that still takes a tap,
// so a point can be set by the place search, the device's position or a tap, and the
// coordinates are written out for the person to check.
(function () {
  'use strict';

  var TILE_ERRORS_BEFORE_NOTICE = 3;

  function settings() {
    var element = document.querySelector('.map-settings');
    return element ? element.dataset : {};
  }

  // the pages pass their messages with %0, %1 where the values go
  function format(template, args) {
    return String(template || '').replace(/%(\d)/g, function (all, i) {
      return (args[i] !== undefined) ? args[i] : all;
    });
  }

  function fixed(value) {
    return Number(value).toFixed(6);
  }

  function coordinates(point) {
    return format(settings().coordinates || '%0, %1', [fixed(point.lat), fixed(point.lng)]);
  }

  // A map with the configured tiles, or none; tells `onTilesFailed` once when tiles do not load.
  function baseMap(element, options, onTilesFailed) {
    var s = settings();
    var maxZoom = parseInt(s.maxZoom, 10) || 19;
    var map = L.map(element, Object.assign({ maxZoom: maxZoom, zoomSnap: 1 }, options || {}));
    map.attributionControl.setPrefix(false);
    if (s.tileUrl) {
      var errors = 0;
      var layer = L.tileLayer(s.tileUrl, { maxZoom: maxZoom, attribution: s.attribution || '' });
      layer.on('tileerror', function () {
        errors += 1;
        if (errors === TILE_ERRORS_BEFORE_NOTICE) {
          element.classList.add('map-no-tiles');
          if (onTilesFailed) { onTilesFailed(); }
        }
      });
      layer.addTo(map);
    } else {
      element.classList.add('map-no-tiles');
    }
    L.control.scale({ imperial: false }).addTo(map);
    return map;
  }

  function defaultView(map) {
    var s = settings();
    map.setView([parseFloat(s.centerLat) || 39.9042, parseFloat(s.centerLng) || 116.4074],
      parseInt(s.zoom, 10) || 11);
  }

  function validPoint(lat, lng) {
    return isFinite(lat) && isFinite(lng) && lat >= -90 && lat <= 90 && lng >= -180 && lng <= 180;
  }

  // --- the picker ---
  function initPicker(picker) {
    var form = picker.closest('form');
    var latInput = picker.querySelector('input[data-coordinate=lat]');
    var lngInput = picker.querySelector('input[data-coordinate=lng]');
    var radiusInput = picker.dataset.radiusInput ? document.getElementById(picker.dataset.radiusInput) : null;
    var addressInput = picker.dataset.addressInput ? document.getElementById(picker.dataset.addressInput) : null;
    var live = picker.querySelector('.map-picker-live');
    var readout = picker.querySelector('.map-picker-readout');
    var problem = picker.querySelector('.map-picker-problem');
    var matches = picker.querySelector('.map-picker-matches');
    var query = picker.querySelector('.map-picker-query');
    live.hidden = false;

    var map = baseMap(picker.querySelector('.map-picker-map'), {}, function () {
      picker.querySelector('.map-picker-tiles-failed').hidden = false;
    });
    var marker = null;
    var circle = null;

    function current() {
      var lat = parseFloat(latInput.value);
      var lng = parseFloat(lngInput.value);
      return validPoint(lat, lng) ? L.latLng(lat, lng) : null;
    }
    function radius() {
      var r = radiusInput ? parseFloat(radiusInput.value) : NaN;
      return (isFinite(r) && r > 0 && r <= 50000) ? r : null;
    }
    function draw(pan) {
      var point = current();
      if (!point) {
        if (marker) { marker.remove(); marker = null; }
        if (circle) { circle.remove(); circle = null; }
        readout.textContent = picker.dataset.notChosen;
        return;
      }
      if (!marker) {
        marker = L.marker(point, { draggable: true, autoPan: true }).addTo(map);
        marker.on('dragend', function () { set(marker.getLatLng(), false); });
      } else {
        marker.setLatLng(point);
      }
      var r = radius();
      if (r && !circle) {
        circle = L.circle(point, { radius: r, color: '#c8102e', weight: 2, fillOpacity: 0.08, interactive: false }).addTo(map);
      } else if (r) {
        circle.setLatLng(point);
        circle.setRadius(r);
      } else if (circle) {
        circle.remove();
        circle = null;
      }
      readout.textContent = format(picker.dataset.chosen, [coordinates(point)]);
      if (pan) {
        map.setView(point, Math.max(map.getZoom(), 16));
      }
    }
    function set(latlng, pan) {
      var point = latlng.wrap();
      latInput.value = fixed(point.lat);
      lngInput.value = fixed(point.lng);
      latInput.dispatchEvent(new Event('change', { bubbles: true }));
      problem.hidden = true;
      draw(pan);
    }

    var start = current();
    if (start) {
      map.setView(start, 16);
    } else {
      defaultView(map);
    }
    draw(false);

    map.on('click', function (event) { set(event.latlng, false); });
    [latInput, lngInput].forEach(function (input) {
      input.addEventListener('input', function () { draw(true); });
    });
    if (radiusInput) {
      radiusInput.addEventListener('input', function () { draw(false); });
    }
    picker.querySelector('.map-picker-clear').addEventListener('click', function () {
      latInput.value = '';
      lngInput.value = '';
      draw(false);
    });
    picker.querySelector('.map-picker-locate').addEventListener('click', function () {
      problem.hidden = true;
      function denied() {
        problem.textContent = picker.dataset.denied;
        problem.hidden = false;
      }
      if (!navigator.geolocation) { denied(); return; }
      navigator.geolocation.getCurrentPosition(function (position) {
        set(L.latLng(position.coords.latitude, position.coords.longitude), true);
      }, denied, { enableHighAccuracy: true, maximumAge: 60000, timeout: 15000 });
    });

    function search() {
      var params = new URLSearchParams();
      params.set('q', query.value.trim());
      if (picker.dataset.organizationId) { params.set('organizationId', picker.dataset.organizationId); }
      var regionField = form ? form.querySelector('input[type=hidden][name=regionCode]') : null;
      var region = (regionField && regionField.value) ? regionField.value : picker.dataset.regionCode;
      if (region) { params.set('regionCode', region); }
      fetch(picker.dataset.searchUrl + '?' + params.toString(), {
        credentials: 'same-origin', headers: { 'Accept': 'text/html' }
      }).then(function (response) {
        return response.ok ? response.text() : '';
      }).then(function (html) {
        matches.innerHTML = html;
      }).catch(function () {
        matches.innerHTML = '';
      });
    }
    picker.querySelector('.map-picker-search').addEventListener('click', search);
    query.addEventListener('keydown', function (event) {
      // Enter searches the places; it must not send the form
      if (event.key === 'Enter') {
        event.preventDefault();
        search();
      }
    });
    matches.addEventListener('click', function (event) {
      var button = event.target.closest('.place-match');
      if (!button) { return; }
      set(L.latLng(parseFloat(button.dataset.lat), parseFloat(button.dataset.lng)), true);
      if (addressInput && !addressInput.value.trim()) {
        addressInput.value = button.dataset.name;
      }
      matches.innerHTML = '';
    });
  }

  // --- the small map of a place ---
  function initView(element) {
    element.hidden = false;
    var point = L.latLng(parseFloat(element.dataset.lat), parseFloat(element.dataset.lng));
    // a small map in a page that scrolls: it neither pans nor zooms under a finger or a wheel
    var map = baseMap(element, { dragging: false, scrollWheelZoom: false, touchZoom: false, doubleClickZoom: false,
      boxZoom: false, keyboard: false });
    var radius = parseFloat(element.dataset.radius);
    var circle = null;
    if (isFinite(radius) && radius > 0) {
      circle = L.circle(point, { radius: radius, color: '#c8102e', weight: 2, fillOpacity: 0.08, interactive: false }).addTo(map);
    }
    L.marker(point, { keyboard: false, interactive: false, title: element.dataset.label || '' }).addTo(map);
    // the circle's own bounds need a map with a view; the point's do not
    function around() {
      return circle ? point.toBounds(radius * 2) : L.latLngBounds([point, point]);
    }
    var bounds = around();
    var points = (element.dataset.points === 'true') ? document.querySelectorAll('[data-map-point]') : [];
    points.forEach(function (item) {
      var lat = parseFloat(item.dataset.lat);
      var lng = parseFloat(item.dataset.lng);
      if (!validPoint(lat, lng)) { return; }
      var dot = L.circleMarker([lat, lng], { radius: 6, color: '#a50d26', weight: 2, fillOpacity: 0.6 }).addTo(map);
      if (item.dataset.label) {
        var link = document.createElement('a');
        link.textContent = item.dataset.label;
        link.href = item.dataset.href || '#';
        dot.bindPopup(link);
      }
      bounds.extend([lat, lng]);
    });
    function fit() {
      if (bounds.getNorthEast().equals(bounds.getSouthWest())) {
        map.setView(point, 16);
      } else {
        map.fitBounds(bounds, { padding: [16, 16], maxZoom: 17 });
      }
    }
    fit();

    var target = element.parentNode.querySelector('.map-view-distance');
    if (element.dataset.distance && target) {
      var you = null;
      document.addEventListener('zhiyuan:position', function (event) {
        var here = L.latLng(event.detail.lat, event.detail.lng);
        if (!you) {
          you = L.circleMarker(here, { radius: 7, color: '#0d6efd', weight: 3, fillOpacity: 0.5 }).addTo(map);
          you.bindTooltip(settings().you || '', { permanent: false });
        } else {
          you.setLatLng(here);
        }
        var meters = Math.round(map.distance(point, here));
        var text = format(element.dataset.distance, [meters]);
        if (circle) {
          text += (meters <= radius) ? element.dataset.inside : format(element.dataset.outside, [Math.round(radius)]);
        }
        target.textContent = text;
        target.hidden = false;
        bounds = around().extend(here);
        fit();
      });
    }
  }

  function init() {
    if (!window.L) { return; }
    document.querySelectorAll('.map-picker').forEach(initPicker);
    document.querySelectorAll('.map-view').forEach(initView);
    // a part of the page that htmx refreshed (a live board) brings its maps anew
    document.body.addEventListener('htmx:afterSettle', function (event) {
      event.target.querySelectorAll('.map-view').forEach(initView);
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
