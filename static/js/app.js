// Grooya front-end behaviour. Loaded with <script src defer>; CSP-safe (no eval, no inline handlers).
(function () {
  'use strict';

  var root = document.documentElement;
  var media = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;

  // ---- Dark mode -------------------------------------------------------
  function storedTheme() {
    try { return localStorage.getItem('theme'); } catch (e) { return null; }
  }
  function isDark() { return root.classList.contains('dark'); }
  function syncToggles() {
    var dark = isDark();
    document.querySelectorAll('[data-theme-toggle]').forEach(function (btn) {
      btn.setAttribute('aria-pressed', dark ? 'true' : 'false');
      var label = btn.querySelector('[data-theme-label]');
      // Optional label; override texts with data-label-dark / data-label-light.
      if (label) label.textContent = label.getAttribute(dark ? 'data-label-dark' : 'data-label-light') || (dark ? 'Dark' : 'Light');
    });
  }
  function applyTheme() {
    var t = storedTheme();
    var dark = t === 'dark' || (t !== 'light' && !!(media && media.matches));
    root.classList.toggle('dark', dark);
    syncToggles();
  }
  if (media) {
    var onSystemChange = function () { if (!storedTheme()) applyTheme(); };
    if (media.addEventListener) media.addEventListener('change', onSystemChange);
    else if (media.addListener) media.addListener(onSystemChange);
  }

  // ---- Toasts ------------------------------------------------------------
  function toast(message) {
    var box = document.getElementById('toasts');
    if (!box) return;
    var el = document.createElement('div');
    el.className = 'toast';
    el.setAttribute('role', 'status');
    el.textContent = message;
    box.appendChild(el);
    setTimeout(function () { fadeOut(el); }, 6000);
  }
  function fadeOut(el) {
    el.classList.add('is-fading');
    setTimeout(function () { el.remove(); }, 500);
  }
  function htmxError() { toast('Something went wrong. Please try again.'); }
  document.addEventListener('htmx:responseError', htmxError);
  document.addEventListener('htmx:sendError', htmxError);

  // ---- Type-to-confirm -----------------------------------------------------
  function syncConfirm(form) {
    var input = form.querySelector('[data-confirm-input]');
    var ok = !!input && input.value === form.getAttribute('data-confirm-text');
    form.querySelectorAll('button[type="submit"], button:not([type]), input[type="submit"]').forEach(function (b) {
      b.disabled = !ok;
    });
  }
  document.addEventListener('input', function (e) {
    var form = e.target.closest && e.target.closest('form[data-confirm-text]');
    if (form && e.target.matches('[data-confirm-input]')) syncConfirm(form);
  });
  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (!form.matches('form[data-confirm-text]')) return;
    var input = form.querySelector('[data-confirm-input]');
    if (!input || input.value !== form.getAttribute('data-confirm-text')) {
      e.preventDefault();
      e.stopPropagation(); // capture phase on document: keeps htmx from sending it too
    }
  }, true);

  // ---- Initialise (page load + htmx swaps) -----------------------------------
  var timers = typeof WeakSet === 'function' ? new WeakSet() : null;
  function each(scope, sel, fn) { // like querySelectorAll, but includes scope itself
    if (scope.matches && scope.matches(sel)) fn(scope);
    scope.querySelectorAll(sel).forEach(fn);
  }
  function init(scope) {
    scope = scope || document;
    each(scope, 'form[data-confirm-text]', syncConfirm);
    each(scope, '[data-autodismiss]', function (el) {
      if (timers) { if (timers.has(el)) return; timers.add(el); }
      setTimeout(function () { fadeOut(el); }, 6000);
    });
    syncToggles();
  }
  document.addEventListener('htmx:load', function (e) { init(e.target); });

  // ---- Click delegation --------------------------------------------------------
  document.addEventListener('click', function (e) {
    var t = e.target.closest ? e.target : e.target.parentElement;
    if (!t) return;

    var toggle = t.closest('[data-theme-toggle]');
    if (toggle) {
      var next = isDark() ? 'light' : 'dark';
      try { localStorage.setItem('theme', next); } catch (err) { /* ignore */ }
      applyTheme();
      return;
    }

    var dismiss = t.closest('[data-dismiss]');
    if (dismiss) {
      var box = dismiss.closest('[data-dismissible]');
      if (box) box.remove();
      return;
    }

    var nav = t.closest('[data-nav-toggle]');
    if (nav) {
      var target = document.getElementById(nav.getAttribute('aria-controls'));
      if (target) {
        var hidden = target.classList.toggle('hidden');
        nav.setAttribute('aria-expanded', hidden ? 'false' : 'true');
      }
      return;
    }

    var copy = t.closest('[data-copy]');
    if (copy) {
      if (!navigator.clipboard) { toast('Copying is not available here.'); return; }
      navigator.clipboard.writeText(copy.getAttribute('data-copy')).then(function () {
        if (!copy._copyNodes) copy._copyNodes = Array.prototype.slice.call(copy.childNodes);
        copy.textContent = 'Copied';
        clearTimeout(copy._copyTimer);
        copy._copyTimer = setTimeout(function () {
          copy.replaceChildren.apply(copy, copy._copyNodes);
          copy._copyNodes = null;
        }, 1500);
      }, function () { toast('Could not copy to clipboard.'); });
    }
  });

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { applyTheme(); init(document); });
  } else {
    applyTheme();
    init(document);
  }
})();
