// The dashboard's monthly trends: one chart per section, one series per figure (money on its own axis).
// Sections arrive by htmx after the page, so charts are drawn whenever one is swapped in.
(function () {
  function draw(root) {
    if (!window.echarts) { return; }
    root.querySelectorAll(".trend-chart:not([data-drawn])").forEach(function (holder) {
      var source = document.getElementById(holder.dataset.source);
      if (!source) { return; }
      var data = JSON.parse(source.textContent);
      var money = data.series.some(function (s) { return s.money; });
      var chart = window.echarts.init(holder);
      holder.setAttribute("data-drawn", "1");
      chart.setOption({
        tooltip: { trigger: "axis" },
        legend: { type: "scroll", data: data.series.map(function (s) { return s.name; }) },
        xAxis: { type: "category", data: data.months },
        yAxis: money ? [{ type: "value", minInterval: 1 }, { type: "value", name: "元" }]
                     : [{ type: "value", minInterval: 1 }],
        series: data.series.map(function (s) {
          return { name: s.name, type: s.money ? "bar" : "line", yAxisIndex: s.money ? 1 : 0, data: s.data };
        })
      });
      window.addEventListener("resize", function () { chart.resize(); });
    });
  }
  document.addEventListener("DOMContentLoaded", function () { draw(document); });
  document.addEventListener("htmx:afterSettle", function (event) { draw(document); });
})();
