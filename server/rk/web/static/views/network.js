// Draws the actor network of /views/network with vis-network from the JSON the page embeds.
// When drawn, the container gets data-nodes / data-edges (counts as drawn) and, once the
// layout has settled, data-stabilized="true"; clicking a node opens its page. The drawing is an
// image (role="img" on the container, named in the page): its canvas takes no Tab stop, and
// the same edges, with their links, are in the table below it.
(function () {
  "use strict";
  var COLOURS = { department: "#005c8f", forum: "#f4a259", person: "#8cb369", organisation: "#bc4b51" };
  var SHAPES = { department: "box", forum: "ellipse", person: "dot", organisation: "diamond" };
  var EDGES = {
    lead: { color: "#005c8f", width: 3 },
    participates: { color: "#7fa7c4", width: 1, dashes: true },
    moderates: { color: "#6a8f4e", width: 2 },
    "member-of": { color: "#b0b0a8", width: 1 }
  };

  function draw() {
    var container = document.getElementById("network");
    var data = JSON.parse(document.getElementById("network-data").textContent);
    var urls = {};
    var nodes = new vis.DataSet(data.nodes.map(function (node) {
      urls[node.id] = node.url;
      return {
        id: node.id, label: node.label, title: node.title, shape: SHAPES[node.group],
        size: node.group === "person" ? 8 : 14,
        color: COLOURS[node.group],
        font: { color: node.group === "department" ? "#ffffff" : "#1d1d1b", size: 12 }
      };
    }));
    var edges = new vis.DataSet(data.edges.map(function (edge, index) {
      var style = EDGES[edge.relation] || {};
      return {
        id: index, from: edge.from, to: edge.to, title: edge.title, arrows: "to",
        color: { color: style.color }, width: style.width, dashes: Boolean(style.dashes)
      };
    }));
    var network = new vis.Network(container, { nodes: nodes, edges: edges }, {
      physics: { solver: "forceAtlas2Based", stabilization: { iterations: 300, updateInterval: 50 } },
      interaction: { hover: true, tooltipDelay: 150 },
      edges: { smooth: false, arrows: { to: { scaleFactor: 0.5 } } }
    });
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: false });
      container.dataset.stabilized = "true";
    });
    var frame = container.querySelector(".vis-network");
    if (frame) { frame.removeAttribute("tabindex"); }
    network.on("click", function (params) {
      if (params.nodes.length && urls[params.nodes[0]]) {
        window.location.href = urls[params.nodes[0]];
      }
    });
    container.dataset.nodes = String(network.body.data.nodes.length);
    container.dataset.edges = String(network.body.data.edges.length);
    window.rkNetwork = network;
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
