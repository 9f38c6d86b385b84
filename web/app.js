/* The chat page: talks to the portal channel's HTTP API (see openapi.yaml). */
(function () {
  "use strict";

  var API = "/portal/api/v1";
  var STORE_KEY = "gx-assistant-session";

  var UI = {
    zh: {
      title: "国外职业资格证书注册 · 咨询与材料预审",
      subtitle: "依据《广西壮族自治区人力资源和社会保障厅关于明确自由贸易试验区以技能为主的国外职业资格证书及发证机构资格审核和注册工作有关事项的通知》（桂人社规〔2020〕12号）",
      skip: "跳到输入框", chat: "对话", input_label: "输入您的问题", send: "发送",
      placeholder: "请输入您的问题",
      attach: "上传材料（PDF、DOCX 或照片）", files: "已上传的材料",
      drop: "把 PDF / DOCX 文件或照片（JPG / PNG）拖到这里，或点此选择（可多选）", drop_label: "选择或拖入文件上传",
      drop_now: "松开鼠标即可上传", make_report: "生成预审报告",
      hint: "预审只检查材料是否齐全、可读、附有中文译本以及注册表填写是否规范，不代替审批部门的审核决定。",
      tpl1: "下载附件1 注册表（空白）", tpl2: "下载附件2 年度汇总表（空白）",
      switch_to: "English", switch_label: "Switch to English",
      reference: "业务参考号：", thinking: "正在回复…", uploading: "正在上传",
      parsing: "正在解析", remove: "删除", replace: "替换", removed: "已删除",
      not_recognised: "未识别，请在对话中选择材料类型", problems: "需处理：",
      ok: "可读", download_docx: "下载 Word 报告", download_html: "打印版（HTML）",
      download_json: "JSON", network: "网络连接失败，请检查网络后重试。您的材料和对话不会丢失。",
      too_big: "文件过大", you: "您", bot: "助手", sent_files: "上传了文件：",
      report_title: "预审报告", lang_code: "zh-CN", no_files: "还没有上传文件。",
      sep: "：", list_sep: "、", files_uploaded: "上传了 {n} 个文件", reading_files: "正在读取文件…", form_problems: "注册表需更正："
    },
    en: {
      title: "Registering a foreign vocational qualification · Guidance and pre-check",
      subtitle: "Based on notice 桂人社规〔2020〕12号 of the Guangxi Department of Human Resources and Social Security on foreign skill-based vocational qualification certificates in the Free Trade Zone",
      skip: "Skip to the message box", chat: "Conversation", input_label: "Type your question", send: "Send",
      placeholder: "Type your question",
      attach: "Upload materials (PDF, DOCX or photos)", files: "Uploaded materials",
      drop: "Drop PDF / DOCX files or photos (JPG / PNG) here, or click to choose (several at once)", drop_label: "Choose or drop files to upload",
      drop_now: "Drop to upload", make_report: "Make the pre-check report",
      hint: "The pre-check only looks at whether the materials are complete, readable, translated into Chinese and whether the registration form is filled in correctly. It does not replace the department's decision.",
      tpl1: "Download Annex 1 registration form (blank)", tpl2: "Download Annex 2 annual summary (blank)",
      switch_to: "中文", switch_label: "切换到中文",
      reference: "Reference: ", thinking: "Replying…", uploading: "Uploading",
      parsing: "Reading", remove: "Remove", replace: "Replace", removed: "Removed",
      not_recognised: "Not recognised: please choose its type in the chat", problems: "To fix: ",
      ok: "Readable", download_docx: "Download Word report", download_html: "Printable (HTML)",
      download_json: "JSON", network: "The connection failed. Please check your network and try again. Your files and conversation are kept.",
      too_big: "File too large", you: "You", bot: "Assistant", sent_files: "Uploaded: ",
      report_title: "Pre-check report", lang_code: "en", no_files: "No files uploaded yet.",
      sep: ": ", list_sep: ", ", files_uploaded: "{n} file(s) uploaded", reading_files: "Reading files…", form_problems: "Form to correct: "
    }
  };

  var state = { token: null, reference: null, lang: "zh", busy: 0, uploading: 0 };
  var $ = function (id) { return document.getElementById(id); };
  var log = $("log"), input = $("input"), statusEl = $("status");

  function tr(key) { return (UI[state.lang] || UI.zh)[key] || UI.zh[key] || key; }

  function applyLanguage() {
    document.documentElement.lang = tr("lang_code");
    document.querySelectorAll("[data-i18n]").forEach(function (el) { el.textContent = tr(el.getAttribute("data-i18n")); });
    document.querySelectorAll("[data-i18n-label]").forEach(function (el) {
      el.setAttribute("aria-label", tr(el.getAttribute("data-i18n-label")));
      if (el.hasAttribute("title")) el.setAttribute("title", tr(el.getAttribute("data-i18n-label")));
    });
    document.querySelectorAll("[data-i18n-placeholder]").forEach(function (el) { el.placeholder = tr(el.getAttribute("data-i18n-placeholder")); });
    var sw = $("lang-switch");
    sw.textContent = tr("switch_to");
    sw.setAttribute("aria-label", tr("switch_label"));
    sw.setAttribute("lang", state.lang === "zh" ? "en" : "zh");
    document.title = tr("title");
    showReference();
  }

  function showReference() {
    $("reference").textContent = state.reference ? tr("reference") + state.reference : "";
  }

  function save() {
    try { localStorage.setItem(STORE_KEY, JSON.stringify({ token: state.token, reference: state.reference, lang: state.lang })); } catch (e) { /* private mode */ }
  }

  function load() {
    try { return JSON.parse(localStorage.getItem(STORE_KEY) || "null"); } catch (e) { return null; }
  }

  // --- HTTP ----------------------------------------------------------------------------

  function api(method, path, body) {
    var opts = { method: method, headers: { "X-Assistant-Lang": state.lang } };
    if (state.token) opts.headers.Authorization = "Bearer " + state.token;
    if (body !== undefined) { opts.headers["Content-Type"] = "application/json"; opts.body = JSON.stringify(body); }
    return fetch(API + path, opts).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (data) {
        if (!r.ok) { var err = new Error(data.message || ("HTTP " + r.status)); err.status = r.status; err.data = data; throw err; }
        return data;
      });
    });
  }

  // A message waits for its answer before the next one is sent; files being read do not
  // hold up the conversation.
  function showStatus() {
    statusEl.textContent = state.busy > 0 ? tr("thinking") : (state.uploading > 0 ? tr("reading_files") : "");
    $("send").disabled = state.busy > 0;
  }

  function setBusy(delta) { state.busy += delta; showStatus(); }

  function setUploading(delta) { state.uploading += delta; showStatus(); }

  // --- rendering -------------------------------------------------------------------------

  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]; });
  }

  function inline(s) {
    return s
      .replace(/`([^`]+)`/g, "<code>$1</code>")
      .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
      .replace(/(^|\s)_([^_]+)_(?=$|\s|[.,;:!?)。，；：）])/g, "$1<em>$2</em>")
      .replace(/\[([^\]]+)\]\((\/portal\/[^)\s]+)\)/g, '<a href="$2" target="_blank" rel="noopener">$1</a>');
  }

  // A small, safe Markdown subset: headings, bullet and numbered lists, bold, italics, code
  // and links to this site only.
  function markdown(text) {
    var lines = escapeHtml(text || "").split("\n");
    var html = [], list = null;
    function close() { if (list) { html.push("</" + list + ">"); list = null; } }
    lines.forEach(function (line) {
      var m;
      if ((m = line.match(/^\s*[-*•]\s+(.*)$/))) {
        if (list !== "ul") { close(); html.push("<ul>"); list = "ul"; }
        html.push("<li>" + inline(m[1]) + "</li>");
      } else if ((m = line.match(/^\s*(\d+)[.、)]\s+(.*)$/))) {
        if (list !== "ol") { close(); html.push("<ol>"); list = "ol"; }
        html.push("<li>" + inline(m[2]) + "</li>");
      } else if ((m = line.match(/^#{1,6}\s+(.*)$/))) {
        close(); html.push("<h3>" + inline(m[1]) + "</h3>");
      } else if (line.trim() === "") {
        close();
      } else {
        close(); html.push("<p>" + inline(line) + "</p>");
      }
    });
    close();
    return html.join("");
  }

  function scrollDown() { log.scrollTop = log.scrollHeight; }

  function addUser(text) {
    var div = document.createElement("div");
    div.className = "msg user";
    div.setAttribute("aria-label", tr("you"));
    div.textContent = text;
    log.appendChild(div);
    scrollDown();
  }

  function addNote(text, isError) {
    var div = document.createElement("div");
    div.className = "msg note" + (isError ? " error" : "");
    div.textContent = text;
    log.appendChild(div);
    scrollDown();
  }

  function addBot(m, live) {
    var custom = m.custom || {};
    var hasButtons = m.buttons && m.buttons.length;
    var previous = log.lastElementChild;
    if (!m.text && !hasButtons) {
      // Extras sent after a text (download links) belong to that text's bubble.
      if (!custom.report && !custom.templates) return;
      if (previous && previous.classList.contains("bot")) {
        if (custom.report) previous.appendChild(reportLinks(custom.report));
        if (custom.templates) previous.appendChild(templateLinks(custom.templates));
        if (custom.report) showReportLinks(custom.report);
        scrollDown();
        return;
      }
    }
    var div = document.createElement("div");
    div.className = "msg bot";
    if (custom.error) div.className += " error";
    div.innerHTML = markdown(m.text || "");
    if (custom.report) div.appendChild(reportLinks(custom.report));
    if (custom.templates) div.appendChild(templateLinks(custom.templates));
    if (m.buttons && m.buttons.length) {
      var box = document.createElement("div");
      box.className = "buttons";
      m.buttons.forEach(function (b) {
        var btn = document.createElement("button");
        btn.type = "button";
        btn.textContent = b.title;
        btn.disabled = !live;
        btn.addEventListener("click", function () {
          box.querySelectorAll("button").forEach(function (x) { x.disabled = true; });
          send(b.payload, b.title);
        });
        box.appendChild(btn);
      });
      div.appendChild(box);
    }
    log.appendChild(div);
    if (custom.report) showReportLinks(custom.report);
    scrollDown();
  }

  function linkList(items) {
    var p = document.createElement("p");
    p.className = "report-links";
    items.forEach(function (it) {
      var a = document.createElement("a");
      a.href = it.href; a.textContent = it.label; a.target = "_blank"; a.rel = "noopener";
      if (it.download) a.setAttribute("download", "");
      p.appendChild(a);
    });
    return p;
  }

  function reportLinks(report) {
    var links = report.links || {};
    var items = [];
    if (links.docx) items.push({ href: links.docx, label: tr("download_docx"), download: true });
    if (links.html) items.push({ href: links.html, label: tr("download_html") });
    if (links.json) items.push({ href: links.json, label: tr("download_json") });
    return linkList(items);
  }

  function templateLinks(templates) {
    return linkList(templates.map(function (t) { return { href: t.url, label: t.title, download: true }; }));
  }

  function showReportLinks(report) {
    var box = $("report-links");
    box.innerHTML = "";
    box.appendChild(reportLinks(report));
  }

  function renderMessages(messages) {
    (messages || []).forEach(function (m) { addBot(m, true); });
  }

  // --- files --------------------------------------------------------------------------------

  function renderFiles(files) {
    var ul = $("files");
    ul.innerHTML = "";
    if (!files.length) {
      var li = document.createElement("li");
      li.className = "meta"; li.textContent = tr("no_files");
      ul.appendChild(li);
      return;
    }
    files.forEach(function (f) {
      var li = document.createElement("li");
      var name = document.createElement("div");
      name.className = "name"; name.textContent = f.name;
      li.appendChild(name);
      var meta = document.createElement("div");
      var names = (f.material_names || []).join(tr("list_sep"));
      var probs = (f.problem_labels || []).join(tr("list_sep"));
      var form = (f.form_problems || []).map(function (p) { return p.label + tr("sep") + p.field; });
      meta.className = "meta " + (probs || form.length ? "bad" : (names ? "ok" : ""));
      meta.textContent = (names || tr("not_recognised")) + (probs ? " · " + tr("problems") + probs : "");
      li.appendChild(meta);
      if (form.length) {
        var fp = document.createElement("div");
        fp.className = "meta bad";
        fp.textContent = tr("form_problems") + form.join(tr("list_sep"));
        li.appendChild(fp);
      }
      var actions = document.createElement("div");
      actions.className = "actions";
      var rm = document.createElement("button");
      rm.type = "button"; rm.textContent = tr("remove");
      rm.setAttribute("aria-label", tr("remove") + " " + f.name);
      rm.addEventListener("click", function () { removeFile(f); });
      var rp = document.createElement("button");
      rp.type = "button"; rp.textContent = tr("replace");
      rp.setAttribute("aria-label", tr("replace") + " " + f.name);
      rp.addEventListener("click", function () { pickFiles(f.id); });
      actions.appendChild(rp); actions.appendChild(rm);
      li.appendChild(actions);
      ul.appendChild(li);
    });
  }

  function refreshFiles() {
    return api("GET", "/uploads").then(function (d) { renderFiles(d.files || []); }).catch(function () {});
  }

  function removeFile(f) {
    setBusy(1);
    api("DELETE", "/uploads/" + encodeURIComponent(f.id)).then(function (d) {
      addNote(tr("removed") + tr("sep") + f.name);
      renderMessages(d.messages);
      return refreshFiles();
    }).catch(onError).then(function () { setBusy(-1); });
  }

  var replacing = null;
  function pickFiles(replaceId) {
    replacing = replaceId || null;
    var fi = $("file-input");
    fi.multiple = !replacing;
    fi.value = "";
    fi.click();
  }

  // One request per batch of files (at most 10): one progress bar for the batch, and the
  // assistant's feedback on each file.
  var BATCH = 10;

  function uploadBatch(files, replaces) {
    return new Promise(function (resolve) {
      var names = files.map(function (f) { return f.name; }).join(tr("list_sep"));
      var li = document.createElement("li");
      var label = document.createElement("span");
      label.textContent = tr("uploading") + tr("sep") + names;
      var bar = document.createElement("progress");
      bar.max = 100; bar.value = 0;
      bar.setAttribute("aria-label", tr("uploading") + " " + names);
      li.appendChild(label); li.appendChild(bar);
      $("uploads").appendChild(li);
      var fd = new FormData();
      files.forEach(function (f) { fd.append("file", f, f.name); });
      fd.append("lang", state.lang);
      if (replaces) fd.append("replaces", replaces);
      var xhr = new XMLHttpRequest();
      xhr.open("POST", API + "/uploads");
      xhr.setRequestHeader("Authorization", "Bearer " + state.token);
      xhr.setRequestHeader("X-Assistant-Lang", state.lang);
      xhr.upload.onprogress = function (e) {
        if (e.lengthComputable) bar.value = Math.round(100 * e.loaded / e.total);
      };
      xhr.upload.onload = function () { bar.removeAttribute("value"); label.textContent = tr("parsing") + tr("sep") + names; };
      xhr.onload = function () {
        li.remove();
        var data = {};
        try { data = JSON.parse(xhr.responseText || "{}"); } catch (e) { /* not JSON */ }
        if (xhr.status >= 200 && xhr.status < 300) {
          renderMessages(data.messages);
        } else if (xhr.status === 401) {
          addNote(data.message || tr("network"), true);
        } else {
          addNote(names + tr("sep") + (data.message || (xhr.status === 413 ? tr("too_big") : tr("network"))), true);
        }
        resolve();
      };
      xhr.onerror = function () { li.remove(); addNote(names + tr("sep") + tr("network"), true); resolve(); };
      xhr.send(fd);
    });
  }

  function uploadFiles(fileList) {
    var files = Array.prototype.slice.call(fileList || []);
    if (!files.length) return;
    var replaces = replacing; replacing = null;
    addUser(tr("sent_files") + files.map(function (f) { return f.name; }).join(tr("list_sep")));
    setUploading(1);
    var batches = [];
    for (var i = 0; i < files.length; i += BATCH) batches.push(files.slice(i, i + BATCH));
    batches.reduce(function (p, batch) {
      return p.then(function () { return uploadBatch(batch, replaces); });
    }, Promise.resolve()).then(refreshFiles).then(function () { setUploading(-1); });
  }

  // --- conversation ------------------------------------------------------------------------

  function onError(err) {
    if (err && err.status === 401) { return startSession(true); }
    addNote((err && err.data && err.data.message) || tr("network"), true);
  }

  function send(text, shown) {
    if (!text || !text.trim()) return;
    addUser(shown || text);
    setBusy(1);
    return api("POST", "/messages", { text: text }).then(function (d) {
      renderMessages(d.messages);
      return refreshFiles();
    }).catch(onError).then(function () { setBusy(-1); });
  }

  function startSession(greet) {
    return api("POST", "/sessions", { lang: state.lang }).then(function (d) {
      state.token = d.token; state.reference = d.reference;
      save(); showReference();
      renderFiles([]);
      if (greet) return api("POST", "/messages", { text: "/greet" }).then(function (r) { renderMessages(r.messages); });
    });
  }

  function restore(saved) {
    state.token = saved.token; state.reference = saved.reference;
    return api("GET", "/history").then(function (h) {
      state.reference = h.reference || state.reference;
      showReference();
      var events = h.events || [];
      events.forEach(function (ev, i) {
        var last = i === events.length - 1;
        if (ev.role === "user") addUser(ev.text);
        else if (ev.role === "bot") addBot(ev, last);
        else if (ev.role === "upload") addNote("📎 " + tr("files_uploaded").replace("{n}", ev.count));
      });
      if (!events.length) return api("POST", "/messages", { text: "/greet" }).then(function (r) { renderMessages(r.messages); });
    }).then(refreshFiles);
  }

  function init() {
    var saved = load();
    if (saved && (saved.lang === "en" || saved.lang === "zh")) state.lang = saved.lang;
    else if ((navigator.language || "").toLowerCase().indexOf("zh") !== 0 && (navigator.language || "").toLowerCase().indexOf("en") === 0) state.lang = "en";
    applyLanguage();
    var p = saved && saved.token ? restore(saved).catch(function () { log.innerHTML = ""; return startSession(true); }) : startSession(true);
    p.catch(onError);
  }

  // --- events ------------------------------------------------------------------------------

  $("composer").addEventListener("submit", function (e) {
    e.preventDefault();
    var text = input.value.trim();
    if (!text || state.busy > 0) return;
    input.value = ""; input.style.height = "";
    send(text);
  });
  input.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) { e.preventDefault(); $("composer").requestSubmit(); }
  });
  input.addEventListener("input", function () { input.style.height = ""; input.style.height = Math.min(input.scrollHeight, 128) + "px"; });
  $("attach").addEventListener("click", function () { pickFiles(null); });
  $("dropzone").addEventListener("click", function () { pickFiles(null); });
  $("dropzone").addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); pickFiles(null); } });
  $("file-input").addEventListener("change", function (e) { uploadFiles(e.target.files); });
  $("report-btn").addEventListener("click", function () {
    var btn = $("report-btn");
    if (btn.disabled) return;
    btn.disabled = true;
    addUser(tr("make_report"));
    setBusy(1);
    api("POST", "/reports").then(function (d) { renderMessages(d.messages); }).catch(onError)
      .then(function () { setBusy(-1); btn.disabled = false; });
  });
  $("lang-switch").addEventListener("click", function () {
    state.lang = state.lang === "zh" ? "en" : "zh";
    save(); applyLanguage(); refreshFiles();
    send(state.lang === "en" ? '/switch_language{"language":"en"}' : '/switch_language{"language":"zh"}',
         state.lang === "en" ? "English" : "中文");
  });

  var dragDepth = 0, overlay = $("drop-overlay");
  window.addEventListener("dragenter", function (e) { if (hasFiles(e)) { dragDepth++; overlay.hidden = false; e.preventDefault(); } });
  window.addEventListener("dragover", function (e) { if (hasFiles(e)) e.preventDefault(); });
  window.addEventListener("dragleave", function () { dragDepth = Math.max(0, dragDepth - 1); if (!dragDepth) overlay.hidden = true; });
  window.addEventListener("drop", function (e) {
    if (!hasFiles(e)) return;
    e.preventDefault(); dragDepth = 0; overlay.hidden = true;
    uploadFiles(e.dataTransfer.files);
  });
  function hasFiles(e) { return e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types || [], "Files") >= 0; }

  init();
})();
