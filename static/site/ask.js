// "Ask about my work" without leaving the page. The form posts exactly as it does without
// JavaScript (no cookies); from the answer page that comes back, the answer's text and its
// citation links are shown under the form, and the conversation id goes into the form for the
// next question. The page's own token stays: it only grows older, as the timer wants.
(function () {
  'use strict';
  var form = document.querySelector('form[data-ask]');
  var out = document.getElementById('ask-answer');
  if (!form || !out || !window.fetch || !window.DOMParser) return;

  function show(doc) {
    var answer = doc.querySelector('[data-answer]') || doc.querySelector('[data-message]');
    var text = document.createElement('p');
    text.className = 'ask__text';
    text.textContent = answer ? answer.textContent.trim() : '';
    var parts = [text];
    var links = doc.querySelectorAll('[data-sources] a');
    if (links.length) {
      var sources = document.createElement('p');
      sources.className = 'ask__sources';
      sources.append('From: ');
      links.forEach(function (link, index) {
        var mine = document.createElement('a');
        mine.href = link.getAttribute('href');
        mine.textContent = link.textContent;
        sources.append(index ? ', ' : '', mine);
      });
      parts.push(sources);
    }
    out.replaceChildren.apply(out, parts);
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    out.textContent = 'Looking through the portfolio…';
    fetch(form.action, { method: 'POST', body: new FormData(form), credentials: 'omit' })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        show(doc);
        var fresh = doc.querySelector('input[name="conversation"]');
        if (fresh) {
          var mine = form.querySelector('input[name="conversation"]');
          if (!mine) {
            mine = document.createElement('input');
            mine.type = 'hidden';
            mine.name = 'conversation';
            form.append(mine);
          }
          mine.value = fresh.value;
        }
        if (!doc.querySelector('form')) form.hidden = true; // caps reached or turned off
        else form.querySelector('input[name="question"]').value = '';
      })
      .catch(function () { out.textContent = 'Sorry, answers aren’t available right now.'; })
      .finally(function () { button.disabled = false; });
  });
})();
