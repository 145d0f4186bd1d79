// "Ask about my work" without leaving the page. The form posts exactly as it does without
// JavaScript (no cookies), asking for the answer as a stream (site/events.js): its words are
// shown as they are written, then the answer page the server sends at the end (the same page
// the form shows without JavaScript) replaces them with the answer to keep, its citation
// links, and the conversation id for the next question. While the answer is being written the
// live region is busy, so a screen reader reads it once, whole. The page's own token stays:
// it only grows older, as the timer wants.
(function () {
  'use strict';
  var form = document.querySelector('form[data-ask]');
  var out = document.getElementById('ask-answer');
  if (!form || !out || !window.fetch || !window.DOMParser) return;

  function paragraph(className, text) {
    var p = document.createElement('p');
    p.className = className;
    p.textContent = text;
    return p;
  }

  function show(doc) {
    var answer = doc.querySelector('[data-answer]') || doc.querySelector('[data-message]');
    var parts = [paragraph('ask__text', answer ? answer.textContent.trim() : '')];
    var links = doc.querySelectorAll('[data-sources] a');
    if (links.length) {
      var sources = paragraph('ask__sources', 'From: ');
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

  function finish(html) {
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
  }

  function streamed(response) {
    var writing = paragraph('ask__text', '');
    var page = null;
    return window.readEvents(response, function (name, data) {
      if (name === 'chunk') {
        if (!writing.isConnected) out.replaceChildren(writing);
        writing.textContent += data.text;
      } else if (name === 'done') {
        page = data.page;
      }
    }).then(function () {
      if (page === null) throw new Error('cut off');
      finish(page);
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    out.setAttribute('aria-busy', 'true');
    out.textContent = 'Looking through the portfolio…';
    fetch(form.action, {
      method: 'POST', body: new FormData(form), credentials: 'omit',
      headers: { 'Accept': window.readEvents ? 'text/event-stream' : 'text/html' }
    })
      .then(function (response) {
        var type = response.headers.get('Content-Type') || '';
        if (type.indexOf('text/event-stream') === 0 && response.body) return streamed(response);
        return response.text().then(finish);
      })
      .catch(function () { out.textContent = 'Sorry, answers aren’t available right now.'; })
      .finally(function () {
        out.removeAttribute('aria-busy');
        button.disabled = false;
      });
  });
})();
