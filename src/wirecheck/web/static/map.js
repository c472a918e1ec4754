// Draws the event's place with Leaflet when the server was given a tile URL.
// The map sits in a <details> on the story page: Leaflet measures its box, so it is
// (re)drawn when the details open.
(function () {
  "use strict";
  var el = document.getElementById("leaflet-map");
  if (!el || typeof L === "undefined") { return; }
  var map = null;
  function draw() {
    if (map) { map.invalidateSize(); return; }
    var lat = parseFloat(el.dataset.lat), lon = parseFloat(el.dataset.lon);
    map = L.map(el).setView([lat, lon], parseInt(el.dataset.zoom || "6", 10));
    L.tileLayer(el.dataset.tiles, { maxZoom: 18, attribution: "map tiles" }).addTo(map);
    var label = document.createElement("span");
    label.textContent = el.dataset.label;  // text, never HTML: it comes from article text
    L.marker([lat, lon], { title: el.dataset.label, alt: el.dataset.label }).addTo(map).bindPopup(label);
  }
  var details = el.closest("details");
  if (details && !details.open) {
    details.addEventListener("toggle", function () { if (details.open) { draw(); } });
  } else {
    draw();
  }
})();
