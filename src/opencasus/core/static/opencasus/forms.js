/* Progressive enhancement of forms (see opencasus/core/enhance.py). Everything works without it. */
(function () {
  "use strict";

  function controls(form, name) {
    return Array.prototype.slice.call(form.querySelectorAll("[name]")).filter(function (el) {
      return el.name === name;
    });
  }

  function values(form, name) {
    var result = [];
    controls(form, name).forEach(function (el) {
      if (el.type === "checkbox" || el.type === "radio") {
        if (el.checked) { result.push(el.value); }
      } else if (el.tagName === "SELECT" && el.multiple) {
        Array.prototype.forEach.call(el.selectedOptions, function (o) { result.push(o.value); });
      } else {
        result.push(el.value);
      }
    });
    return result;
  }

  /* data-oc-show-when="name=v1|v2", or "name" for a checkbox that must be ticked. */
  function showWhen(form) {
    form.querySelectorAll("[data-oc-show-when]").forEach(function (part) {
      var spec = part.getAttribute("data-oc-show-when");
      var at = spec.indexOf("=");
      var current = values(form, at < 0 ? spec : spec.slice(0, at));
      var shown = at < 0 ? current.length > 0 : spec.slice(at + 1).split("|").some(function (v) {
        return current.indexOf(v) >= 0;
      });
      part.hidden = !shown;
    });
  }

  /* data-oc-filter-by="name" on a select or a list of checkboxes: only options of the chosen groups. */
  function filterBy(form) {
    form.querySelectorAll("[data-oc-filter-by]").forEach(function (widget) {
      var chosen = values(form, widget.getAttribute("data-oc-filter-by")).filter(Boolean);
      widget.querySelectorAll("[data-oc-group]").forEach(function (option) {
        var visible = chosen.length === 0 || chosen.indexOf(option.getAttribute("data-oc-group")) >= 0;
        if (option.tagName === "OPTION") {
          option.hidden = !visible;
          option.disabled = !visible;
          if (!visible && option.selected) { option.selected = false; }
        } else {
          var row = option.closest("div") || option.parentNode;
          row.hidden = !visible;
          if (!visible && option.checked) { option.checked = false; }
        }
      });
    });
  }

  function refresh(form) { showWhen(form); filterBy(form); }

  document.querySelectorAll("form").forEach(function (form) {
    if (form.querySelector("[data-oc-show-when], [data-oc-filter-by]")) {
      form.addEventListener("change", function () { refresh(form); });
      refresh(form);
    }
  });

  /* Formset rows: add and remove in the page; the same buttons post to the server without the script. */
  document.querySelectorAll("[data-oc-formset]").forEach(function (set) {
    var prefix = set.getAttribute("data-oc-formset");
    var total = set.querySelector("input[name='" + prefix + "-TOTAL_FORMS']");
    var max = set.querySelector("input[name='" + prefix + "-MAX_NUM_FORMS']");
    var list = set.querySelector("[data-oc-formset-rows]");
    var template = set.querySelector("template[data-oc-formset-template]");
    var addButton = set.querySelector("button[name='" + prefix + "-add']");
    var pattern = new RegExp(prefix + "-(\\d+|__prefix__)-", "g");
    if (!total || !list || !template) { return; }

    function renumber() {
      var rows = list.querySelectorAll("[data-oc-formset-row]");
      rows.forEach(function (row, index) {
        row.querySelectorAll("*").forEach(function (el) {
          ["name", "id", "for", "aria-describedby", "href"].forEach(function (attr) {
            var value = el.getAttribute(attr);
            if (value && value.indexOf(prefix + "-") >= 0) {
              el.setAttribute(attr, value.replace(pattern, prefix + "-" + index + "-"));
            }
          });
          if (el.name === prefix + "-remove") { el.value = String(index); }
          if (el.hasAttribute("data-oc-row-number")) { el.textContent = String(index + 1); }
        });
      });
      total.value = String(rows.length);
      if (addButton && max) { addButton.hidden = rows.length >= parseInt(max.value, 10); }
    }

    set.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) { return; }
      if (button.name === prefix + "-add") {
        event.preventDefault();
        var node = template.content.firstElementChild.cloneNode(true);
        list.appendChild(node);
        renumber();
        var form = set.closest("form");
        if (form) { refresh(form); }
        var first = node.querySelector("input, select, textarea");
        if (first) { first.focus(); }
      } else if (button.name === prefix + "-remove") {
        event.preventDefault();
        button.closest("[data-oc-formset-row]").remove();
        renumber();
        if (addButton) { addButton.focus(); }
      }
    });
  });
})();
