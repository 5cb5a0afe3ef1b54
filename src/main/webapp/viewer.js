// Keeps the live image connected: an endless GIF only "loads" when its stream ends (server restart,
// resolution change), and "errors" when the connection fails; both reconnect with capped backoff.
(function () {
  'use strict';
  var image = document.getElementById('stream');
  var state = document.getElementById('state');
  var viewers = document.getElementById('viewers');
  var backoffMs = 500;
  var MAX_BACKOFF_MS = 3000;
  var reconnectTimer = null;

  function reconnect(reason) {
    if (reconnectTimer !== null) return;
    state.textContent = reason + ', reconnecting…';
    reconnectTimer = setTimeout(function () {
      reconnectTimer = null;
      fetch('status', { cache: 'no-store' }).then(function (response) {
        if (!response.ok) throw new Error('status ' + response.status);
        backoffMs = 500;
        image.src = 'stream.gif?t=' + Date.now();
        state.textContent = 'live';
      }).catch(function () {
        backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
        reconnect('server unreachable');
      });
    }, backoffMs);
  }

  image.addEventListener('load', function () { reconnect('stream ended'); });
  image.addEventListener('error', function () { reconnect('stream failed'); });
  state.textContent = 'live';

  function refreshViewers() {
    fetch('status', { cache: 'no-store' })
      .then(function (response) { return response.json(); })
      .then(function (status) { viewers.textContent = status.viewers; })
      .catch(function () { viewers.textContent = '–'; });
  }
  refreshViewers();
  setInterval(refreshViewers, 2000);
})();
