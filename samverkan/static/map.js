// Samverkan's maps (Leaflet). An element with data-map="ID" reads its settings from the JSON
// script #ID: {boundaries: GeoJSON, tiles: url|"", attribution: str, points: [[lat, lng, label]],
// cells: [{boundary: [[lat, lng], …], kind: "hot"|"cold"|"", label: str}]} (hotspot hexagons),
// points_url: a URL answering {points: [[lat, lng], …]} (the internal map's incidents, fetched apart).
// With data-lat-input and data-lng-input it is a point picker: a click fills the two inputs,
// and typing in them moves the marker, so the map is never the only way to give a place.
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

  function setUp(element) {
    var config = JSON.parse(document.getElementById(element.dataset.map).textContent);
    var map = L.map(element, { attributionControl: Boolean(config.tiles), maxZoom: 18 });
    if (config.tiles) {
      L.tileLayer(config.tiles, { attribution: config.attribution, maxZoom: 18 }).addTo(map);
    }
    var outline = L.geoJSON(config.boundaries, { style: STYLE, interactive: false }).addTo(map);
    var cells = L.featureGroup((config.cells || []).map(function (cell) {
      return L.polygon(cell.boundary, CELL[cell.kind]).bindTooltip(cell.label);
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
      fetch(config.points_url, { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : { points: [] }; })
        .then(function (body) { addPoints(body.points); });
    }
    var latInput = document.getElementById(element.dataset.latInput || "");
    var lngInput = document.getElementById(element.dataset.lngInput || "");
    if (!latInput || !lngInput) return;
    var marker = null;
    function place(lat, lng) {
      if (marker) marker.setLatLng([lat, lng]);
      else marker = L.circleMarker([lat, lng], MARK).addTo(map);
    }
    function fromInputs() {
      var lat = parseFloat(latInput.value.replace(",", "."));
      var lng = parseFloat(lngInput.value.replace(",", "."));
      if (!isNaN(lat) && !isNaN(lng)) place(lat, lng);
    }
    fromInputs();
    map.on("click", function (event) {
      latInput.value = event.latlng.lat.toFixed(6);
      lngInput.value = event.latlng.lng.toFixed(6);
      place(event.latlng.lat, event.latlng.lng);
      latInput.dispatchEvent(new Event("change", { bubbles: true }));
    });
    latInput.addEventListener("change", fromInputs);
    lngInput.addEventListener("change", fromInputs);
  }

  document.querySelectorAll("[data-map]").forEach(setUp);
})();
