// Server-sent events read from a fetch() response (the streams are answers to POSTs, which
// EventSource cannot send): calls on(name, data) for each event as it arrives, with its JSON
// data parsed; the promise settles when the stream ends. Used by the AI menu (js/ai.js) and
// "Ask about my work" on public pages (site/ask.js). Framing: apps/ai/streams.py.
window.readEvents = function (response, on) {
  'use strict';
  var reader = response.body.getReader(), decoder = new TextDecoder(), buffer = '';
  function pump() {
    return reader.read().then(function (chunk) {
      if (chunk.done) return;
      buffer += decoder.decode(chunk.value, { stream: true });
      var cut;
      while ((cut = buffer.indexOf('\n\n')) > -1) {
        var raw = buffer.slice(0, cut), name = 'message', data = '';
        buffer = buffer.slice(cut + 2);
        raw.split('\n').forEach(function (line) {
          if (line.indexOf('event: ') === 0) name = line.slice(7);
          else if (line.indexOf('data: ') === 0) data += line.slice(6);
        });
        var parsed;
        try { parsed = JSON.parse(data); } catch (err) { continue; } // a broken event is skipped
        on(name, parsed);
      }
      return pump();
    });
  }
  return pump();
};
