// Rich text fields as a WYSIWYG editor (Trix, vendored). Without JavaScript they stay textareas
// of the allowed tags. Loaded after static/vendor/trix.umd.min.js on pages with rich text; Trix
// injects its default <style> with the nonce from <meta name="trix-csp-nonce">.
(function () {
  'use strict';
  if (!window.Trix) return;
  // Write the tags our one policy (apps/core/richtext.py) keeps, not Trix's own defaults.
  Trix.config.blockAttributes.default.tagName = 'p';
  Trix.config.blockAttributes.default.breakOnReturn = true;
  Trix.config.blockAttributes.heading1.tagName = 'h3';
  Trix.config.textAttributes.strike.tagName = 's';
  Trix.config.lang.heading1 = 'Heading';

  // Images come from the asset library, not from files dropped into text.
  document.addEventListener('trix-file-accept', function (e) { e.preventDefault(); });

  function enhance(area) {
    var input = document.createElement('input');
    input.type = 'hidden';
    input.name = area.name;
    input.value = area.value;
    input.id = area.id + '-html';
    var editor = document.createElement('trix-editor');
    editor.setAttribute('input', input.id);
    editor.id = area.id; // the field's <label for=…> now names the editor
    editor.className = 'trix-content rich-text-editor';
    ['aria-describedby', 'aria-invalid'].forEach(function (name) {
      if (area.hasAttribute(name)) editor.setAttribute(name, area.getAttribute(name));
    });
    var label = area.id && document.querySelector('label[for="' + area.id + '"]');
    if (label) editor.setAttribute('aria-label', label.textContent.trim());
    area.replaceWith(input, editor);
  }
  // Autosave listens for input events on form fields: say so from the field that holds the HTML.
  document.addEventListener('trix-change', function (e) {
    var input = e.target.inputElement;
    if (input) input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  function start(scope) {
    if (scope.matches && scope.matches('textarea[data-richtext]')) enhance(scope);
    if (scope.querySelectorAll) scope.querySelectorAll('textarea[data-richtext]').forEach(enhance);
  }
  document.addEventListener('htmx:load', function (e) { start(e.target); });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', function () { start(document); });
  else start(document);
})();
