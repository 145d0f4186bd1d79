// AI help in forms (templates/components/ai_menu.html, apps/ai/views.py). A menu entry posts
// the field's text to the server, which streams the suggestion back as server-sent events; the
// panel shows it as text as it comes. Nothing reaches the field until the person chooses "Use
// this" (after a confirmation when the suggestion holds claims their data lacks); then the
// field changes as if they had typed, so the editor saves it with its rev, and "Undo" puts back
// what was there. "Stop" closes the connection, which cancels the task on the server.
// CSP-safe: no inline handlers, text only (textContent), never HTML from the server.
(function () {
  'use strict';

  function within(el, sel) { return el && el.closest ? el.closest(sel) : null; }
  function csrfToken() {
    try { return JSON.parse(document.body.getAttribute('hx-headers') || '{}')['x-csrftoken'] || ''; }
    catch (err) { return ''; }
  }
  function part(menu, name) { return menu.querySelector('[data-ai-' + name + ']'); }
  function show(menu, names) {
    ['accept', 'discard', 'cancel', 'undo'].forEach(function (name) {
      part(menu, name).hidden = names.indexOf(name) === -1;
    });
  }
  function say(menu, text, error) {
    var status = part(menu, 'status');
    status.textContent = text;
    status.classList.toggle('is-error', !!error);
  }

  // ---- The field a menu belongs to, read and written as the person would ------------------
  function target(menu) { return document.getElementById(menu.getAttribute('data-ai-field')); }
  function rowsOf(menu) {
    var widget = within(menu, '.field-widget');
    return widget ? widget.querySelector('[data-item-rows]') : null;
  }
  function isTrix(el) { return el && el.tagName === 'TRIX-EDITOR'; }
  function formOf(menu) { return within(menu, 'form'); }

  function valueOf(el) {
    if (!el) return '';
    if (isTrix(el)) return el.editor.getDocument().toString().trim();
    return el.value || '';
  }
  function rowInputs(box) {
    return Array.prototype.slice.call(box.querySelectorAll('[data-rows] > [data-row] input[type=text], [data-rows] > [data-row] textarea'));
  }
  function fieldText(menu) {
    var box = rowsOf(menu);
    if (box) return rowInputs(box).map(function (i) { return i.value.trim(); }).filter(Boolean).join('\n');
    return valueOf(target(menu));
  }
  function named(form, name) {
    var el = form && form.querySelector('[name="' + name + '"]');
    if (!el) return null;
    return el.id && document.querySelector('trix-editor[input="' + el.id + '"]') || el;
  }
  function labelled(el) {
    var label = el.id && document.querySelector('label[for="' + el.id + '"]');
    return label ? label.textContent.trim() : el.name;
  }
  // Inputs the task reads from other fields of the form (data-ai-reads: {"title": ["title"]}).
  function reads(menu) {
    var spec = {};
    try { spec = JSON.parse(menu.getAttribute('data-ai-reads') || '{}'); } catch (err) { spec = {}; }
    var form = formOf(menu), out = {}, own = menu.getAttribute('data-ai-name');
    Object.keys(spec).forEach(function (key) {
      var names = spec[key];
      var parts = names.map(function (name) {
        if (name === own && rowsOf(menu)) return fieldText(menu);
        var el = named(form, name);
        var value = el ? valueOf(el).trim() : '';
        return !value ? '' : names.length > 1 ? labelled(el) + ': ' + value : value;
      }).filter(Boolean);
      if (parts.length) out[key] = parts.join('\n');
    });
    return out;
  }

  function changed(el) { el.dispatchEvent(new Event('input', { bubbles: true })); }
  function escapeHtml(text) {
    var div = document.createElement('div');
    div.textContent = text;
    return div.innerHTML;
  }
  function put(el, text) {
    if (isTrix(el)) {
      var html = text.split(/\n{2,}/).map(function (p) { return '<p>' + escapeHtml(p).replace(/\n/g, '<br>') + '</p>'; }).join('');
      el.editor.loadHTML(html);
      changed(el.inputElement);
    } else {
      el.value = text;
      changed(el);
    }
  }
  function snapshot(el) { return isTrix(el) ? el.inputElement.value : el.value; }
  function restore(el, value) {
    if (isTrix(el)) { el.editor.loadHTML(value); changed(el.inputElement); }
    else { el.value = value; changed(el); }
  }

  // Accepting: the field (and the one taking the rest, say a subheading) or rows of a list.
  function accept(menu, text) {
    var undo = [];
    var box = rowsOf(menu);
    if (box) {
      var lines = text.split('\n').map(function (l) { return l.replace(/^\s*[-•*]\s*/, '').trim(); }).filter(Boolean);
      lines.forEach(function (line) {
        var blank = box.querySelector('[data-rows] > [data-blank-row] input[type=text]');
        if (!blank || blank.value.trim()) {
          box.querySelector('[data-row-add]').click();
          blank = rowInputs(box).pop();
        }
        var row = within(blank, '[data-row]');
        if (row.hasAttribute('data-blank-row')) {
          row.removeAttribute('data-blank-row');
          undo.push(function () { blank.value = ''; row.setAttribute('data-blank-row', ''); });
        } else {
          undo.push(function () { row.remove(); });
        }
        blank.value = line;
        changed(blank);
      });
      undo.reverse();
      var last = rowInputs(box).pop();
      if (last) last.focus();
    } else {
      var el = target(menu);
      var rest = menu.getAttribute('data-ai-rest');
      var other = rest && named(formOf(menu), rest);
      var split = text.split('\n');
      var mine = other ? split[0].trim() : text;
      if (other && split.slice(1).join('\n').trim()) {
        var was = snapshot(other);
        put(other, split.slice(1).join('\n').trim());
        undo.push(function () { restore(other, was); });
      }
      var before = snapshot(el);
      put(el, mine);
      undo.push(function () { restore(el, before); });
      el.focus();
    }
    menu._undo = function () {
      undo.forEach(function (fn) { fn(); });
      var form = formOf(menu);
      if (box && form && window.htmx) { form._edits = (form._edits || 0) + 1; htmx.trigger(form, 'autosave-now'); }
    };
  }

  // ---- Claims the data lacks: marked in the text, confirmed before use --------------------
  function render(menu, text, claims) {
    var out = part(menu, 'text');
    out.textContent = '';
    var chars = Array.from(text), at = 0; // the server counts code points
    claims.slice().sort(function (a, b) { return a.start - b.start; }).forEach(function (c) {
      if (c.start < at) return;
      out.append(chars.slice(at, c.start).join(''));
      var mark = document.createElement('mark');
      mark.textContent = chars.slice(c.start, c.end).join('');
      mark.title = 'Not in your data: check it';
      out.append(mark);
      at = c.end;
    });
    out.append(chars.slice(at).join(''));
  }

  var dialog;
  function confirmClaims(claims, done) {
    if (!dialog) {
      dialog = document.createElement('dialog');
      dialog.className = 'card max-w-md p-6 text-sm backdrop:bg-gray-950/50';
      dialog.setAttribute('aria-labelledby', 'ai-confirm-title');
      var title = document.createElement('h2');
      title.id = 'ai-confirm-title';
      title.className = 'text-base font-semibold';
      title.textContent = 'Use text your data does not back up?';
      var intro = document.createElement('p');
      intro.className = 'mt-2 text-gray-700 dark:text-gray-300';
      intro.textContent = 'These are not in your library or in the text you gave. A resume or portfolio must only say what is true:';
      var list = document.createElement('ul');
      list.className = 'mt-2 list-disc pl-5';
      list.setAttribute('data-claims', '');
      var actions = document.createElement('form');
      actions.method = 'dialog';
      actions.className = 'mt-4 flex justify-end gap-2';
      var back = document.createElement('button');
      back.className = 'btn-secondary'; back.value = 'back'; back.textContent = 'Go back';
      var use = document.createElement('button');
      use.className = 'btn-primary'; use.value = 'use'; use.textContent = 'Use it anyway';
      actions.append(back, use);
      dialog.append(title, intro, list, actions);
      document.body.append(dialog);
    }
    var ul = dialog.querySelector('[data-claims]');
    ul.replaceChildren.apply(ul, claims.map(function (c) {
      var li = document.createElement('li');
      li.textContent = c.text;
      return li;
    }));
    dialog.returnValue = '';
    dialog.addEventListener('close', function once() {
      dialog.removeEventListener('close', once);
      done(dialog.returnValue === 'use');
    });
    dialog.showModal();
    dialog.querySelector('button[value=back]').focus();
  }

  // ---- Asking, streaming, stopping ------------------------------------------------------------
  function credits(left) {
    document.querySelectorAll('[data-credits-left]').forEach(function (el) { el.textContent = String(left); });
  }
  // Other AI actions answer htmx requests with HX-Trigger: {"credits-changed": {"left": n}}.
  document.body.addEventListener('credits-changed', function (e) { credits(e.detail.left); });

  function run(menu, button) {
    if (menu._abort) menu._abort.abort();
    var panel = part(menu, 'panel');
    var data = new FormData();
    data.append('task', button.getAttribute('data-ai-task'));
    if (button.hasAttribute('data-ai-tone')) data.append('tone', button.getAttribute('data-ai-tone'));
    data.append('text', fieldText(menu));
    data.append('context', menu.getAttribute('data-ai-label') || '');
    var extra = reads(menu);
    Object.keys(extra).forEach(function (key) { data.append(key, extra[key]); });
    data.append('key', (window.crypto && crypto.randomUUID) ? crypto.randomUUID() : String(Math.random()).slice(2));

    var controller = new AbortController();
    menu._abort = controller;
    menu._result = null;
    panel.hidden = false;
    panel.setAttribute('aria-busy', 'true');
    part(menu, 'title').textContent = button.firstElementChild.textContent;
    part(menu, 'offline').hidden = true;
    part(menu, 'warn').hidden = true;
    part(menu, 'text').textContent = '';
    say(menu, 'Writing…');
    show(menu, ['cancel']);
    part(menu, 'cancel').focus();
    var written = '';
    function finished() { if (menu._abort === controller) menu._abort = null; panel.removeAttribute('aria-busy'); }

    fetch(menu.getAttribute('data-ai-url'), {
      method: 'POST', body: data, signal: controller.signal, credentials: 'same-origin',
      headers: { 'X-CSRFToken': csrfToken(), 'Accept': 'text/event-stream' }
    }).then(function (response) {
      if ((response.headers.get('Content-Type') || '').indexOf('text/event-stream') !== 0) {
        throw new Error(response.redirected ? 'signed-out' : 'status ' + response.status);
      }
      return window.readEvents(response, function (name, payload) {
        if (name === 'chunk') {
          written += payload.text;
          part(menu, 'text').textContent = written;
        } else if (name === 'done') {
          menu._result = payload;
          render(menu, payload.text, payload.unverified || []);
          part(menu, 'offline').hidden = !payload.offline;
          part(menu, 'warn').hidden = !(payload.unverified || []).length;
          say(menu, payload.creditsLeft + ' text credit' + (payload.creditsLeft === 1 ? '' : 's') + ' left.');
          credits(payload.creditsLeft);
          show(menu, ['accept', 'discard']);
          part(menu, 'accept').focus();
        } else if (name === 'error') {
          say(menu, payload.message, true);
          show(menu, ['discard']);
          part(menu, 'discard').focus();
        }
      });
    }).then(function () {
      if (!menu._result && menu._abort === controller && !part(menu, 'status').classList.contains('is-error')) {
        say(menu, 'The answer was cut off. Nothing was charged for what did not arrive; try again.', true);
        show(menu, ['discard']);
      }
      finished();
    }, function (err) {
      if (controller.signal.aborted) { finished(); return; }
      say(menu, err.message === 'signed-out' ? 'You were signed out. Sign in again in another tab, then try again.'
        : 'Could not reach the server. Check your connection and try again.', true);
      show(menu, ['discard']);
      finished();
    });
  }

  function stop(menu) {
    if (menu._abort) { menu._abort.abort(); menu._abort = null; }
    part(menu, 'panel').removeAttribute('aria-busy');
    say(menu, 'Stopped. Nothing from it was used.');
    show(menu, ['discard']);
    part(menu, 'discard').focus();
  }
  function close(menu) {
    if (menu._abort) { menu._abort.abort(); menu._abort = null; }
    part(menu, 'panel').hidden = true;
    menu.querySelector('summary').focus();
  }

  document.addEventListener('click', function (e) {
    var menu = within(e.target, '[data-ai-menu]');
    if (!menu) {
      document.querySelectorAll('[data-ai-details][open]').forEach(function (d) { d.open = false; });
      return;
    }
    var entry = within(e.target, '[data-ai-task]');
    if (entry) { part(menu, 'details').open = false; run(menu, entry); return; }
    if (within(e.target, '[data-ai-cancel]')) { stop(menu); return; }
    if (within(e.target, '[data-ai-discard]')) { close(menu); return; }
    if (within(e.target, '[data-ai-undo]')) {
      if (menu._undo) menu._undo();
      menu._undo = null;
      say(menu, 'Your text is back.');
      show(menu, ['discard']);
      return;
    }
    if (within(e.target, '[data-ai-accept]') && menu._result) {
      var result = menu._result, claims = result.unverified || [];
      var use = function () {
        accept(menu, result.text);
        say(menu, 'Used. It saves like your own typing.');
        show(menu, ['undo', 'discard']);
      };
      if (claims.length) confirmClaims(claims, function (ok) { if (ok) use(); else part(menu, 'accept').focus(); });
      else use();
    }
  });
  // A menu taken off the page (another block opened, Back or Forward) stops its stream: the
  // server cancels the task and charges only what was written.
  document.addEventListener('htmx:beforeCleanupElement', function (e) {
    var menu = e.target;
    if (menu.matches && menu.matches('[data-ai-menu]') && menu._abort) { menu._abort.abort(); menu._abort = null; }
  });
  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape') return;
    var details = within(e.target, '[data-ai-details][open]');
    if (details) { details.open = false; details.querySelector('summary').focus(); }
  });
})();
