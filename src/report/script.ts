/**
 * The page's one script: the filters. Without it the page shows everything and hides the filter
 * form; with it, choosing a team, worker or rule area hides the rows, lists and timelines of
 * others, and says how many are shown. Each filterable element carries `data-team`,
 * `data-worker` and `data-area` (an attribute left off matches any choice); a `data-group`
 * element is hidden when nothing filterable inside it is shown.
 */
export const FILTER_SCRIPT = `
(function () {
  var form = document.getElementById('filters');
  if (!form) return;
  var fields = ['team', 'worker', 'area'];
  var items = Array.prototype.slice.call(document.querySelectorAll('[data-f]'));
  var groups = Array.prototype.slice.call(document.querySelectorAll('[data-group]')).reverse();
  var status = document.getElementById('filter-status');
  var printed = document.getElementById('filter-status-print');
  function apply() {
    var chosen = {};
    var words = [];
    fields.forEach(function (f) {
      var s = form.elements[f];
      chosen[f] = s.value;
      if (s.value !== '') words.push(s.options[s.selectedIndex].text);
    });
    var shown = {}, total = {};
    items.forEach(function (el) {
      var ok = fields.every(function (f) {
        var v = el.getAttribute('data-' + f);
        return chosen[f] === '' || v === null || v === chosen[f];
      });
      if (el.hidden === ok) el.hidden = !ok;
      var kind = el.getAttribute('data-f');
      total[kind] = (total[kind] || 0) + 1;
      if (ok) shown[kind] = (shown[kind] || 0) + 1;
    });
    groups.forEach(function (g) {
      var none = g.querySelector('[data-f]:not([hidden])') === null;
      if (g.hidden !== none) g.hidden = none;
    });
    var n = function (k) { return (shown[k] || 0).toLocaleString('en-GB') + ' of ' + (total[k] || 0).toLocaleString('en-GB'); };
    var text = words.length === 0 ? 'Showing everything.' :
      'Filtered to ' + words.join(', ') + ': showing ' + n('overdue') + ' overdue obligations, ' + n('planner') + ' coming due and ' + n('child') + ' timelines. The headline figures and charts are of the whole report.';
    status.textContent = text;
    printed.textContent = words.length === 0 ? '' : text;
  }
  form.hidden = false;
  form.addEventListener('change', apply);
  form.addEventListener('reset', function () { setTimeout(apply, 0); });
  form.addEventListener('submit', function (e) { e.preventDefault(); apply(); });
  apply();
})();
`;
