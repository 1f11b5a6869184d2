// 我的应急档案: qualification rows added and removed on the page. Without scripts the page
// shows one blank row to fill, and a row cleared is not saved.
(function () {
  'use strict';

  function init() {
    var rows = document.getElementById('qualification-rows');
    var add = document.querySelector('.qualification-add');
    if (!rows || !add) {
      return;
    }
    var max = parseInt(add.dataset.max, 10) || 8;
    var blank = rows.querySelector('.qualification-blank');
    var template = blank ? blank.cloneNode(true) : null;
    var added = 0;

    function count() {
      return rows.querySelectorAll('.qualification-row').length;
    }
    function refresh() {
      add.hidden = !template || count() >= max;
    }
    function wire(row) {
      var remove = row.querySelector('.qualification-remove');
      remove.hidden = false;
      remove.addEventListener('click', function () {
        row.remove();
        refresh();
      });
    }
    rows.querySelectorAll('.qualification-row').forEach(wire);
    add.addEventListener('click', function () {
      if (!template || count() >= max) {
        return;
      }
      added += 1;
      var row = template.cloneNode(true);
      row.querySelectorAll('select, input').forEach(function (field) {
        field.value = '';
        var id = field.id + '-' + added;
        var label = row.querySelector('label[for="' + field.id + '"]');
        if (label) { label.htmlFor = id; }
        field.id = id;
      });
      rows.appendChild(row);
      wire(row);
      refresh();
      row.querySelector('select').focus();
    });
    refresh();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
