/* kg views: draw the indicator charts of indicators.html with the vendored plotly.js (lib/plotly-basic.min.js).
   Figures are the JSON in <script id="kg-data">; kg escaped every document string in them. A chart is
   drawn when it scrolls near the window; body[data-settled] is set once the first ones are drawn. */
(function () {
  'use strict';

  var CONFIG = { displaylogo: false, responsive: true, modeBarButtonsToRemove: ['select2d', 'lasso2d'] };
  // only the document pages kg wrote beside this one are followed
  var PAGE = /^doc_[0-9]+\.html$/;

  function start() {
    var holder = document.getElementById('kg-data');
    var status = document.getElementById('kg-status');
    var figures = holder ? JSON.parse(holder.textContent).charts : [];
    var boxes = Array.prototype.slice.call(document.querySelectorAll('.kg-chart'));
    var drawn = 0;
    if (typeof Plotly === 'undefined' || !boxes.length) {
      document.body.dataset.settled = '1';
      return;
    }
    function draw(box) {
      if (box.dataset.drawn) { return Promise.resolve(); }
      box.dataset.drawn = 'drawing';
      var fig = figures[Number(box.dataset.chart)];
      return Plotly.newPlot(box, fig.data, fig.layout, CONFIG).then(function () {
        box.dataset.drawn = '1';
        drawn += 1;
        status.textContent = drawn + ' of ' + boxes.length + ' charts drawn';
        box.on('plotly_click', function (ev) {
          var href = ev && ev.points && ev.points[0] && ev.points[0].customdata;
          if (typeof href === 'string' && PAGE.test(href)) { window.location.href = href; }
        });
      });
    }
    window.kgDrawChart = function (i) { return draw(boxes[i]); };
    var first = true;
    var seen = new IntersectionObserver(function (entries) {
      var todo = entries.filter(function (e) { return e.isIntersecting; }).map(function (e) {
        seen.unobserve(e.target);
        return draw(e.target);
      });
      if (first) {
        first = false;
        Promise.all(todo).then(function () { document.body.dataset.settled = '1'; });
      }
    }, { rootMargin: '400px 0px' });
    boxes.forEach(function (b) { seen.observe(b); });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
