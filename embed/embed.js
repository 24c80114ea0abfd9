/*
 * Lung cancer recurrence guide: embed snippet for partner websites (docs/embedding.md).
 * No dependencies, no cookies, no requests of its own. Usage:
 *
 *   <div data-lung-guide data-src="https://guide.example/guide/" data-theme-accent="0a5c8c" data-lang="es"></div>
 *   <script src="https://guide.example/guide/embed/embed.js" async></script>
 *
 * It puts the guide in an iframe inside each [data-lung-guide] element and sets the iframe's
 * height from the guide's messages. The guide posts nothing but {type: "guide:height", height: N};
 * messages from any other window or origin are ignored.
 */
(function () {
  "use strict";

  var THEME = ["accent", "bg", "text", "font", "radius", "scale"];
  var SANDBOX =
    "allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-downloads allow-modals";
  var MIN_HEIGHT = 150;
  var MAX_HEIGHT = 100000;
  var DEFAULT_HEIGHT = 600;
  var DEFAULT_TITLE = "Guide for lung cancer that has come back";
  var script = document.currentScript;
  var scriptSrc = script && script.src;
  var frames = [];

  function warn(message) {
    if (window.console && console.warn) console.warn("lung guide embed: " + message);
  }

  // The guide's address: data-src, or the folder above this script (…/guide/embed/embed.js -> …/guide/).
  function guideUrl(el) {
    var raw = el.getAttribute("data-src") || (scriptSrc ? new URL("../", scriptSrc).href : "");
    var url;
    try {
      url = new URL(raw, document.baseURI);
    } catch (e) {
      return null;
    }
    var local =
      url.protocol === "http:" && (url.hostname === "localhost" || url.hostname === "127.0.0.1");
    if (url.protocol !== "https:" && !local) return null;
    url.hash = "";
    url.search = "";
    url.searchParams.set("embed", "1");
    if (location.origin && location.origin !== "null") {
      url.searchParams.set("parent", location.origin);
    }
    // The language (en, es): the guide opens in it whatever the reader's device says; without it,
    // the reader's own choice or device languages decide (docs/embedding.md).
    var lang = (el.getAttribute("data-lang") || "").trim();
    if (/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(lang)) url.searchParams.set("lang", lang);
    // Review mode for clinicians (issue 11) only when the partner turns it on.
    if (el.getAttribute("data-review") === "1") url.searchParams.set("review", "1");
    THEME.forEach(function (name) {
      var value = el.getAttribute("data-theme-" + name);
      if (value === null) return;
      value = String(value).trim().replace(/^#/, "");
      // The guide checks every value again (format, allowlist, contrast) and ignores bad ones.
      if (value) url.searchParams.set(name, value);
    });
    return url;
  }

  function clampHeight(value) {
    var h = Math.ceil(Number(value));
    if (!isFinite(h)) return null;
    return Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, h));
  }

  function embed(el) {
    if (el.getAttribute("data-lung-guide-ready") !== null) return;
    var url = guideUrl(el);
    if (!url) {
      warn("data-src must be an https:// address of the guide");
      return;
    }
    el.setAttribute("data-lung-guide-ready", "");
    var iframe = document.createElement("iframe");
    iframe.src = url.href;
    iframe.title = el.getAttribute("data-title") || DEFAULT_TITLE;
    iframe.setAttribute("loading", "lazy");
    iframe.setAttribute("referrerpolicy", "no-referrer");
    iframe.setAttribute("allow", "");
    iframe.setAttribute("sandbox", SANDBOX);
    iframe.style.display = "block";
    iframe.style.width = "100%";
    iframe.style.border = "0";
    iframe.style.height = (clampHeight(el.getAttribute("data-height")) || DEFAULT_HEIGHT) + "px";
    frames.push({ iframe: iframe, origin: url.origin });
    el.appendChild(iframe);
  }

  window.addEventListener("message", function (event) {
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (event.source !== f.iframe.contentWindow || event.origin !== f.origin) continue;
      var data = event.data;
      if (!data || typeof data !== "object" || data.type !== "guide:height") return;
      var h = clampHeight(data.height);
      if (h !== null) f.iframe.style.height = h + "px";
      return;
    }
  });

  function init() {
    var els = document.querySelectorAll("[data-lung-guide]");
    for (var i = 0; i < els.length; i++) embed(els[i]);
  }

  // For pages that add the element later: window.LungGuideEmbed.init().
  window.LungGuideEmbed = { init: init };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
