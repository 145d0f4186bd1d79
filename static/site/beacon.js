// Private analytics for published pages. The page counts without this script (its <noscript>
// image); the script only adds what a plain image request cannot carry: the referring site
// and the campaign (utm_*) of the page's address. No cookies, no storage, no identifiers.
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script) return;
  var url = script.getAttribute('data-beacon') +
    '&r=' + encodeURIComponent(document.referrer || '') +
    '&q=' + encodeURIComponent(location.search || '');
  new Image(1, 1).src = url;
})();
