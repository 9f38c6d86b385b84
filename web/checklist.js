/* The materials checklist (the four categories of 三, 16 items, one state each), shared by
   the chat page and the staff console.  Every word comes from the server: the item names,
   states and what the notice asks are in the checklist itself; the headings from
   /portal/api/v1/strings/<page>. */
(function () {
  "use strict";

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function list(items, cls) {
    var ul = el("ul", cls);
    items.forEach(function (t) { ul.appendChild(el("li", null, t)); });
    return ul;
  }

  // Render ``data`` (GET /portal/api/v1/checklist) into ``box``.  ``tr`` gives the page's
  // words; ``level`` is the heading level of the title; ``open`` remembers which items are
  // expanded across refreshes.
  function render(box, data, tr, opts) {
    opts = opts || {};
    var level = opts.level || 2, prefix = opts.prefix || "ck", open = opts.open || {};
    box.textContent = "";
    var title = el("h" + level, "checklist-title", tr("checklist_title"));
    title.id = prefix + "-title";
    box.appendChild(title);
    box.setAttribute("aria-labelledby", title.id);
    var summary = el("p", "checklist-summary", data.summary);
    summary.id = prefix + "-summary";
    box.appendChild(summary);
    var legend = el("ul", "checklist-legend");
    legend.setAttribute("aria-label", tr("checklist_legend"));
    (data.legend || []).forEach(function (l, i) {
      var li = el("li", "state-" + ["provided", "missing", "attention", "optional"][i]);
      li.appendChild(el("span", "sym", l.symbol)).setAttribute("aria-hidden", "true");
      li.appendChild(el("span", null, l.label));
      legend.appendChild(li);
    });
    box.appendChild(legend);
    box.appendChild(el("p", "checklist-hint", tr("checklist_hint")));
    (data.categories || []).forEach(function (cat) {
      box.appendChild(el("h" + (level + 1), "checklist-cat", cat.title));
      var ul = el("ul", "checklist-items");
      cat.items.forEach(function (item) {
        var li = el("li", "item state-" + item.state);
        li.setAttribute("data-id", item.id);
        li.setAttribute("data-state", item.state);
        var detailId = prefix + "-d-" + item.id.replace(/\./g, "-");
        var btn = el("button", "item-btn");
        btn.type = "button";
        btn.setAttribute("aria-controls", detailId);
        btn.setAttribute("aria-expanded", open[item.id] ? "true" : "false");
        btn.appendChild(el("span", "sym", item.symbol)).setAttribute("aria-hidden", "true");
        btn.appendChild(el("span", "iid", item.id));
        btn.appendChild(el("span", "iname", item.short));
        btn.appendChild(el("span", "istate", item.label));
        var detail = el("div", "detail");
        detail.id = detailId;
        detail.hidden = !open[item.id];
        detail.appendChild(el("p", "clause", item.clause));
        detail.appendChild(el("p", "dl", tr("checklist_asks")));
        detail.appendChild(list(item.asks));
        if (item.why && item.why.length) {
          detail.appendChild(el("p", "dl", tr("checklist_why")));
          detail.appendChild(list(item.why, "why"));
        }
        detail.appendChild(el("p", "dl", tr("checklist_matched")));
        if (item.files.length) detail.appendChild(list(item.files, "matched"));
        else detail.appendChild(el("p", "none", tr("checklist_no_file")));
        btn.addEventListener("click", function () {
          var show = detail.hidden;
          detail.hidden = !show;
          btn.setAttribute("aria-expanded", show ? "true" : "false");
          if (show) open[item.id] = true; else delete open[item.id];
        });
        li.appendChild(btn);
        li.appendChild(detail);
        ul.appendChild(li);
      });
      box.appendChild(ul);
    });
  }

  // The chat page: its own words and the session's checklist, fetched after every change.
  var chat = { strings: null, open: {}, seq: 0 };

  function refresh(token, lang) {
    var box = document.getElementById("checklist");
    if (!box || !token) return Promise.resolve();
    var seq = ++chat.seq;
    var words = chat.strings ? Promise.resolve(chat.strings) :
      fetch("/portal/api/v1/strings/chat").then(function (r) { return r.json(); });
    return words.then(function (s) {
      chat.strings = s;
      return fetch("/portal/api/v1/checklist", { headers: { Authorization: "Bearer " + token, "X-Assistant-Lang": lang } });
    }).then(function (r) { return r.ok ? r.json() : null; }).then(function (data) {
      if (!data || seq !== chat.seq) return;  // a newer refresh is on its way
      var table = chat.strings[lang] || chat.strings.zh;
      render(box, data, function (k) { return table[k] || ""; }, { level: 2, prefix: "ck", open: chat.open });
      // Said by screen readers when the counts change (not on the first showing).
      var live = document.getElementById("ck-live");
      if (live && chat.summary !== undefined && chat.summary !== data.summary) live.textContent = data.summary;
      chat.summary = data.summary;
    }).catch(function () { /* the chat shows network errors */ });
  }

  window.GXChecklist = { render: render, refresh: refresh };
})();
