// Draws each chart of the dashboard from the table beside it, so the picture and the
// numbers never differ: [data-chart] names the kind, the table (data-table) and the
// columns drawn (data-columns); labels are the rows' first cells, values their data-v
// ('none' where the figure means nothing for the row).
// A row with data-href opens it when its bar is tapped.
(function () {
  'use strict';
  if (typeof echarts === 'undefined') {
    return;
  }
  var palette = ['#c8161d', '#e8833a', '#2f6fb0', '#3a9a5b', '#8a5cb8', '#8c8c8c'];

  function read(el) {
    var table = document.getElementById(el.dataset.table);
    if (!table || !table.tBodies.length) {
      return null;
    }
    var headers = table.tHead.rows[0].cells;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var columns = el.dataset.columns.split(',').map(Number);
    return {
      labels: rows.map(function (row) { return row.cells[0].textContent.trim(); }),
      hrefs: rows.map(function (row) { return row.dataset.href || null; }),
      series: columns.map(function (column) {
        return {
          name: headers[column].textContent.trim(),
          data: rows.map(function (row) {
            var value = row.cells[column].dataset.v;
            return (value === undefined || value === 'none') ? null : Number(value);
          })
        };
      })
    };
  }

  function option(kind, data) {
    var grid = { left: 8, right: 16, top: 28, bottom: 8, containLabel: true };
    var legend = { top: 0, type: 'scroll' };
    var tooltip = { trigger: kind === 'pie' ? 'item' : 'axis', confine: true };
    if (kind === 'pie') {
      return {
        color: palette, tooltip: tooltip, legend: legend,
        series: [{ type: 'pie', radius: ['35%', '65%'], top: 24,
          data: data.labels.map(function (label, i) { return { name: label, value: data.series[0].data[i] }; }) }]
      };
    }
    if (kind === 'line') {
      return {
        color: palette, tooltip: tooltip, legend: legend, grid: grid,
        xAxis: { type: 'category', data: data.labels, boundaryGap: false },
        yAxis: data.series.map(function (s, i) {
          return { type: 'value', name: '', position: i === 0 ? 'left' : 'right', splitLine: { show: i === 0 } };
        }),
        series: data.series.map(function (s, i) {
          return { type: 'line', name: s.name, data: s.data, yAxisIndex: i, smooth: true, symbolSize: 4,
            areaStyle: i === 0 ? { opacity: 0.08 } : undefined };
        })
      };
    }
    if (kind === 'pyramid') {
      // the age pyramid: the first column (men) to the left, the second (women) to the right
      return {
        color: palette, tooltip: tooltip, legend: legend, grid: grid,
        xAxis: { type: 'value', axisLabel: { formatter: function (v) { return Math.abs(v); } } },
        yAxis: { type: 'category', data: data.labels, axisTick: { show: false } },
        series: data.series.map(function (s, i) {
          return { type: 'bar', name: s.name, stack: 'pyramid', barWidth: '60%',
            data: s.data.map(function (v) { return (i === 0) ? -(v || 0) : (v || 0); }),
            tooltip: { valueFormatter: function (v) { return Math.abs(v); } } };
        })
      };
    }
    var horizontal = kind === 'hbar';
    var category = { type: 'category', data: data.labels, inverse: horizontal,
      axisLabel: { interval: 0, width: 96, overflow: 'truncate', rotate: horizontal ? 0 : 30 } };
    var value = { type: 'value' };
    return {
      color: palette, tooltip: tooltip, legend: legend, grid: grid,
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? category : value,
      series: data.series.map(function (s) { return { type: 'bar', name: s.name, data: s.data, barMaxWidth: 28 }; })
    };
  }

  var charts = [];
  document.querySelectorAll('[data-chart]').forEach(function (el) {
    var data = read(el);
    if (!data || !data.labels.length) {
      el.hidden = true;
      return;
    }
    if (el.dataset.chart === 'hbar') {
      el.style.height = Math.max(200, Math.min(720, 40 + data.labels.length * 26)) + 'px';
    }
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption(option(el.dataset.chart, data));
    chart.on('click', function (params) {
      var href = data.hrefs[params.dataIndex];
      if (href) {
        window.location.href = href;
      }
    });
    el.dataset.drawn = 'true';
    charts.push(chart);
  });
  window.addEventListener('resize', function () {
    charts.forEach(function (chart) { chart.resize(); });
  });
})();
