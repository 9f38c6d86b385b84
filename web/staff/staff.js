/* The help desk's console: talks to /portal/staff/api (channels/staff.py).  Every word on
   the page comes from the server (/portal/api/v1/strings/console). */
(function () {
  "use strict";

  var API = "/portal/staff/api";
  var LANG_KEY = "gx-staff-lang";
  var state = { strings: null, lang: "zh", me: null, csrf: null, reference: null, batch: null, open: {} };
  var $ = function (id) { return document.getElementById(id); };

  // The language chosen last time, else the browser's (Chinese unless it asks for English).
  var browserLang = /^en/i.test(navigator.language || "") ? "en" : "zh";
  try { state.lang = localStorage.getItem(LANG_KEY) || browserLang; } catch (e) { state.lang = browserLang; }
  if (state.lang !== "en") state.lang = "zh";

  function tr(key, values) {
    var table = (state.strings && state.strings[state.lang]) || {};
    var s = table[key] || "";
    Object.keys(values || {}).forEach(function (k) { s = s.split("{" + k + "}").join(values[k]); });
    return s;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function applyLanguage() {
    document.documentElement.lang = tr("lang_code");
    document.title = tr("title");
    document.querySelectorAll("[data-i18n]").forEach(function (e) { e.textContent = tr(e.getAttribute("data-i18n"), { number: "" }); });
    document.querySelectorAll("[data-i18n-label]").forEach(function (e) { e.setAttribute("aria-label", tr(e.getAttribute("data-i18n-label"))); });
    var sw = $("lang-switch");
    sw.textContent = tr("switch_to");
    sw.setAttribute("aria-label", tr("switch_label"));
    sw.setAttribute("lang", state.lang === "zh" ? "en" : "zh-CN");
    $("who").textContent = state.me ? tr("signed_in_as", { name: state.me.account }) : "";
    $("report-frame").title = tr("report");
    $("batch-frame").title = tr("batch_report");
  }

  function say(text) { $("alert").textContent = ""; $("notice").textContent = text; }
  function fail(text) { $("notice").textContent = ""; $("alert").textContent = text; }

  function api(method, path, body) {
    var opts = { method: method, headers: { "X-Assistant-Lang": state.lang }, credentials: "same-origin" };
    if (method !== "GET" && state.csrf) opts.headers["X-CSRF-Token"] = state.csrf;
    if (body instanceof FormData) opts.body = body;
    else if (body !== undefined) { opts.headers["Content-Type"] = "application/json"; opts.body = JSON.stringify(body); }
    return fetch(API + path, opts).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (d) {
        if (r.status === 401 && path !== "/signin" && path !== "/me") { showSignIn(tr("expired")); }
        if (!r.ok) { var err = new Error(d.message || ("HTTP " + r.status)); err.status = r.status; throw err; }
        return d;
      });
    });
  }

  function onError(err) { if (err.status !== 401) fail(tr("error", { message: err.message })); }

  // --- signing in ------------------------------------------------------------------------

  function showSignIn(message) {
    state.me = null; state.csrf = null;
    $("desk").hidden = true; $("signout").hidden = true; $("signin").hidden = false;
    applyLanguage();
    if (message) say(message);
    $("signin-name").focus();
  }

  function showDesk(me) {
    state.me = me; state.csrf = me.csrf;
    $("signin").hidden = true; $("desk").hidden = false; $("signout").hidden = false;
    $("nav-audit").hidden = me.role !== "admin";
    applyLanguage();
    showPanel((location.hash || "#queue").slice(1), false);
  }

  $("signin-form").addEventListener("submit", function (e) {
    e.preventDefault();
    $("signin-error").textContent = "";
    api("POST", "/signin", { name: $("signin-name").value.trim(), secret: $("signin-secret").value }).then(function (me) {
      $("signin-secret").value = "";
      say(tr("signed_in_as", { name: me.account }));
      showDesk(me);
      $("queue-title").focus();
    }).catch(function (err) { $("signin-error").textContent = err.message; $("signin-secret").focus(); });
  });

  $("signout").addEventListener("click", function () {
    api("POST", "/signout").then(function () { showSignIn(tr("signed_out")); }).catch(onError);
  });

  // --- panels ------------------------------------------------------------------------------

  function showPanel(name, focus) {
    if (["queue", "applicant", "batch", "audit"].indexOf(name) < 0) name = "queue";
    if (name === "audit" && (!state.me || state.me.role !== "admin")) name = "queue";
    document.querySelectorAll("[data-panel-id]").forEach(function (p) { p.hidden = p.getAttribute("data-panel-id") !== name; });
    document.querySelectorAll(".tabs a").forEach(function (a) {
      if (a.getAttribute("data-panel") === name) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
    });
    if (name === "queue") loadQueue();
    if (name === "audit") loadAudit();
    if (focus) { var h = document.querySelector("#" + name + " h2"); if (h) h.focus(); }
  }

  document.querySelectorAll(".tabs a").forEach(function (a) {
    a.addEventListener("click", function (e) {
      e.preventDefault();
      history.replaceState(null, "", "#" + a.getAttribute("data-panel"));
      showPanel(a.getAttribute("data-panel"), true);
    });
  });

  // --- the hand-off queue --------------------------------------------------------------------

  function waited(seconds) {
    var m = Math.max(0, Math.floor(seconds / 60));
    if (m < 60) return tr("minutes", { n: m });
    if (m < 1440) return tr("hours", { h: Math.floor(m / 60), n: m % 60 });
    return tr("days", { d: Math.floor(m / 1440) });
  }

  function statusText(h) {
    if (h.status === "claimed") return tr("status_claimed", { name: h.claimed_by || "" });
    return tr("status_" + (h.status === "done" ? "done" : "new"));
  }

  function loadQueue() {
    return api("GET", "/handoffs").then(function (d) {
      var body = $("queue-table").querySelector("tbody");
      body.textContent = "";
      var now = Date.now() / 1000;
      d.handoffs.forEach(function (h) {
        var tr_ = el("tr", "status-" + h.status);
        var refCell = el("td");
        var open = el("button", "link", h.reference);
        open.type = "button";
        open.addEventListener("click", function () { openApplicant(h.reference); });
        refCell.appendChild(open);
        tr_.appendChild(refCell);
        tr_.appendChild(el("td", null, tr("lang_" + (h.lang === "en" ? "en" : "zh"))));
        tr_.appendChild(el("td", null, h.status === "done" ? "—" : waited(now - h.created_at)));
        tr_.appendChild(el("td", "question", h.note || tr("no_question")));
        tr_.appendChild(el("td", "state", statusText(h)));
        var actions = el("td", "actions");
        if (h.status === "new") actions.appendChild(actionButton(h, "claim"));
        if (h.status !== "done") actions.appendChild(actionButton(h, "close"));
        tr_.appendChild(actions);
        body.appendChild(tr_);
      });
      $("queue-empty").hidden = d.handoffs.length > 0;
      $("queue-table").hidden = d.handoffs.length === 0;
    }).catch(onError);
  }

  function actionButton(h, action) {
    var b = el("button", action === "claim" ? "primary small" : "secondary small", tr(action));
    b.type = "button";
    b.setAttribute("aria-label", tr(action) + " " + h.reference);
    b.addEventListener("click", function () {
      api("POST", "/handoffs/" + h.id + "/" + action).then(function (r) {
        say(h.reference + " · " + statusText(r));
        return loadQueue();
      }).then(function () { $("queue-title").focus(); }).catch(onError);
    });
    return b;
  }

  $("queue-refresh").addEventListener("click", loadQueue);
  // New requests appear without a click while the queue is on screen.
  setInterval(function () {
    if (state.me && !$("queue").hidden && !document.hidden) loadQueue();
  }, 30000);

  // --- an applicant by reference ---------------------------------------------------------------

  function openApplicant(reference) {
    history.replaceState(null, "", "#applicant");
    showPanel("applicant", false);
    $("lookup-ref").value = reference;
    return loadApplicant(reference, true);
  }

  function time(ts) {
    var d = new Date(ts * 1000);
    var p = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + p(d.getMonth() + 1) + "-" + p(d.getDate()) + " " + p(d.getHours()) + ":" + p(d.getMinutes());
  }

  function reportUrl(base, fmt) { return base + "/report." + fmt + "?lang=" + state.lang; }

  function downloads(box, base, formats) {
    box.textContent = "";
    formats.forEach(function (fmt) {
      var a = el("a", null, tr("download_" + fmt));
      a.href = reportUrl(base, fmt);
      a.setAttribute("download", "");
      box.appendChild(a);
    });
  }

  function loadApplicant(reference, focus) {
    var ref = reference.trim().toUpperCase();
    return api("GET", "/applicants/" + encodeURIComponent(ref)).then(function (a) {
      state.reference = a.reference;
      $("applicant-view").hidden = false;
      $("report-frame").hidden = true;
      $("report-frame").removeAttribute("data-url");
      $("applicant-title").textContent = tr("applicant_title", { reference: a.reference });
      $("applicant-meta").textContent = tr("lang_" + (a.lang === "en" ? "en" : "zh")) + " · " + time(a.created_at) + " – " + time(a.last_seen_at);
      window.GXChecklist.render($("applicant-checklist"), a.checklist, tr, { level: 4, prefix: "sck", open: state.open });
      var base = API + "/applicants/" + encodeURIComponent(a.reference);
      if (a.report) {
        $("report-meta").textContent = tr("report_made", { time: time(a.report.created_at), verdict: a.report.verdict_label });
        downloads($("report-downloads"), base, a.report.formats);
      } else {
        $("report-meta").textContent = tr("no_report");
        $("report-downloads").textContent = "";
      }
      $("report-view").hidden = $("report-print").hidden = !a.report;
      var body = $("files-table").querySelector("tbody");
      body.textContent = "";
      a.files.forEach(function (f) {
        var row = el("tr");
        row.appendChild(el("th", null, f.name)).setAttribute("scope", "row");
        row.appendChild(el("td", null, f.materials.length ? f.materials.map(function (m) { return m.id + " " + m.name; }).join("; ") : tr("not_recognised")));
        row.appendChild(el("td", null, f.language_name));
        row.appendChild(el("td", f.problems.length ? "bad" : null, f.problems.join("; ") || "—"));
        body.appendChild(row);
      });
      $("files-table").hidden = !a.files.length;
      $("files-empty").hidden = a.files.length > 0;
      var conv = $("conversation");
      conv.textContent = "";
      a.conversation.forEach(function (ev) {
        var li = el("li", "turn " + ev.role);
        var who = ev.role === "user" ? tr("role_user") : ev.role === "bot" ? tr("role_bot") : tr("role_upload", { n: ev.count });
        li.appendChild(el("span", "who", who));
        if (ev.role !== "upload") li.appendChild(el("span", "said", (ev.text || "").replace(/\*\*|`/g, "")));
        conv.appendChild(li);
      });
      $("conv-empty").hidden = a.conversation.length > 0;
      if (focus) $("applicant-title").focus();
    }).catch(function (err) { $("applicant-view").hidden = true; onError(err); $("lookup-ref").focus(); });
  }

  $("lookup").addEventListener("submit", function (e) {
    e.preventDefault();
    loadApplicant($("lookup-ref").value, true);
  });

  // Show a report in a frame (same origin, no scripts), or use the one already shown.
  function showFrame(frame, url) {
    return new Promise(function (resolve) {
      if (!frame.hidden && frame.getAttribute("data-url") === url && frame.contentDocument && frame.contentDocument.readyState === "complete") { resolve(frame); return; }
      frame.onload = function () { resolve(frame); };
      frame.hidden = false;
      frame.setAttribute("data-url", url);
      frame.src = url + "&frame=1";
    });
  }

  var applicantBase = function () { return API + "/applicants/" + encodeURIComponent(state.reference); };

  $("report-view").addEventListener("click", function () {
    showFrame($("report-frame"), reportUrl(applicantBase(), "html")).then(function (f) { f.focus(); });
  });
  $("report-print").addEventListener("click", function () {
    showFrame($("report-frame"), reportUrl(applicantBase(), "html")).then(function (f) { f.contentWindow.print(); });
  });
  $("rerun").addEventListener("click", function () {
    var b = $("rerun");
    b.disabled = true;
    api("POST", "/applicants/" + encodeURIComponent(state.reference) + "/precheck").then(function (r) {
      say(r.message + " " + r.report.verdict_label);
      return loadApplicant(state.reference, false);
    }).catch(onError).then(function () { b.disabled = false; b.focus(); });
  });

  // --- batch pre-check ---------------------------------------------------------------------------

  function entryFiles(entry, path) {
    // A dropped folder: walk it (webkitGetAsEntry).
    return new Promise(function (resolve) {
      if (entry.isFile) { entry.file(function (f) { resolve([{ file: f, path: path + f.name }]); }, function () { resolve([]); }); return; }
      var reader = entry.createReader(), all = [];
      (function read() {
        reader.readEntries(function (entries) {
          if (!entries.length) {
            Promise.all(all).then(function (lists) { resolve([].concat.apply([], lists)); });
            return;
          }
          entries.forEach(function (en) { all.push(entryFiles(en, path + entry.name + "/")); });
          read();
        }, function () { resolve([]); });
      })();
    });
  }

  function startBatch(items) {
    // One folder dropped or chosen: names relative to it, as the CLI names them.
    var top = items.length && items.every(function (it) { return it.path.indexOf("/") > 0; }) ? items[0].path.split("/")[0] : null;
    if (top && items.every(function (it) { return it.path.split("/")[0] === top; })) {
      items = items.map(function (it) { return { file: it.file, path: it.path.slice(top.length + 1) }; });
    }
    items = items.filter(function (it) { return !/(^|\/)[.~]/.test(it.path); })
      .sort(function (a, b) { return a.path < b.path ? -1 : a.path > b.path ? 1 : 0; });
    if (!items.length) return;
    var list = $("batch-list");
    list.textContent = "";
    $("batch-result").hidden = true;
    var rows = items.map(function (it) {
      var li = el("li", "waiting");
      li.appendChild(el("span", "bname", it.path));
      var st = el("span", "bstate", tr("batch_waiting"));
      li.appendChild(st);
      var bar = el("progress");
      bar.max = 1; bar.value = 0;
      bar.setAttribute("aria-label", it.path);
      li.appendChild(bar);
      list.appendChild(li);
      return { li: li, st: st, bar: bar, item: it };
    });
    var done = 0;
    var progress = function () { $("batch-progress").textContent = tr("batch_progress", { done: done, total: rows.length }); };
    progress();
    api("POST", "/batches").then(function (b) {
      state.batch = b.batch_id;
      return rows.reduce(function (p, row) {
        return p.then(function () {
          row.st.textContent = tr("batch_reading");
          row.bar.removeAttribute("value");
          var fd = new FormData();
          fd.append("file", row.item.file, row.item.file.name);
          fd.append("path", row.item.path);
          return api("POST", "/batches/" + b.batch_id + "/files", fd).then(function (f) {
            row.li.className = f.problems.length ? "done bad" : "done";
            row.st.textContent = tr("batch_done") + " · " + (f.materials.length ? f.materials.map(function (m) { return m.id; }).join(", ") : tr("not_recognised")) + (f.problems.length ? " · " + f.problems.join("; ") : "");
          }).catch(function (err) {
            row.li.className = "failed";
            row.st.textContent = tr("batch_failed") + " · " + err.message;
          }).then(function () { row.bar.value = 1; done++; progress(); });
        });
      }, Promise.resolve());
    }).then(function () {
      var base = API + "/batches/" + state.batch;
      downloads($("batch-downloads"), base, ["docx", "html", "json"]);
      $("batch-result").hidden = false;
      return showFrame($("batch-frame"), reportUrl(base, "html"));
    }).then(function () { $("batch-report-title").focus(); }).catch(onError);
  }

  function fromInput(input) {
    var items = Array.prototype.map.call(input.files, function (f) { return { file: f, path: f.webkitRelativePath || f.name }; });
    input.value = "";
    startBatch(items);
  }

  $("batch-files").addEventListener("click", function () { $("batch-input").click(); });
  $("batch-folder").addEventListener("click", function () { $("batch-folder-input").click(); });
  $("batch-input").addEventListener("change", function () { fromInput($("batch-input")); });
  $("batch-folder-input").addEventListener("change", function () { fromInput($("batch-folder-input")); });
  var drop = $("batch-drop");
  drop.addEventListener("dragover", function (e) { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", function () { drop.classList.remove("over"); });
  drop.addEventListener("drop", function (e) {
    e.preventDefault();
    drop.classList.remove("over");
    var dt = e.dataTransfer, entries = [];
    Array.prototype.forEach.call(dt.items || [], function (it) {
      var en = it.webkitGetAsEntry ? it.webkitGetAsEntry() : null;
      if (en && en.isDirectory) entries.push(en);
    });
    if (entries.length) {
      Promise.all(entries.map(function (en) { return entryFiles(en, ""); })).then(function (lists) { startBatch([].concat.apply([], lists)); });
    } else {
      startBatch(Array.prototype.map.call(dt.files, function (f) { return { file: f, path: f.name }; }));
    }
  });
  $("batch-print").addEventListener("click", function () { $("batch-frame").contentWindow.print(); });
  $("batch-new").addEventListener("click", function () {
    $("batch-list").textContent = ""; $("batch-progress").textContent = ""; $("batch-result").hidden = true;
    $("batch-files").focus();
  });

  // --- the audit log -------------------------------------------------------------------------

  function loadAudit() {
    return api("GET", "/audit").then(function (d) {
      var body = $("audit-table").querySelector("tbody");
      body.textContent = "";
      d.entries.forEach(function (e) {
        var row = el("tr");
        [time(e.at), e.account, tr("action_" + e.action) || e.action, e.reference, e.detail].forEach(function (v) { row.appendChild(el("td", null, v)); });
        body.appendChild(row);
      });
      $("audit-empty").hidden = d.entries.length > 0;
    }).catch(onError);
  }

  // --- start ----------------------------------------------------------------------------------

  $("lang-switch").addEventListener("click", function () {
    state.lang = state.lang === "zh" ? "en" : "zh";
    try { localStorage.setItem(LANG_KEY, state.lang); } catch (e) { /* private mode */ }
    applyLanguage();
    if (state.me) {
      var visible = document.querySelector("[data-panel-id]:not([hidden])");
      if (visible && visible.id === "queue") loadQueue();
      if (visible && visible.id === "audit") loadAudit();
      if (state.reference && !$("applicant-view").hidden) loadApplicant(state.reference, false);
    }
  });

  fetch("/portal/api/v1/strings/console").then(function (r) { return r.json(); }).then(function (s) {
    state.strings = s;
    applyLanguage();
    return api("GET", "/me").then(function (me) { if (me.account) showDesk(me); else showSignIn(); })
      .catch(function () { showSignIn(); });
  });
})();
