/* kg views: draw the page's graph with vis-network, settle the layout, search, details.
   Page data is the JSON in <script id="kg-data">; tooltip HTML in it was escaped by kg. */
(function () {
  'use strict';

  function tip(html) {
    var div = document.createElement('div');
    div.className = 'kg-tip';
    div.innerHTML = html;
    return div;
  }

  function start() {
    var holder = document.getElementById('kg-data');
    if (!holder || typeof vis === 'undefined') { return; }
    var data = JSON.parse(holder.textContent);
    var status = document.getElementById('kg-status');
    var detail = document.getElementById('kg-detail');
    var html = {};
    data.nodes.forEach(function (n) { html['n:' + n.id] = n.title_html; n.title = tip(n.title_html); delete n.title_html; });
    data.edges.forEach(function (e) { html['e:' + e.id] = e.title_html; e.title = tip(e.title_html); delete e.title_html; });
    // edges of an optional layer (data-layer checkbox) wait outside the network until their box is ticked
    var layered = {};
    var drawn = data.edges.filter(function (e) {
      if (!e.kg_layer) { return true; }
      (layered[e.kg_layer] = layered[e.kg_layer] || []).push(e);
      return false;
    });
    // nodes with no drawn edge take no part in the layout; they are set out in rows below it
    data.nodes.forEach(function (n) { if (n.kg_aside) { n.physics = false; } });
    var nodes = new vis.DataSet(data.nodes);
    var edges = new vis.DataSet(drawn);
    var network = new vis.Network(document.getElementById('kg-network'), {}, data.options);
    window.network = network;

    function counts() {
      status.textContent = nodes.length + ' nodes · ' + edges.length + ' edges drawn';
      var panel = document.getElementById('kg-counts');
      if (panel) { panel.textContent = status.textContent; }
    }
    function placeAside() {
      var aside = nodes.getIds({ filter: function (n) { return n.kg_aside; } });
      if (!aside.length) { return; }
      var pos = network.getPositions(nodes.getIds({ filter: function (n) { return !n.kg_aside; } }));
      var xs = [], ys = [];
      Object.keys(pos).forEach(function (id) { xs.push(pos[id].x); ys.push(pos[id].y); });
      var cellW = 180, cellH = 110;
      var left = xs.length ? Math.min.apply(null, xs) : 0, right = xs.length ? Math.max.apply(null, xs) : 0;
      var top = ys.length ? Math.min.apply(null, ys) : 0, bottom = ys.length ? Math.max.apply(null, ys) : 0;
      var box = document.getElementById('kg-network');
      var wide = box.clientWidth / Math.max(box.clientHeight, 1);
      var spot;
      if (xs.length && (right - left + cellW) / (bottom - top + cellH) < wide) {
        // the map is narrower than the window: columns to its right
        var rows = Math.max(Math.floor((bottom - top) / cellH) + 1, 1);
        spot = function (i) { return [right + 1.5 * cellW + Math.floor(i / rows) * cellW, top + (i % rows) * cellH]; };
      } else {
        // rows below it
        var cols = Math.max(Math.floor((right - left) / cellW) + 1, Math.ceil(Math.sqrt(aside.length * 2)));
        var y0 = xs.length ? bottom + 1.5 * cellH : 0;
        spot = function (i) { return [left + (i % cols) * cellW, y0 + Math.floor(i / cols) * cellH]; };
      }
      aside.forEach(function (id, i) { var xy = spot(i); network.moveNode(id, xy[0], xy[1]); });
    }
    function settled() {
      network.setOptions({ physics: false });
      placeAside();
      network.fit({ animation: false });
      document.body.setAttribute('data-settled', '1');
      counts();
    }
    network.on('stabilizationProgress', function (p) {
      status.textContent = 'laying out ' + Math.round(100 * p.iterations / p.total) + '%';
    });
    network.once('stabilizationIterationsDone', settled);
    network.setData({ nodes: nodes, edges: edges });
    if (nodes.length === 0) { settled(); }

    Array.prototype.forEach.call(document.querySelectorAll('input[data-layer]'), function (box) {
      box.checked = false;
      box.addEventListener('change', function () {
        var these = layered[box.getAttribute('data-layer')] || [];
        if (box.checked) { edges.update(these); } else { edges.remove(these.map(function (e) { return e.id; })); }
        counts();
      });
    });

    function show(key) {
      if (html[key] === undefined) { return; }
      detail.replaceChildren(tip(html[key]));
    }
    network.on('click', function (p) {
      if (p.nodes.length) { show('n:' + p.nodes[0]); } else if (p.edges.length) { show('e:' + p.edges[0]); }
    });

    var names = document.getElementById('kg-names');
    var seen = {};
    nodes.forEach(function (n) {
      if (seen[n.kg_name]) { return; }
      seen[n.kg_name] = true;
      var opt = document.createElement('option');
      opt.value = n.kg_name;
      names.appendChild(opt);
    });
    var matchesBox = document.getElementById('kg-matches');
    function focus(id) {
      network.selectNodes([id]);
      network.focus(id, { scale: 1.0, animation: false });
      show('n:' + id);
    }
    function find(q) {
      q = q.trim().toLowerCase();
      if (!q) { return []; }
      return nodes.get({ filter: function (n) {
        return (n.kg_name || '').toLowerCase().indexOf(q) >= 0 ||
          (n.kg_aliases || []).some(function (a) { return a.toLowerCase().indexOf(q) >= 0; });
      } });
    }
    Array.prototype.forEach.call(document.querySelectorAll('button[data-node]'), function (b) {
      b.addEventListener('click', function () { focus(b.getAttribute('data-node')); });
    });
    var form = document.getElementById('kg-search');
    var input = document.getElementById('kg-q');
    function list(found) {
      matchesBox.replaceChildren();
      found.slice(0, 20).forEach(function (n) {
        var b = document.createElement('button');
        b.type = 'button';
        b.textContent = n.kg_name + ' (' + n.kg_label + ')';
        b.addEventListener('click', function () { focus(n.id); });
        matchesBox.appendChild(b);
      });
      if (found.length > 20) {
        var more = document.createElement('p');
        more.textContent = '+' + (found.length - 20) + ' more';
        matchesBox.appendChild(more);
      }
    }
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var found = find(input.value);
      list(found);
      if (found.length) { focus(found[0].id); } else { matchesBox.textContent = 'no node matches'; }
    });
    input.addEventListener('input', function () { list(find(input.value)); });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
