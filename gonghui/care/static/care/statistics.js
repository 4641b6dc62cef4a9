// The statistics page's chart: aid paid per month (bars) and files approved per month (line).
(function () {
  var holder = document.getElementById("care-chart");
  var source = document.getElementById("care-chart-data");
  if (!holder || !source || !window.echarts) { return; }
  var data = JSON.parse(source.textContent);
  var chart = window.echarts.init(holder);
  chart.setOption({
    tooltip: { trigger: "axis" },
    legend: { data: ["救助发放（元）", "新建档（人）"] },
    xAxis: { type: "category", data: data.months },
    yAxis: [{ type: "value", name: "元" }, { type: "value", name: "人", minInterval: 1 }],
    series: [
      { name: "救助发放（元）", type: "bar", data: data.aid, itemStyle: { color: "#b71c1c" } },
      { name: "新建档（人）", type: "line", yAxisIndex: 1, data: data.new_files }
    ]
  });
  window.addEventListener("resize", function () { chart.resize(); });
})();
