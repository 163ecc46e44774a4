/*
 * The results map of the console, drawn offline as SVG from this service's JSON (/console/results/...): no tiles, no
 * library. Web Mercator; the SVG's user units are the map's own, so panning and zooming only change the viewBox, and
 * lines keep their width on screen (vector-effect). The trips are reloaded at the zoom level of rendering_metadata
 * nearest to the view's, inside the view (and a view's width around it), after each pan or zoom settles.
 */
(function () {
  'use strict';
  const map = document.getElementById('map');
  if (!map) {
    return;
  }
  const SVG = 'http://www.w3.org/2000/svg';
  const WORLD = 256;            // Web Mercator pixels of the whole world at zoom 0
  const UNITS = 1000;           // the map's units across the user's extent: keeps coordinates far from float limits
  const STAY_RADIUS_PX = 5;
  const LABEL_PX = 11;
  const user = map.dataset.user;
  const status = document.getElementById('map-status');
  const legend = document.getElementById('map-legend');
  const attribution = document.getElementById('map-attribution');

  let origin = [0, 0];          // world pixels at the map's 0,0
  let scale = 1;                // map units per world pixel
  let home = null;              // the view that fits everything
  let view = null;              // {x, y, w, h} in map units
  let zooms = [];
  let loaded = {zoom: null, box: null};
  let settle = null;
  let generation = 0;

  const svg = element('svg', {class: 'map-svg', 'aria-hidden': 'true', focusable: 'false'});
  const layers = {};
  ['basemap', 'graticule', 'trips', 'stays'].forEach(name => {
    layers[name] = element('g', {class: name});
    svg.appendChild(layers[name]);
  });
  map.appendChild(svg);

  function element(name, attributes) {
    const node = document.createElementNS(SVG, name);
    Object.entries(attributes || {}).forEach(([key, value]) => node.setAttribute(key, value));
    return node;
  }

  function clampLat(lat) {
    return Math.max(-85.05112878, Math.min(85.05112878, lat));
  }

  function toMap(lat, lon) {
    const sin = Math.sin(clampLat(lat) * Math.PI / 180);
    const x = (lon + 180) / 360 * WORLD;
    const y = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * WORLD;
    return [(x - origin[0]) * scale, (y - origin[1]) * scale];
  }

  function toLatLon(mx, my) {
    const x = mx / scale + origin[0];
    const y = my / scale + origin[1];
    const n = Math.PI - 2 * Math.PI * y / WORLD;
    return [180 / Math.PI * Math.atan(Math.sinh(n)), x / WORLD * 360 - 180];
  }

  /** Google's encoded polyline, precision 5, latitude first: a flat [lat, lon, lat, lon, ...]. */
  function decode(text) {
    const points = [];
    let index = 0;
    let lat = 0;
    let lon = 0;
    while (index < text.length) {
      for (let axis = 0; axis < 2; axis++) {
        let shift = 0;
        let result = 0;
        let byte;
        do {
          byte = text.charCodeAt(index++) - 63;
          result |= (byte & 0x1f) << shift;
          shift += 5;
        } while (byte >= 0x20);
        const delta = (result & 1) ? ~(result >> 1) : (result >> 1);
        if (axis === 0) {
          lat += delta;
        } else {
          lon += delta;
        }
      }
      points.push(lat / 1e5, lon / 1e5);
    }
    return points;
  }

  function pixelsPerUnit() {
    return map.clientWidth / view.w;
  }

  /** The Web Mercator zoom level the view is at: 2^z screen pixels per world pixel of zoom 0. */
  function viewZoom() {
    return Math.log2(pixelsPerUnit() * scale);
  }

  function nearestZoom() {
    const wanted = viewZoom();
    return zooms.reduce((best, z) => Math.abs(z - wanted) < Math.abs(best - wanted) ? z : best, zooms[0]);
  }

  function setView(next) {
    const aspect = Math.max(map.clientHeight, 1) / Math.max(map.clientWidth, 1);
    view = {x: next.x, y: next.y, w: next.w, h: next.w * aspect};
    svg.setAttribute('viewBox', [view.x, view.y, view.w, view.h].join(' '));
    const unitsPerPixel = view.w / Math.max(map.clientWidth, 1);
    svg.style.setProperty('--stay-r', (STAY_RADIUS_PX * unitsPerPixel) + 'px');
    svg.style.setProperty('--label-size', (LABEL_PX * unitsPerPixel) + 'px');
    drawGraticule();
    clearTimeout(settle);
    settle = setTimeout(reload, 200);
  }

  function zoomBy(factor, cx, cy) {
    const x = cx === undefined ? view.x + view.w / 2 : cx;
    const y = cy === undefined ? view.y + view.h / 2 : cy;
    const w = Math.max(Math.min(view.w / factor, home.w * 64), home.w / 65536);
    setView({x: x - (x - view.x) * w / view.w, y: y - (y - view.y) * w / view.w, w: w});
  }

  function panBy(dx, dy) {
    setView({x: view.x + dx * view.w, y: view.y + dy * view.h, w: view.w});
  }

  /** The view in degrees, widened by {@code margin} views on each side (clamped to the world). */
  function bounds(margin) {
    const x0 = view.x - margin * view.w;
    const x1 = view.x + (1 + margin) * view.w;
    const y0 = view.y - margin * view.h;
    const y1 = view.y + (1 + margin) * view.h;
    const [north, west] = toLatLon(x0, y0);
    const [south, east] = toLatLon(x1, y1);
    return {south: Math.max(south, -90), west: Math.max(west, -180), north: Math.min(north, 90),
      east: Math.min(east, 180)};
  }

  function inside(inner, outer) {
    return outer && inner.south >= outer.south && inner.north <= outer.north && inner.west >= outer.west
      && inner.east <= outer.east;
  }

  function query(box) {
    return 'south=' + box.south.toFixed(6) + '&west=' + box.west.toFixed(6) + '&north=' + box.north.toFixed(6)
      + '&east=' + box.east.toFixed(6);
  }

  async function json(url) {
    const response = await fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
    if (!response.ok) {
      throw new Error(url.split('?')[0] + ' answered ' + response.status);
    }
    return response.json();
  }

  /** Trips (and the basemap) again when the view left what was loaded or needs another zoom level. */
  async function reload() {
    const zoom = zooms.length ? nearestZoom() : null;
    if (zoom === loaded.zoom && inside(bounds(0), loaded.box)) {
      return;
    }
    const box = bounds(1);
    const mine = ++generation;
    const started = performance.now();
    try {
      const degreesPerPixel = Math.max((box.east - box.west) / (3 * map.clientWidth), 1e-7);
      const [trips, basemap] = await Promise.all([
        zoom === null ? Promise.resolve([])
          : json('/console/results/trips?user_id=' + encodeURIComponent(user) + '&zoom=' + zoom + '&' + query(box)),
        json('/console/results/basemap?' + query(box) + '&degrees_per_pixel=' + degreesPerPixel.toPrecision(6))]);
      if (mine !== generation) {
        return;
      }
      const fetched = performance.now();
      drawBasemap(basemap);
      const points = drawTrips(trips);
      loaded = {zoom: zoom, box: box};
      await painted();
      const done = performance.now();
      map.dataset.zoom = zoom === null ? '' : String(zoom);
      map.dataset.trips = String(trips.length);
      map.dataset.points = String(points);
      map.dataset.fetchMs = (fetched - started).toFixed(0);
      map.dataset.renderMs = (done - fetched).toFixed(0);
      status.textContent = trips.length + ' trips (' + points.toLocaleString('en') + ' points at zoom '
        + (zoom === null ? 'none: rendering_metadata has not run' : zoom) + ') and '
        + layers.stays.childElementCount + ' stays; loaded in ' + map.dataset.fetchMs + ' ms, drawn in '
        + map.dataset.renderMs + ' ms.';
    } catch (error) {
      status.textContent = 'The map could not be loaded: ' + error.message;
    }
  }

  /** After the browser painted what was inserted: the next frame, then the task after it. */
  function painted() {
    return new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)));
  }

  function drawTrips(trips) {
    const modes = new Set();
    const fragment = document.createDocumentFragment();
    let total = 0;
    trips.forEach(trip => {
      const points = decode(trip.polyline);
      total += points.length / 2;
      const parts = [];
      for (let i = 0; i < points.length; i += 2) {
        const [x, y] = toMap(points[i], points[i + 1]);
        parts.push((i === 0 ? 'M' : 'L') + x.toFixed(3) + ' ' + y.toFixed(3));
      }
      if (points.length === 2) {
        parts.push('l0 0');
      }
      const path = element('path', {d: parts.join(''), class: 'trip mode-' + trip.mode, 'data-trip': trip.id,
        'vector-effect': 'non-scaling-stroke'});
      const title = element('title');
      title.textContent = 'Trip ' + trip.id + ', ' + trip.mode + ', ' + trip.startedAt + ' to ' + trip.finishedAt
        + ', ' + trip.points + ' fixes';
      path.appendChild(title);
      fragment.appendChild(path);
      modes.add(trip.mode);
    });
    layers.trips.replaceChildren(fragment);
    drawLegend(modes);
    return total;
  }

  function drawLegend(modes) {
    legend.replaceChildren();
    [...modes].sort().forEach(mode => {
      const item = document.createElement('li');
      const swatch = element('svg', {width: 28, height: 10, 'aria-hidden': 'true'});
      swatch.appendChild(element('line', {x1: 0, y1: 5, x2: 28, y2: 5, class: 'trip mode-' + mode}));
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(' ' + mode.replace('_', ' ')));
      legend.appendChild(item);
    });
    const stay = document.createElement('li');
    const dot = element('svg', {width: 28, height: 10, 'aria-hidden': 'true'});
    dot.appendChild(element('circle', {cx: 14, cy: 5, r: 4, class: 'stay'}));
    stay.appendChild(dot);
    stay.appendChild(document.createTextNode(' stay'));
    legend.appendChild(stay);
  }

  function drawStays(stays) {
    const fragment = document.createDocumentFragment();
    stays.forEach(stay => {
      const [x, y] = toMap(stay.lat, stay.lon);
      const circle = element('circle', {cx: x.toFixed(3), cy: y.toFixed(3), class: 'stay', 'data-stay': stay.id});
      const title = element('title');
      title.textContent = 'Stay ' + stay.id + ', ' + stay.startedAt + ' to ' + stay.finishedAt + ', '
        + stay.points + ' fixes';
      circle.appendChild(title);
      fragment.appendChild(circle);
    });
    layers.stays.replaceChildren(fragment);
  }

  function drawBasemap(basemap) {
    const fragment = document.createDocumentFragment();
    basemap.areas.forEach(area => {
      const parts = area.rings.map(ring => {
        const moves = [];
        for (let i = 0; i < ring.length; i += 2) {
          const [x, y] = toMap(ring[i + 1], ring[i]);
          moves.push((i === 0 ? 'M' : 'L') + x.toFixed(3) + ' ' + y.toFixed(3));
        }
        return moves.join('') + 'Z';
      });
      const path = element('path', {d: parts.join(''), class: 'area level-' + area.level,
        'data-area': area.code, 'vector-effect': 'non-scaling-stroke'});
      const title = element('title');
      title.textContent = area.name + ' (' + area.code + ')';
      path.appendChild(title);
      fragment.appendChild(path);
    });
    layers.basemap.replaceChildren(fragment);
    map.dataset.areas = String(basemap.areas.length);
    attribution.textContent = basemap.areas.length ? 'Basemap: admin areas of the active reference load'
      + (basemap.attribution ? ' (' + basemap.attribution + ')' : '') + '.'
      : 'No admin areas loaded here: coordinates only.';
  }

  /** Lines of latitude and longitude at a round step, about five across the view, labelled in degrees. */
  function drawGraticule() {
    const box = bounds(0);
    const span = Math.max(box.east - box.west, 1e-6);
    const steps = [1e-4, 2e-4, 5e-4, 1e-3, 2e-3, 5e-3, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 30, 45];
    const step = steps.find(s => span / s <= 6) || 90;
    const digits = Math.max(0, -Math.floor(Math.log10(step)));
    const fragment = document.createDocumentFragment();
    for (let lon = Math.ceil(box.west / step) * step; lon <= box.east; lon += step) {
      const [x] = toMap(0, lon);
      fragment.appendChild(element('line', {x1: x, y1: view.y, x2: x, y2: view.y + view.h,
        'vector-effect': 'non-scaling-stroke'}));
      fragment.appendChild(label(x, view.y + view.h, lon.toFixed(digits) + '°'));
    }
    for (let lat = Math.ceil(box.south / step) * step; lat <= box.north; lat += step) {
      const [, y] = toMap(lat, 0);
      fragment.appendChild(element('line', {x1: view.x, y1: y, x2: view.x + view.w, y2: y,
        'vector-effect': 'non-scaling-stroke'}));
      fragment.appendChild(label(view.x, y, lat.toFixed(digits) + '°'));
    }
    layers.graticule.replaceChildren(fragment);
  }

  function label(x, y, text) {
    const node = element('text', {x: x, y: y, dx: '0.3em', dy: '-0.3em'});
    node.textContent = text;
    return node;
  }

  function fit(extent) {
    const sin = lat => Math.sin(clampLat(lat) * Math.PI / 180);
    const worldY = lat => (0.5 - Math.log((1 + sin(lat)) / (1 - sin(lat))) / (4 * Math.PI)) * WORLD;
    const east = extent.east < extent.west ? extent.east + 360 : extent.east;
    const width = Math.max((east - extent.west) / 360 * WORLD, 1e-6);
    const height = Math.max(worldY(extent.south) - worldY(extent.north), 1e-6);
    origin = [(extent.west + 180) / 360 * WORLD, worldY(extent.north)];
    scale = UNITS / Math.max(width, height);
    const aspect = Math.max(map.clientHeight, 1) / Math.max(map.clientWidth, 1);
    const w = Math.max(width * scale, height * scale / aspect) * 1.1;
    home = {x: width * scale / 2 - w / 2, y: height * scale / 2 - w * aspect / 2, w: w};
  }

  function bindControls() {
    document.querySelectorAll('[data-map]').forEach(button => button.addEventListener('click', () => {
      if (button.dataset.map === 'in') {
        zoomBy(2);
      } else if (button.dataset.map === 'out') {
        zoomBy(0.5);
      } else {
        setView(home);
      }
    }));
    map.addEventListener('keydown', event => {
      const moves = {ArrowLeft: [-0.2, 0], ArrowRight: [0.2, 0], ArrowUp: [0, -0.2], ArrowDown: [0, 0.2]};
      if (moves[event.key]) {
        panBy(moves[event.key][0], moves[event.key][1]);
      } else if (event.key === '+' || event.key === '=') {
        zoomBy(2);
      } else if (event.key === '-') {
        zoomBy(0.5);
      } else if (event.key === '0') {
        setView(home);
      } else {
        return;
      }
      event.preventDefault();
    });
    map.addEventListener('wheel', event => {
      event.preventDefault();
      const rect = map.getBoundingClientRect();
      zoomBy(event.deltaY < 0 ? 1.25 : 0.8, view.x + (event.clientX - rect.left) / pixelsPerUnit(),
        view.y + (event.clientY - rect.top) / pixelsPerUnit());
    }, {passive: false});
    let drag = null;
    map.addEventListener('pointerdown', event => {
      drag = {x: event.clientX, y: event.clientY, view: view};
      map.setPointerCapture(event.pointerId);
    });
    map.addEventListener('pointermove', event => {
      if (drag) {
        const perPixel = drag.view.w / map.clientWidth;
        setView({x: drag.view.x - (event.clientX - drag.x) * perPixel,
          y: drag.view.y - (event.clientY - drag.y) * perPixel, w: drag.view.w});
      }
    });
    map.addEventListener('pointerup', () => {
      drag = null;
    });
  }

  async function start() {
    try {
      const overview = await json('/console/results/overview?user_id=' + encodeURIComponent(user));
      if (!overview.extent) {
        status.textContent = 'No stays and no trips of ' + user + ' to draw: stay_detection and rendering_metadata'
          + ' have no results for this user.';
        return;
      }
      zooms = overview.zooms;
      fit(overview.extent);
      drawStays(overview.stays);
      bindControls();
      setView(home);
      clearTimeout(settle);
      await reload();
    } catch (error) {
      status.textContent = 'The map could not be loaded: ' + error.message;
    }
  }

  start();
})();
