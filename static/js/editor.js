// The editor contract, shared by every autosaving editor (README "how editing stays safe").
// Loaded with <script src defer> after htmx and app.js; CSP-safe (no eval, no inline handlers).
//
//  1. Requests queue behind each other (hx-sync="#editor:queue all" in the template), so the
//     server sees the person's actions in the order they did them.
//  2. A block's changes that have not left yet are sent before anything else is asked of the
//     server (opening another block, adding, moving, Back…), and a block being left cannot be
//     typed into while the next one loads.
//  3. A response names only elements of the thing it is about; when those are gone (the person
//     moved on), its fragments are dropped quietly instead of landing anywhere else.
//  4. A row of a list field that is half typed is not sent while the person is still in it.
//  5. The chosen block lives in the address bar: Back and Forward choose blocks again, with the
//     server's state (no cached copy of the page), and leaving the page sends or warns.
(function () {
  'use strict';
  if (!window.htmx) return;

  function editor() { return document.getElementById('editor'); }
  function openForm() { return document.querySelector('#edit-panel form[data-autosave]'); }
  function within(el, sel) { return el && el.closest ? el.closest(sel) : null; }

  // ---- 3. Fragments whose target is gone are dropped --------------------------------------
  document.addEventListener('htmx:beforeSwap', function (e) {
    var text = e.detail.serverResponse;
    if (typeof text !== 'string' || text.indexOf('hx-swap-oob') === -1) return;
    var tpl = document.createElement('template');
    tpl.innerHTML = text;
    var dropped = false;
    tpl.content.querySelectorAll('[hx-swap-oob]').forEach(function (el) {
      var spec = el.getAttribute('hx-swap-oob');
      var colon = spec.indexOf(':');
      var target = colon > -1 ? document.querySelector(spec.slice(colon + 1)) : el.id && document.getElementById(el.id);
      if (!target) { el.remove(); dropped = true; }
    });
    if (dropped) e.detail.serverResponse = tpl.innerHTML;
  });

  // ---- 2. Edits made, edits sent ----------------------------------------------------------
  // What a form holds, minus the bookkeeping the server swaps in (rev, token): a form has
  // unsent edits when this differs from what its last request carried.
  var BOOKKEEPING = { rev: 1, keep_rev: 1, csrfmiddlewaretoken: 1 };
  function snapshot(form) {
    var parts = [];
    new FormData(form).forEach(function (value, name) {
      if (BOOKKEEPING[name]) return;
      parts.push(name + '=' + (typeof value === 'string' ? value : value.name + ':' + value.size));
    });
    return parts.join('&');
  }
  function unsent(form) { return snapshot(form) !== form._sentAs; }
  function baseline(scope) {
    scope.querySelectorAll('form[data-autosave]').forEach(function (form) {
      if (form._sentAs === undefined) form._sentAs = snapshot(form);
    });
  }
  function typing(event) { return event && (event.type === 'input' || event.type === 'change'); }

  function flush(form) {
    if (!form || !unsent(form)) return;
    form._flushing = true;
    try { htmx.trigger(form, 'autosave-now'); } finally { form._flushing = false; }
  }

  var inFlight = 0;
  function busy(change) { // also shown as data-requests on #editor, for people and tests
    inFlight += change;
    var ed = editor();
    if (ed) { if (inFlight) ed.setAttribute('data-requests', String(inFlight)); else ed.removeAttribute('data-requests'); }
  }
  document.addEventListener('htmx:beforeSend', function (e) {
    busy(1);
    e.detail.xhr.addEventListener('loadend', function () { setTimeout(function () { busy(-1); }, 0); });
  });

  // Every request passes here before it is queued.
  document.addEventListener('htmx:confirm', function (e) {
    var source = e.detail.elt;
    if (!editor() || !editor().contains(source)) return;
    var form = openForm();
    if (source === form) {
      if (form._flushing) return;
      if (heldRow(form)) { e.preventDefault(); form._held = true; return; }
      // A change event after the typing was already sent (leaving the field) asks nothing new.
      if (typing(e.detail.triggeringEvent) && !unsent(form)) e.preventDefault();
      return;
    }
    flush(form);
    var adds = within(source, '[data-adds]');
    var opens = e.detail.verb === 'get' && e.detail.target && e.detail.target.id === 'edit-panel';
    if (form && (adds || opens)) form.closest('.item-form').inert = true; // nothing typed into what is being left
    var plan = planFocus(source);
    if (plan) focusNext = plan; // a request with no plan (say, the preview) keeps the one pending
  });
  document.addEventListener('htmx:configRequest', function (e) {
    var form = e.detail.elt;
    if (form.matches && form.matches('form[data-autosave]')) {
      state(form, 'saving');
      var keep = form.querySelector('[data-keep-rev]');
      if (keep) keep.disabled = true; // "Keep my edit" goes with one request only
      form._sentAs = snapshot(form);
    }
  });
  document.addEventListener('htmx:afterRequest', function (e) {
    var form = e.detail.elt;
    if (e.detail.successful) return;
    if (form.matches && form.matches('form[data-autosave]')) {
      form._sentAs = null; // not saved: send again with the next change, and before leaving
      state(form, 'failed');
    }
    document.querySelectorAll('.item-form[inert]').forEach(function (el) { el.inert = false; });
  });
  function state(form, value) {
    var el = document.getElementById('save-state-' + form.getAttribute('data-item'));
    if (el) el.setAttribute('data-state', value);
  }
  function savedState(form) {
    var el = document.getElementById('save-state-' + form.getAttribute('data-item'));
    return el ? el.getAttribute('data-state') : '';
  }

  // The conflict panel's choices. A save still on its way (say, the one fired by leaving the field
  // to click here) may redraw the panel, so they act through elements that stay.
  document.addEventListener('click', function (e) {
    var mine = within(e.target, '[data-keep=mine]');
    var theirs = within(e.target, '[data-keep=theirs]');
    var form = within(e.target, 'form[data-autosave]');
    if (!form || !mine && !theirs) return;
    e.preventDefault();
    if (mine) {
      var keep = form.querySelector('[data-keep-rev]');
      keep.value = mine.value;
      keep.disabled = false;
      htmx.trigger(form, 'autosave-now');
    } else {
      htmx.ajax('GET', theirs.getAttribute('hx-get'), { source: editor(), target: '#edit-panel', swap: 'innerHTML' });
      focusNext = { form: true, from: document.activeElement };
    }
  });

  // ---- 4. Half-typed rows wait until the person leaves them -------------------------------
  function halfTyped(row) {
    var fields = row.querySelectorAll('input, select, textarea');
    var some = Array.prototype.some.call(fields, function (f) { return f.value.trim(); });
    var missing = Array.prototype.some.call(row.querySelectorAll('[data-required]'), function (f) { return !f.value.trim(); });
    return some && missing;
  }
  function heldRow(form) {
    var row = within(document.activeElement, '[data-row]');
    return row && form.contains(row) && halfTyped(row) ? row : null;
  }
  document.addEventListener('focusout', function (e) {
    var row = within(e.target, '[data-row]');
    if (!row || row.contains(e.relatedTarget)) return;
    var form = within(row, 'form[data-autosave]');
    if (form && form._held) { form._held = false; htmx.trigger(form, 'autosave-now'); }
  });

  // ---- Item rows: add, remove, icons ----------------------------------------------------------
  function fields(el) { return el.querySelectorAll('input:not([type=hidden]), select, textarea'); }
  function syncAdd(box) {
    var add = box.querySelector('[data-row-add]');
    var max = parseInt(box.getAttribute('data-max-items'), 10) || 30;
    if (add) add.disabled = box.querySelectorAll('[data-rows] > [data-row]').length >= max;
  }
  function addRow(box) {
    var list = box.querySelector('[data-rows]');
    var n = parseInt(box.getAttribute('data-next-row'), 10) || 0;
    box.setAttribute('data-next-row', String(n + 1));
    var html = box.querySelector('template[data-row-template]').innerHTML.split('__row__').join(String(n));
    list.insertAdjacentHTML('beforeend', html);
    syncAdd(box);
    fields(list.lastElementChild)[0].focus();
  }
  function removeRow(row) {
    var box = within(row, '[data-item-rows]');
    var form = within(row, 'form[data-autosave]');
    var next = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    syncAdd(box);
    (next ? fields(next)[0] : box.querySelector('[data-row-add]')).focus();
    if (form) htmx.trigger(form, 'autosave-now');
  }
  function showIcon(select) {
    var slot = within(select, '.item-rows__choice');
    var box = within(select, '[data-item-rows]');
    var key = select.name.slice(select.name.lastIndexOf('-') + 1);
    var icons = box && box.querySelector('template[data-choice-icons="' + key + '"]');
    var icon = slot && slot.querySelector('[data-choice-icon]');
    var chosen = icons && icons.content.querySelector('[data-icon="' + select.value + '"]');
    if (icon && chosen) icon.replaceChildren.apply(icon, Array.prototype.map.call(chosen.childNodes, function (n) { return n.cloneNode(true); }));
  }
  document.addEventListener('click', function (e) {
    var add = within(e.target, '[data-row-add]');
    if (add) { addRow(within(add, '[data-item-rows]')); return; }
    var remove = within(e.target, '[data-row-remove]');
    if (remove) removeRow(within(remove, '[data-row]'));
  });
  document.addEventListener('change', function (e) {
    if (within(e.target, '.item-rows__choice')) showIcon(e.target);
  });

  // ---- The chosen block: marked in the outline, kept in the address bar ------------------------
  function markCurrent(id) {
    var ed = editor();
    if (!ed) return;
    ed.setAttribute('data-current-block', id || '');
    document.querySelectorAll('[data-item-row]').forEach(function (li) {
      var on = li.getAttribute('data-id') === id;
      li.toggleAttribute('data-current', on);
      var link = li.querySelector('[data-open-item]');
      if (on) link.setAttribute('aria-current', 'true'); else link.removeAttribute('aria-current');
    });
    document.querySelectorAll('[data-after-current]').forEach(function (input) { input.value = id || ''; });
  }
  function shownItem() {
    var form = openForm();
    return form ? form.getAttribute('data-item') : '';
  }
  function remember(id) {
    var url = new URL(location.href);
    if (id) url.searchParams.set('block', id); else url.searchParams.delete('block');
    if (history.state && history.state.editorBlock === (id || null)) return;
    history.pushState({ editorBlock: id || null }, '', url);
  }
  // What Back/Forward loads is marked, so that it never adds an entry to the history: several
  // can be on their way at once (Back, Back), and one may land after the address moved on.
  var HISTORY = { 'X-Editor-History': '1' };
  window.addEventListener('popstate', function (e) {
    if (!editor() || !e.state || !('editorBlock' in e.state)) return;
    var id = e.state.editorBlock;
    var link = id && document.getElementById('row-link-' + id);
    if (link) {
      htmx.ajax('GET', link.getAttribute('hx-get'), { source: link, target: '#edit-panel', swap: 'innerHTML', headers: HISTORY });
    } else { // no block, or one not on this page: the server draws the panel for this address
      htmx.ajax('GET', location.pathname + location.search, { source: editor(), target: '#edit-panel', swap: 'innerHTML', select: '#edit-panel > *', headers: HISTORY });
    }
  });
  document.addEventListener('htmx:afterSwap', function (e) { // marks what it brought
    var config = e.detail.requestConfig;
    if (!config || !config.headers || !config.headers['X-Editor-History'] || e.target.id !== 'edit-panel') return;
    Array.prototype.forEach.call(e.target.children, function (el) { el._fromHistory = true; });
  });
  // A page restored from the back-forward cache may hold revs the server has moved past.
  window.addEventListener('pageshow', function (e) { if (e.persisted && editor()) location.reload(); });

  // ---- 5. Leaving the page: wait for the saves, send what is unsent, or ask ---------------------------
  // Links and plain forms of the editor (Design, Publish…) wait until every save has landed, so
  // the next page (or the published version) has the last keystroke.
  function whenSaved(go) {
    flush(openForm());
    (function wait() { if (inFlight) setTimeout(wait, 50); else go(); })();
  }
  document.addEventListener('click', function (e) {
    var link = within(e.target, 'a[href]');
    if (!link || !editor() || !editor().contains(link) || link.target || link.hasAttribute('hx-get')) return;
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    var form = openForm();
    if (!inFlight && !(form && unsent(form))) return;
    e.preventDefault();
    whenSaved(function () { location.href = link.href; });
  });
  document.addEventListener('submit', function (e) {
    var plain = e.target;
    if (!editor() || !editor().contains(plain) || plain.hasAttribute('hx-post') || plain._saved) return;
    var form = openForm();
    if (!inFlight && !(form && unsent(form))) return;
    e.preventDefault();
    var button = e.submitter;
    whenSaved(function () { plain._saved = true; plain.requestSubmit(button); });
  });

  function csrfToken() {
    try { return JSON.parse(document.body.getAttribute('hx-headers') || '{}')['x-csrftoken'] || ''; } catch (err) { return ''; }
  }
  window.addEventListener('beforeunload', function (e) {
    var form = openForm();
    if (!form) return;
    var pending = unsent(form);
    if (pending && !inFlight && !heldRow(form)) {
      fetch(form.getAttribute('hx-post'), {
        method: 'POST', body: new FormData(form), keepalive: true, credentials: 'same-origin',
        headers: { 'HX-Request': 'true', 'X-CSRFToken': csrfToken() }
      });
      form._sentAs = snapshot(form);
      return;
    }
    if (pending || inFlight || ['invalid', 'conflict', 'failed'].indexOf(savedState(form)) > -1) {
      e.preventDefault();
      e.returnValue = '';
    }
  });

  // ---- Focus goes where the person's attention goes ----------------------------------------------
  // A plan made when a request leaves, carried out when its answer lands — unless the person
  // has put the cursor somewhere else meanwhile.
  var focusNext = null;
  function planFocus(source) {
    var plan = planFor(source);
    if (plan) plan.from = document.activeElement;
    return plan;
  }
  function attending(plan) {
    var now = document.activeElement;
    return !now || now === document.body || now === plan.from;
  }
  function planFor(source) {
    if (within(source, '[data-adds]')) return { form: true };
    if (source.matches && source.matches('[data-open-item]')) return { form: true };
    if (!within(source, '#outline')) return null;
    var row = within(document.activeElement, '[data-item-row]');
    var ids = [document.activeElement && document.activeElement.id];
    if (row) {
      var rows = Array.prototype.slice.call(document.querySelectorAll('[data-item-row]'));
      var at = rows.indexOf(row);
      var near = rows[at + 1] || rows[at - 1];
      ids.push('row-link-' + row.getAttribute('data-id'));
      if (near && near.getAttribute('data-id')) ids.push('row-link-' + near.getAttribute('data-id'));
    }
    return { outline: ids };
  }
  function firstField(scope) {
    return scope.querySelector('input:not([type=hidden]):not([disabled]), select, textarea, button:not([disabled])');
  }
  // A message slot filled or emptied by a response marks its field (in)valid for assistive tech.
  function markInvalid(slot) {
    var bad = slot.children.length > 0;
    var id = slot.getAttribute('data-errors-for');
    var targets = id ? [document.getElementById(id)] : fields(within(slot, '[data-row]') || slot);
    Array.prototype.forEach.call(targets, function (field) {
      if (!field) return;
      if (bad) field.setAttribute('aria-invalid', 'true'); else field.removeAttribute('aria-invalid');
    });
  }
  document.addEventListener('htmx:load', function (e) {
    var el = e.target;
    if (el.matches && el.matches('[data-errors-for], [data-errors-for-row]')) { markInvalid(el); return; }
    if (el.parentNode && el.parentNode.id === 'edit-panel' && !el.classList.contains('item-form')) {
      markCurrent(shownItem());
      if (!el._fromHistory) remember(shownItem());
    }
    if (el.classList && el.classList.contains('item-form')) {
      markCurrent(shownItem());
      if (!el._fromHistory) remember(shownItem());
      if (focusNext && focusNext.form) {
        var plan = focusNext;
        focusNext = null;
        var f = firstField(el);
        if (f && attending(plan)) f.focus();
      }
    } else if (el.id === 'outline') {
      markCurrent(shownItem());
      if (focusNext && focusNext.outline) {
        var ids = focusNext.outline;
        var attended = attending(focusNext);
        focusNext = null;
        for (var i = 0; attended && i < ids.length; i++) {
          var target = ids[i] && document.getElementById(ids[i]);
          if (target && !target.disabled) { target.focus(); break; }
        }
      }
    }
  });
  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape' || !editor()) return;
    var menu = within(e.target, 'details[data-add-menu]');
    if (menu && menu.open) { menu.open = false; menu.querySelector('summary').focus(); return; }
    if (within(e.target, '#edit-panel')) { // back to the item's row in the outline
      var link = document.getElementById('row-link-' + shownItem());
      if (link) link.focus();
    }
  });

  // ---- Outline collapsed to block names only (remembered on this device) -----------------------
  function applyOutline() {
    var compact = false;
    try { compact = localStorage.getItem('outline') === 'compact'; } catch (err) { /* ignore */ }
    document.querySelectorAll('[data-collapsible-rows]').forEach(function (list) { list.classList.toggle('outline-compact', compact); });
    document.querySelectorAll('[data-outline-toggle]').forEach(function (b) {
      b.setAttribute('aria-expanded', compact ? 'false' : 'true');
      b.textContent = compact ? 'Expand' : 'Collapse';
    });
  }
  document.addEventListener('click', function (e) {
    if (!within(e.target, '[data-outline-toggle]')) return;
    var compact = !document.querySelector('[data-collapsible-rows].outline-compact');
    try { localStorage.setItem('outline', compact ? 'compact' : 'full'); } catch (err) { /* ignore */ }
    applyOutline();
  });

  function start(scope) {
    scope.querySelectorAll('[data-blank-row]').forEach(function (row) {
      if (!halfTyped(row) && !Array.prototype.some.call(fields(row), function (f) { return f.value; })) row.remove();
    });
    scope.querySelectorAll('[data-item-rows]').forEach(syncAdd);
    baseline(scope);
    applyOutline();
  }
  document.addEventListener('htmx:load', function (e) { start(e.target.parentNode || document); });
  function boot() {
    if (!editor()) return;
    history.replaceState({ editorBlock: shownItem() || null }, '');
    markCurrent(shownItem());
    start(document);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot); else boot();
})();
