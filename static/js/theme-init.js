// Loaded synchronously in <head> to avoid a flash of the wrong theme.
(function () {
  'use strict';
  var stored = null;
  try { stored = localStorage.getItem('theme'); } catch (e) { /* storage blocked */ }
  var dark = stored === 'dark' ||
    (stored !== 'light' && window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', !!dark);
  document.documentElement.classList.add('js'); // see .js-only / .no-js-only in app.css
})();
