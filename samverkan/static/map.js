// Samverkan's maps (Leaflet). An element with data-map="ID" reads its settings from the JSON
// script #ID: {boundaries: GeoJSON, tiles: url|"", attribution: str, points: [[lat, lng, label]],
// cells: [{id: h3, boundary: [[lat, lng], …], kind: "hot"|"cold"|"", label: str}]} (hotspot hexagons),
// points_url: a URL answering {points: [[lat, lng], …]} (the internal map's incidents, fetched apart),
// places_url: the named places of the map's municipalities (organisations/views.py), for point pickers.
// A link to "#cell-<h3>" centres the map on that cell and highlights it.
//
// With data-lat-input and data-lng-input it is a point picker (templates/includes/point_picker.html):
// a click, a named place found by the search, "Use my position" or the named-place list fill the two
// inputs, typing in them moves the marker, and the status line names the nearest named place and warns
// when the point is far from all of them. The map is never the only way to give a place.
// With data-polygon-input it draws a polygon: each click adds a corner to the textarea named (see setUpPolygon).
(function () {
  "use strict";
  var STYLE = { color: "#083a66", weight: 2, fillOpacity: 0.06 };
  var MARK = { radius: 8, color: "#a4161a", weight: 3, fillOpacity: 0.6 };
  var POINT = { radius: 3, color: "#1b1b1f", weight: 1, fillOpacity: 0.8 };
  var CELL = {
    hot: { color: "#a4161a", weight: 1, fillOpacity: 0.55 },
    cold: { color: "#0b4f8a", weight: 1, fillOpacity: 0.45 },
    "": { color: "#4a4a55", weight: 1, fillOpacity: 0.1 },
  };
  var CHOSEN_CELL = { weight: 4, color: "#1b1b1f" };

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } }).then(
      function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      }
    );
  }

  function withQuery(url, params) {
    var query = Object.keys(params)
      .map(function (key) { return encodeURIComponent(key) + "=" + encodeURIComponent(params[key]); })
      .join("&");
    return url + (url.indexOf("?") === -1 ? "?" : "&") + query;
  }

  function setUp(element) {
    var config = JSON.parse(document.getElementById(element.dataset.map).textContent);
    var map = L.map(element, { attributionControl: Boolean(config.tiles), maxZoom: 18 });
    if (config.tiles) {
      // The site sends no Referer across origins (Django's same-origin policy), but OpenStreetMap's tile usage
      // policy asks for one: the tiles get the site's origin, never a page's path.
      L.tileLayer(config.tiles, {
        attribution: config.attribution,
        maxZoom: 18,
        referrerPolicy: "strict-origin-when-cross-origin",
      }).addTo(map);
    }
    var outline = L.geoJSON(config.boundaries, { style: STYLE, interactive: false }).addTo(map);
    var cellLayers = {};
    var cells = L.featureGroup((config.cells || []).map(function (cell) {
      var style = Object.assign({ className: "map-cell" }, CELL[cell.kind]);
      var layer = L.polygon(cell.boundary, style).bindTooltip(cell.label);
      if (cell.id) cellLayers[cell.id] = { layer: layer, style: style };
      return layer;
    })).addTo(map);
    map.fitBounds(cells.getLayers().length ? cells.getBounds().pad(0.3) : outline.getBounds());
    function addPoints(points) {
      points.forEach(function (p) {
        var marker = L.circleMarker([p[0], p[1]], p[2] ? MARK : POINT).addTo(map);
        if (p[2]) marker.bindTooltip(p[2]);
      });
    }
    addPoints(config.points || []);
    if (config.points_url) {
      getJSON(config.points_url)
        .catch(function () { return { points: [] }; })
        .then(function (body) { addPoints(body.points); });
    }
    if (Object.keys(cellLayers).length) showCellOf(location.hash, map, cellLayers, element);
    window.addEventListener("hashchange", function () { showCellOf(location.hash, map, cellLayers, element); });

    var latInput = document.getElementById(element.dataset.latInput || "");
    var lngInput = document.getElementById(element.dataset.lngInput || "");
    if (latInput && lngInput) setUpPicker(element, map, config, latInput, lngInput);
    var polygonInput = document.getElementById(element.dataset.polygonInput || "");
    if (polygonInput) setUpPolygon(map, polygonInput);
  }

  // With data-polygon-input (a textarea of "lat, lng" lines, one corner each): a click adds a corner to the text,
  // and the polygon the text gives is drawn as it is typed. The text is the way without a mouse.
  function setUpPolygon(map, input) {
    var shape = L.polygon([], MARK).addTo(map);
    function corners() {
      return input.value.split("\n").map(function (line) {
        var match = /^\s*(-?\d+(?:\.\d+)?)\s*[,;\s]\s*(-?\d+(?:\.\d+)?)\s*$/.exec(line);
        return match ? [parseFloat(match[1]), parseFloat(match[2])] : null;
      }).filter(Boolean);
    }
    function draw() { shape.setLatLngs(corners()); }
    map.on("click", function (event) {
      var typed = input.value.replace(/\s+$/, "");
      var corner = event.latlng.lat.toFixed(6) + ", " + event.latlng.lng.toFixed(6);
      input.value = typed ? typed + "\n" + corner : corner;
      draw();
    });
    input.addEventListener("input", draw);
    draw();
  }

  var chosenCell = null;
  function showCellOf(hash, map, cellLayers, element) {
    var match = /^#cell-([0-9a-f]+)$/.exec(hash || "");
    var found = match && cellLayers[match[1]];
    if (!found) return;
    if (chosenCell) chosenCell.layer.setStyle(chosenCell.style);
    chosenCell = found;
    found.layer.setStyle(CHOSEN_CELL).bringToFront();
    map.fitBounds(found.layer.getBounds(), { maxZoom: 14, padding: [40, 40] });
    found.layer.openTooltip();
    element.scrollIntoView({ block: "center" });
  }

  function setUpPicker(element, map, config, latInput, lngInput) {
    var picker = element.closest(".point-picker");
    var text = picker ? picker.dataset : {};
    var status = picker && picker.querySelector(".picker-status");
    var search = picker && picker.querySelector(".picker-search");
    var searchInput = search && search.querySelector("input");
    var results = search && search.querySelector(".picker-results");
    var positionButton = picker && picker.querySelector("[data-my-position]");
    var placeSelect = picker && document.getElementById(picker.dataset.placeSelect || "");
    var marker = null;
    var asked = 0;

    function say(message, warning) {
      if (!status) return;
      status.textContent = message;
      status.classList.toggle("warning", Boolean(warning));
    }

    function describe(lat, lng) {
      if (!config.places_url || !status) return;
      var question = ++asked;
      getJSON(withQuery(config.places_url, { lat: lat.toFixed(6), lng: lng.toFixed(6) }))
        .then(function (body) {
          if (question !== asked) return;  // a later point was chosen meanwhile
          say(body.far ? body.text + ". " + body.warning : body.text, body.far);
        })
        .catch(function () { if (question === asked) say(""); });
    }

    function place(lat, lng) {
      if (marker) marker.setLatLng([lat, lng]);
      else marker = L.circleMarker([lat, lng], MARK).addTo(map);
      describe(lat, lng);
    }

    function choose(lat, lng, zoom) {
      latInput.value = lat.toFixed(6);
      lngInput.value = lng.toFixed(6);
      if (zoom) map.setView([lat, lng], Math.max(map.getZoom(), zoom));
      latInput.dispatchEvent(new Event("change", { bubbles: true }));  // places the marker (fromInputs), once
    }

    function fromInputs() {
      var lat = parseFloat(latInput.value.replace(",", "."));
      var lng = parseFloat(lngInput.value.replace(",", "."));
      if (!isNaN(lat) && !isNaN(lng)) place(lat, lng);
    }
    fromInputs();
    map.on("click", function (event) { choose(event.latlng.lat, event.latlng.lng); });
    latInput.addEventListener("change", fromInputs);
    lngInput.addEventListener("change", fromInputs);

    if (positionButton && navigator.geolocation) {
      positionButton.hidden = false;
      positionButton.addEventListener("click", function () {
        say(text.msgLocating || "");
        navigator.geolocation.getCurrentPosition(
          function (position) { choose(position.coords.latitude, position.coords.longitude, 15); },
          function (error) {
            say(error.code === 1 ? text.msgDenied || "" : text.msgUnavailable || "", true);
          },
          { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 }
        );
      });
    }

    var allPlaces = null;
    function places() {
      if (!allPlaces) {
        allPlaces = getJSON(config.places_url).then(function (body) { return body.places; });
      }
      return allPlaces;
    }

    function pick(found) {
      choose(found.lat, found.lng, 14);
      if (placeSelect && placeSelect.querySelector('option[value="' + found.id + '"]')) {
        placeSelect.value = String(found.id);
      }
    }

    if (placeSelect && config.places_url) {
      placeSelect.addEventListener("change", function () {
        var id = Number(placeSelect.value);
        if (!id) return;
        places().then(function (list) {
          var found = list.filter(function (p) { return p.id === id; })[0];
          if (found) choose(found.lat, found.lng, 14);
        });
      });
    }

    if (!search || !config.places_url) return;
    search.hidden = false;
    var timer = null;
    var shown = [];

    function show(list) {
      shown = list;
      results.textContent = "";
      list.forEach(function (found) {
        var item = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "link";
        button.textContent = found.name + " (" + found.kind + ")";
        button.addEventListener("click", function () {
          pick(found);
          results.hidden = true;
          searchInput.value = found.name;
          searchInput.focus();
        });
        button.addEventListener("keydown", function (event) { moveFocus(event, item); });
        item.appendChild(button);
        results.appendChild(item);
      });
      results.hidden = list.length === 0;
      say(list.length ? (text.msgFound || "").replace("{count}", list.length) : text.msgNone || "");
    }

    function moveFocus(event, item) {
      var next = null;
      if (event.key === "ArrowDown") next = item.nextElementSibling;
      else if (event.key === "ArrowUp") next = item.previousElementSibling;
      else if (event.key === "Escape") { results.hidden = true; searchInput.focus(); return; }
      else return;
      event.preventDefault();
      if (next) next.querySelector("button").focus();
      else if (event.key === "ArrowUp") searchInput.focus();
    }

    function pickFirst() {
      pick(shown[0]);
      searchInput.value = shown[0].name;
      results.hidden = true;
    }

    function find(thenPick) {
      var query = searchInput.value.trim();
      if (!query) { show([]); say(""); return; }
      getJSON(withQuery(config.places_url, { q: query }))
        .then(function (body) {
          if (searchInput.value.trim() !== query) return;
          show(body.places);
          if (thenPick && shown.length) pickFirst();
        })
        .catch(function () { show([]); });
    }

    searchInput.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { find(false); }, 200);
    });
    searchInput.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {  // never submits the form: picks the first place found
        event.preventDefault();
        clearTimeout(timer);
        find(true);  // the search as typed now, then its first place
      } else if (event.key === "ArrowDown" && !results.hidden && results.firstElementChild) {
        event.preventDefault();
        results.firstElementChild.querySelector("button").focus();
      }
    });
  }

  document.querySelectorAll("[data-map]").forEach(setUp);
})();
