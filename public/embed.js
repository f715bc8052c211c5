/*
 * The clinic column's embed loader. Put a placeholder where the content should go
 * and this script after it:
 *
 *   <div data-clinic-column="article" data-slug="exosome-side-effects"></div>
 *   <script src="https://clinic.example/column/embed.js" async></script>
 *
 * data-clinic-column: article (with data-slug), faq, clinics, or columns (with
 * optional data-limit and data-category). Options: data-theme (light, dark, auto),
 * data-accent (#rrggbb), data-utm-source / -medium / -campaign / -content / -term,
 * and data-utm-from-page="true" to carry the landing page's own utm_* parameters.
 * A bad value is left out with a console warning; the embed still works.
 *
 * Each embed is a lazy-loaded, sandboxed iframe whose height follows its content:
 * the embedded page reports its height, and only messages from the app's origin and
 * from that very iframe are believed. No cookies, no tracking, no other requests.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  var appUrl = new URL(".", script.src).href;
  var appOrigin = new URL(script.src).origin;
  var SANDBOX = "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox";
  var HEIGHT_MESSAGE = "clinic-column:height";
  var MAX_HEIGHT = 100000;
  var UTM = ["utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term"];
  var TITLES = {
    article: "医師監修コラム記事",
    faq: "よくある質問",
    clinics: "クリニック紹介",
    columns: "新着コラム"
  };
  var frames = [];

  function warn(message) {
    if (window.console) console.warn("clinic column embed: " + message);
  }

  function pathFor(kind, el) {
    if (kind === "article") {
      var slug = el.getAttribute("data-slug") || "";
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) {
        warn("data-slug=" + JSON.stringify(slug) + " is not an article slug");
        return null;
      }
      return "embed/column/" + slug;
    }
    if (kind === "faq" || kind === "clinics" || kind === "columns") return "embed/" + kind;
    warn("data-clinic-column=" + JSON.stringify(kind) + " is not article, faq, clinics or columns");
    return null;
  }

  // Options are passed on as they are; the embedded page validates them, warns about
  // bad ones in its own console, and ignores them.
  function query(el, kind) {
    var params = new URLSearchParams();
    var names = ["theme", "accent"];
    if (kind === "columns") names.push("limit", "category");
    names.forEach(function (name) {
      var value = el.getAttribute("data-" + name);
      if (value) params.set(name, value);
    });
    if (el.getAttribute("data-utm-from-page") === "true") {
      var page = new URLSearchParams(location.search);
      UTM.forEach(function (key) {
        if (page.get(key)) params.set(key, page.get(key));
      });
    }
    UTM.forEach(function (key) {
      var value = el.getAttribute("data-" + key.replace("_", "-"));
      if (value) params.set(key, value);
    });
    // Tells the embed that this loader sizes its frame, so it need not scroll.
    params.set("sized", "1");
    return "?" + params.toString();
  }

  function mount(el) {
    if (el.getAttribute("data-clinic-column-mounted")) return;
    var kind = el.getAttribute("data-clinic-column");
    var path = pathFor(kind, el);
    if (!path) return;
    el.setAttribute("data-clinic-column-mounted", "true");
    var frame = document.createElement("iframe");
    frame.src = appUrl + path + query(el, kind);
    frame.title = el.getAttribute("data-title") || TITLES[kind];
    frame.loading = "lazy";
    frame.setAttribute("sandbox", SANDBOX);
    frame.setAttribute("scrolling", "no");
    frame.style.cssText = "display:block;width:100%;border:0;overflow:hidden;height:480px";
    el.appendChild(frame);
    frames.push(frame);
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== appOrigin) return;
    var data = event.data;
    if (!data || data.type !== HEIGHT_MESSAGE) return;
    var height = Math.ceil(Number(data.height));
    if (!(height > 0 && height < MAX_HEIGHT)) return;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = height + "px";
        return;
      }
    }
  });

  function mountAll() {
    var found = document.querySelectorAll("[data-clinic-column]");
    for (var i = 0; i < found.length; i++) mount(found[i]);
  }
  mountAll();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
})();
