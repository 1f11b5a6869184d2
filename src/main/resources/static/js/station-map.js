// The public station map (Leaflet with Leaflet.markercluster): the open stations in view as
// markers, gathered into clusters where they crowd, and listed as cards beside the map (under
// it on a phone). Every move of the map asks /api/v1/stations for the stations in the new
// bounding box as GeoJSON, with the page's region and kind, and redraws markers and list.
// Settings come from .map-settings (zhiyuan.map.*); with no tile URL the map is a blank plane.
(function () {
  'use strict';

  var TILE_ERRORS_BEFORE_NOTICE = 3;

  function format(template, args) {
    return String(template || '').replace(/%(\d)/g, function (all, i) {
      return (args[i] !== undefined) ? args[i] : all;
    });
  }

  function clamp(value, limit) {
    return Math.max(-limit, Math.min(limit, value));
  }

  function init() {
    var element = document.getElementById('station-map');
    if (!element || !window.L) { return; }
    var data = element.dataset;
    var s = (document.querySelector('.map-settings') || { dataset: {} }).dataset;
    element.hidden = false;
    var maxZoom = parseInt(s.maxZoom, 10) || 19;
    var map = L.map(element, { maxZoom: maxZoom, zoomSnap: 1 });
    map.attributionControl.setPrefix(false);
    if (s.tileUrl) {
      var errors = 0;
      var tiles = L.tileLayer(s.tileUrl, { maxZoom: maxZoom, attribution: s.attribution || '' });
      tiles.on('tileerror', function () {
        errors += 1;
        if (errors === TILE_ERRORS_BEFORE_NOTICE) { element.classList.add('map-no-tiles'); }
      });
      tiles.addTo(map);
    } else {
      element.classList.add('map-no-tiles');
    }
    L.control.scale({ imperial: false }).addTo(map);

    // without the clustering plugin the markers are drawn one by one
    var layer = L.markerClusterGroup
      ? L.markerClusterGroup({ maxClusterRadius: 60, showCoverageOnHover: false, spiderfyOnMaxZoom: true })
      : L.layerGroup();
    layer.addTo(map);

    var kinds = {};
    document.querySelectorAll('.station-kinds [data-kind]').forEach(function (item) {
      kinds[item.dataset.kind] = item.textContent;
    });
    var list = document.getElementById('station-list');
    var count = document.getElementById('station-count');
    var limit = parseInt(data.limit, 10) || 200;
    var sequence = 0;
    var loads = 0;

    function badge(properties) {
      var span = document.createElement('span');
      var complete = properties.checklistComplete;
      span.className = 'badge station-badge ' + (complete ? 'text-bg-success' : 'text-bg-secondary');
      span.dataset.met = properties.checklistMet;
      span.textContent = format(complete ? data.badgeComplete : data.badgePartial, [properties.checklistMet]);
      return span;
    }

    function line(text, className) {
      var div = document.createElement('div');
      div.className = className;
      div.textContent = text || '';
      return div;
    }

    function card(feature) {
      var p = feature.properties;
      var outer = document.createElement('div');
      outer.className = 'card station-card';
      outer.dataset.stationId = feature.id;
      var body = document.createElement('div');
      body.className = 'card-body py-2 px-3';
      var link = document.createElement('a');
      link.className = 'fw-semibold d-block text-break';
      link.href = data.page + feature.id;
      link.textContent = p.name;
      body.appendChild(link);
      var tags = document.createElement('div');
      tags.className = 'small d-flex flex-wrap gap-1 align-items-center mt-1';
      var kind = document.createElement('span');
      kind.className = 'badge text-bg-light border station-kind';
      kind.textContent = kinds[p.kind] || p.kind;
      tags.appendChild(kind);
      tags.appendChild(badge(p));
      body.appendChild(tags);
      body.appendChild(line(p.address, 'small text-body-secondary text-break mt-1'));
      body.appendChild(line(p.openingHours, 'small text-body-secondary text-break'));
      outer.appendChild(body);
      return outer;
    }

    function popup(feature) {
      var box = document.createElement('div');
      var link = document.createElement('a');
      link.href = data.page + feature.id;
      link.textContent = feature.properties.name;
      box.appendChild(link);
      box.appendChild(line(kinds[feature.properties.kind] || feature.properties.kind, 'small'));
      return box;
    }

    function render(collection) {
      var markers = [];
      layer.clearLayers();
      list.textContent = '';
      collection.features.forEach(function (feature) {
        var lng = feature.geometry.coordinates[0];
        var lat = feature.geometry.coordinates[1];
        var marker = L.marker([lat, lng], { title: feature.properties.name, alt: feature.properties.name });
        marker.bindPopup(popup(feature));
        markers.push(marker);
        list.appendChild(card(feature));
      });
      if (layer.addLayers) { layer.addLayers(markers); } else { markers.forEach(function (m) { layer.addLayer(m); }); }
      count.textContent = format(data.inView, [collection.total]);
      if (collection.total > collection.features.length) {
        list.appendChild(line(data.more, 'small text-body-secondary'));
      }
      if (collection.total === 0) {
        list.appendChild(line(data.none, 'small text-body-secondary'));
      }
      loads += 1;
      element.dataset.markers = String(markers.length);
      element.dataset.loads = String(loads);
    }

    function load() {
      var b = map.getBounds();
      var box = [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180), clamp(b.getNorth(), 90)]
        .map(function (v) { return v.toFixed(6); }).join(',');
      var params = new URLSearchParams();
      params.set('bbox', box);
      params.set('size', String(limit));
      if (data.regionCode) { params.set('regionCode', data.regionCode); }
      if (data.kind) { params.set('kind', data.kind); }
      var mine = ++sequence;
      fetch(data.api + '?' + params.toString(), { headers: { 'Accept': 'application/geo+json' } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (collection) {
          if (collection && mine === sequence) { render(collection); }
        })
        .catch(function () { /* the list keeps what it showed */ });
    }

    var timer = null;
    map.on('moveend', function () {
      clearTimeout(timer);
      timer = setTimeout(load, 200);
    });

    var bounds = (data.bounds || '').split(',').map(parseFloat);
    if (bounds.length === 4 && bounds.every(isFinite)) {
      var corners = L.latLngBounds([bounds[0], bounds[1]], [bounds[2], bounds[3]]);
      if (corners.getNorthEast().equals(corners.getSouthWest())) {
        map.setView(corners.getCenter(), 16);
      } else {
        map.fitBounds(corners, { padding: [24, 24], maxZoom: 16 });
      }
    } else {
      map.setView([parseFloat(s.centerLat) || 39.9042, parseFloat(s.centerLng) || 116.4074], parseInt(s.zoom, 10) || 11);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
