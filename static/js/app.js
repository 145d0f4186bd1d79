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
    each(scope, '[data-sortable]', initSortable);
    each(scope, '[data-tag-input]', syncTagInput);
    each(scope, '[data-disables]', syncDisables);
    each(scope, '[data-autodismiss]', function (el) {
      if (timers) { if (timers.has(el)) return; timers.add(el); }
      var delay = parseInt(el.getAttribute('data-autodismiss'), 10) || 6000;
      setTimeout(function () { fadeOut(el); }, delay);
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

  // ---- Asset uploads: drag-and-drop or file input, one request per file with progress ----
  var ALLOWED_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];
  function csrfToken() {
    try { return JSON.parse(document.body.getAttribute('hx-headers') || '{}')['x-csrftoken'] || ''; }
    catch (err) { return ''; }
  }
  function uploadRow(queue, name) {
    var li = document.createElement('li');
    li.className = 'upload-row';
    var label = document.createElement('span');
    label.className = 'upload-name';
    label.textContent = name;
    var bar = document.createElement('progress');
    bar.className = 'meter';
    bar.max = 100; bar.value = 0;
    var status = document.createElement('span');
    status.className = 'upload-status';
    status.setAttribute('role', 'status');
    li.append(label, bar, status);
    queue.prepend(li);
    return { li: li, bar: bar, status: status };
  }
  function fail(row, message) {
    row.li.classList.add('is-error');
    row.bar.remove();
    row.status.textContent = message;
  }
  function uploadFile(box, file) {
    var queue = box.querySelector('[data-upload-queue]');
    var row = uploadRow(queue, file.name);
    var max = parseInt(box.getAttribute('data-max-bytes'), 10) || 0;
    if (ALLOWED_TYPES.indexOf(file.type) === -1) return fail(row, 'Upload a JPEG, PNG, WebP or GIF image.');
    if (max && file.size > max) return fail(row, 'That file is larger than ' + Math.round(max / 1048576) + ' MB. Resize it and try again.');
    var data = new FormData();
    data.append('file', file);
    var xhr = new XMLHttpRequest();
    xhr.open('POST', box.getAttribute('data-upload-url'));
    xhr.setRequestHeader('HX-Request', 'true');
    xhr.setRequestHeader('X-CSRFToken', csrfToken());
    xhr.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) row.bar.value = Math.round(e.loaded * 100 / e.total);
    });
    xhr.addEventListener('load', function () {
      var tmp = document.createElement('template');
      tmp.innerHTML = xhr.responseText;
      if (xhr.status !== 200 || !xhr.getResponseHeader('X-Asset-Id')) {
        return fail(row, tmp.content.textContent.trim() || 'Upload failed. Please try again.');
      }
      row.bar.value = 100;
      var created = xhr.getResponseHeader('X-Asset-Created') === '1';
      row.status.textContent = created ? 'Uploaded' : 'Already in your library';
      row.li.classList.add('is-done');
      var grid = document.querySelector(box.getAttribute('data-upload-target'));
      var tile = tmp.content.firstElementChild;
      if (!grid || !tile) return;
      var old = document.getElementById(tile.id);
      if (old) old.remove();
      grid.prepend(tile);
      if (window.htmx) window.htmx.process(tile);
      document.querySelectorAll('[data-empty-state]').forEach(function (el) { el.remove(); });
      Array.prototype.forEach.call(tmp.content.children, function (el) { // e.g. the storage meter
        var current = el.id && document.getElementById(el.id);
        if (current) current.replaceWith(el);
      });
      setTimeout(function () { fadeOut(row.li); }, 4000);
    });
    xhr.addEventListener('error', function () { fail(row, 'Network error. Check your connection and retry.'); });
    xhr.send(data);
  }
  function uploadAll(box, files) {
    Array.prototype.forEach.call(files, function (file) { uploadFile(box, file); });
  }
  document.addEventListener('change', function (e) {
    var input = e.target;
    if (!input.matches || !input.matches('[data-upload-input]')) return;
    var box = input.closest('[data-uploader]');
    if (box) uploadAll(box, input.files);
    input.value = '';
  });
  ['dragenter', 'dragover'].forEach(function (type) {
    document.addEventListener(type, function (e) {
      var zone = e.target.closest && e.target.closest('[data-dropzone]');
      if (!zone) return;
      e.preventDefault();
      zone.classList.add('is-dragover');
    });
  });
  document.addEventListener('dragleave', function (e) {
    var zone = e.target.closest && e.target.closest('[data-dropzone]');
    if (zone && !zone.contains(e.relatedTarget)) zone.classList.remove('is-dragover');
  });
  document.addEventListener('drop', function (e) {
    var zone = e.target.closest && e.target.closest('[data-dropzone]');
    if (!zone) return;
    e.preventDefault();
    zone.classList.remove('is-dragover');
    uploadAll(zone.closest('[data-uploader]'), e.dataTransfer.files);
  });
  document.addEventListener('submit', function (e) {
    // With JavaScript the dropzone form uploads through XHR; its Upload button is for no-JS.
    if (e.target.matches('[data-dropzone]')) e.preventDefault();
  });

  // ---- Asset picker dialog + library events -----------------------------------------------
  document.addEventListener('click', function (e) {
    var t = e.target.closest ? e.target : e.target.parentElement;
    if (!t) return;
    var open = t.closest('[data-picker-open]');
    if (open) {
      var dialog = document.getElementById(open.getAttribute('data-picker-open'));
      if (dialog && !dialog.open) dialog.showModal();
      return;
    }
    var close = t.closest('[data-dialog-close]');
    if (close) { close.closest('dialog').close(); return; }
    var choose = t.closest('[data-asset-choose]');
    var picker = choose && choose.closest('dialog[data-picker-for]');
    if (picker) {
      setAsset(picker.getAttribute('data-picker-for'), choose.getAttribute('data-asset-id'),
        choose.getAttribute('data-asset-thumb'));
      picker.close();
      return;
    }
    var clear = t.closest('[data-asset-clear]');
    if (clear) setAsset(clear.getAttribute('data-asset-clear'), '', '');
  });
  function setAsset(inputId, id, thumb) {
    var input = document.getElementById(inputId);
    if (!input) return;
    input.value = id;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    var preview = document.getElementById(inputId + '-preview');
    var empty = document.getElementById(inputId + '-empty');
    var clearBtn = document.getElementById(inputId + '-clear');
    if (preview) { preview.src = thumb || ''; preview.classList.toggle('hidden', !id); }
    if (empty) empty.classList.toggle('hidden', !!id);
    if (clearBtn) clearBtn.classList.toggle('hidden', !id);
  }
  document.addEventListener('asset-deleted', function (e) {
    var tile = e.detail && document.getElementById('asset-' + e.detail.id);
    if (tile) tile.remove();
  });

  // ---- Drag to reorder (SortableJS; pages that use it load static/vendor/Sortable.min.js) ----
  // The list names a form (data-sortable="<form id>") whose fields sit in the items; after a
  // drop the form is submitted, so the new order is saved through htmx like any other form.
  function initSortable(list) {
    if (!window.Sortable || list._sortable) return;
    list._sortable = window.Sortable.create(list, {
      handle: '[data-drag-handle]',
      draggable: '[data-id]',
      animation: 150,
      forceFallback: true, // pointer events: the same for mouse, touch and test drivers
      fallbackOnBody: true,
      ghostClass: 'drag-ghost',
      fallbackClass: 'drag-active',
      onEnd: function (e) {
        if (e.oldIndex === e.newIndex) return;
        var form = document.getElementById(list.getAttribute('data-sortable'));
        if (form) form.requestSubmit();
      }
    });
  }

  // ---- Technology tag inputs: comma-separated text with suggestions -------------------------
  function splitTags(value) {
    return value.split(',').map(function (t) { return t.trim(); }).filter(Boolean);
  }
  function hasTag(tags, tag) {
    var key = tag.toLowerCase();
    return tags.some(function (t) { return t.toLowerCase() === key; });
  }
  function syncTagInput(input) {
    var list = input.list;
    if (list) {
      // A <datalist> completes the whole value: offer "the tags typed so far, + suggestion".
      if (!list._all) list._all = Array.prototype.map.call(list.options, function (o) { return o.value; });
      var cut = input.value.lastIndexOf(',');
      var head = cut >= 0 ? input.value.slice(0, cut + 1).trim() + ' ' : '';
      var done = splitTags(head);
      list.replaceChildren.apply(list, list._all.filter(function (t) { return !hasTag(done, t); })
        .map(function (t) { var o = document.createElement('option'); o.value = head + t; return o; }));
    }
    var box = document.querySelector('[data-tag-suggestions="' + input.id + '"]');
    if (box) {
      var tags = splitTags(input.value);
      var offered = false;
      box.querySelectorAll('[data-tag-add]').forEach(function (b) {
        var used = hasTag(tags, b.getAttribute('data-tag-add'));
        b.classList.toggle('hidden', used);
        offered = offered || !used;
      });
      box.classList.toggle('hidden', !offered);
      box.classList.toggle('flex', offered);
    }
  }
  // A checkbox with data-disables="<id>" turns that field off while ticked ("I work here now").
  function syncDisables(box) {
    var field = document.getElementById(box.getAttribute('data-disables'));
    if (field) field.disabled = box.checked;
  }
  document.addEventListener('change', function (e) {
    if (e.target.matches && e.target.matches('[data-disables]')) syncDisables(e.target);
  });
  document.addEventListener('input', function (e) {
    if (e.target.matches && e.target.matches('[data-tag-input]')) syncTagInput(e.target);
  });
  document.addEventListener('click', function (e) {
    var add = e.target.closest && e.target.closest('[data-tag-add]');
    if (!add) return;
    var input = document.getElementById(add.closest('[data-tag-suggestions]').getAttribute('data-tag-suggestions'));
    if (!input) return;
    var tags = splitTags(input.value);
    if (!hasTag(tags, add.getAttribute('data-tag-add'))) tags.push(add.getAttribute('data-tag-add'));
    input.value = tags.join(', ');
    syncTagInput(input);
  });

  // ---- Live preview (editor and design page): reload after a save, switch device width ----
  // One load at a time: a save answered while the frame is still loading the previous one
  // asks again once that load is over (a reload asked for mid-load can be dropped, leaving
  // the preview a save behind).
  var previewLoading = false, previewAgain = null;
  function refreshPreview(url) {
    var frame = document.getElementById('preview');
    if (!frame) return;
    if (previewLoading) { previewAgain = url || previewAgain || ''; return; }
    previewLoading = true;
    frame.addEventListener('load', function loaded() {
      frame.removeEventListener('load', loaded);
      previewLoading = false;
      if (previewAgain !== null) { var next = previewAgain; previewAgain = null; refreshPreview(next); }
    });
    var current = frame.contentWindow && frame.contentWindow.location;
    if (url && current && current.pathname !== url) frame.src = url;
    else if (current) current.reload();
    else previewLoading = false;
  }
  document.addEventListener('preview-refresh', function (e) { refreshPreview(e.detail && e.detail.url); });
  var DEVICES = { desktop: 'max-w-full', tablet: 'max-w-[820px]', phone: 'max-w-[390px]' };
  document.addEventListener('click', function (e) {
    var button = e.target.closest && e.target.closest('[data-device-set]');
    if (!button) return;
    var box = document.getElementById('preview-frame');
    if (!box) return;
    var device = button.getAttribute('data-device-set');
    Object.keys(DEVICES).forEach(function (k) { box.classList.remove(DEVICES[k]); });
    box.classList.add(DEVICES[device]);
    box.setAttribute('data-device', device);
    document.querySelectorAll('[data-device-set]').forEach(function (b) {
      b.setAttribute('aria-pressed', b === button ? 'true' : 'false');
    });
  });
  // Sortable loads with `defer` after this file on the pages that use it.
  window.addEventListener('DOMContentLoaded', function () { each(document, '[data-sortable]', initSortable); });

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { applyTheme(); init(document); });
  } else {
    applyTheme();
    init(document);
  }
})();

// ==== Design page (portfolio_design.html) ======================================================
// Kept apart from the editor sections above, which are rewritten separately. A native colour
// picker sits beside each hex field and the two follow each other; the form autosaves with
// hx-swap="none" (the answer swaps the status, messages and pickers out of band), and this
// shows "Saving…" while a save is in flight and "Not saved" when the network fails.
(function () {
  'use strict';

  var HEX = /^#[0-9a-f]{6}$/i;

  function designState(state) {
    var el = document.getElementById('design-state');
    if (el) el.setAttribute('data-state', state);
  }

  document.addEventListener('input', function (e) {
    var t = e.target;
    if (!t.matches) return;
    if (t.matches('input[type="color"][data-colour-for]')) {
      var text = document.getElementById(t.getAttribute('data-colour-for'));
      if (text) text.value = t.value; // its form's "change" then saves it
    } else if (t.matches('input[data-colour-text]')) {
      var picker = document.getElementById(t.id + '-picker');
      var typed = t.value.trim();
      if (picker && HEX.test(typed)) picker.value = typed.toLowerCase();
    }
  });
  document.addEventListener('htmx:beforeRequest', function (e) {
    if (e.target.id === 'design-form') designState('saving');
  });
  document.addEventListener('htmx:afterRequest', function (e) {
    if (e.target.id === 'design-form' && !e.detail.successful) designState('failed');
  });
})();
