// Draws the map of /views/map with Leaflet from the JSON the page embeds: the vendored base
// map (NRW's municipalities and districts, fetched from this host), one marker per place
// (its colour and tooltip come from the page), and tiles only when the operator set
// RK_MAP_TILES. A click on a marker (or Enter on a focused marker) opens the place's page.
// When drawn, the container gets data-markers (markers on the map) and, once the base map
// is in, data-base-map="true".
(function () {
  "use strict";
  var CITY = 18, VENUE = 12;

  function escaped(text) {
    var span = document.createElement("span");
    span.textContent = text;
    return span.innerHTML;
  }

  function tooltip(lines) {
    var box = document.createElement("div");
    lines.forEach(function (line, index) {
      var part = document.createElement(index === 0 ? "strong" : "div");
      part.textContent = line;
      box.appendChild(part);
    });
    return box;
  }

  function marker(place) {
    var size = place.kind === "city" ? CITY : VENUE;
    var classes = "place-marker " + place.kind + (place.kind === "venue" && place.precision === "city" ? " at-city" : "");
    var icon = L.divIcon({
      className: classes, html: "", iconSize: [size, size],
      iconAnchor: [size / 2 - place.offset[0], size / 2 - place.offset[1]]
    });
    var drawn = L.marker([place.lat, place.lon], {
      icon: icon, title: place.lines[0], alt: place.lines[0], keyboard: true, riseOnHover: true,
      zIndexOffset: place.kind === "city" ? 0 : 500
    });
    drawn.bindTooltip(tooltip(place.lines), {direction: "top", offset: [place.offset[0], place.offset[1] - size / 2]});
    drawn.on("click", function () { window.location.href = place.url; });
    drawn.on("add", function () {
      var element = drawn.getElement();
      element.style.background = place.background;
      element.dataset.place = place.iri;
      element.dataset.url = place.url;
    });
    return drawn;
  }

  function draw() {
    var container = document.getElementById("map");
    var data = JSON.parse(document.getElementById("map-data").textContent);
    var map = L.map(container, {zoomSnap: 0.25, minZoom: 2, maxZoom: 14});
    if (data.tiles) {
      L.tileLayer(data.tiles.url, {attribution: escaped(data.tiles.attribution), maxZoom: 14}).addTo(map);
    }
    var markers = data.markers.map(function (place) { return marker(place).addTo(map); });
    var all = L.latLngBounds(data.markers.map(function (place) { return [place.lat, place.lon]; }));
    var home = data.home ? L.latLngBounds(data.home).pad(0.15) : all;
    map.fitBounds(home);
    container.dataset.markers = String(markers.length);

    var showAll = document.getElementById("show-all"), showNrw = document.getElementById("show-nrw");
    if (!home.contains(all)) {
      showAll.hidden = false;
      showNrw.hidden = false;
      showAll.addEventListener("click", function () { map.fitBounds(all.pad(0.05)); });
      showNrw.addEventListener("click", function () { map.fitBounds(home); });
    }

    fetch(data.baseMap).then(function (response) {
      if (!response.ok) { throw new Error("base map: HTTP " + response.status); }
      return response.json();
    }).then(function (geo) {
      var base = L.geoJSON(geo, {
        interactive: false,
        attribution: escaped(data.baseMapAttribution),
        style: function (feature) {
          return feature.properties.layer === "district"
            ? {color: "#6f7780", weight: 1.4, fill: false}
            : {color: "#a9b0b8", weight: 0.6, fillColor: "#f6f7f4", fillOpacity: data.tiles ? 0 : 1};
        }
      });
      base.addTo(map);
      base.eachLayer(function (layer) {
        if (layer.feature.properties.layer === "municipality") { layer.bringToBack(); }
      });
      container.dataset.baseMap = "true";
    });
    window.rkMap = map;
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
