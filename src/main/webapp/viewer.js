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
  // an access token in the page's own address goes along with every request of the page
  var token = new URLSearchParams(location.search).get('token');
  var query = token ? 'token=' + encodeURIComponent(token) : '';
  function withQuery(path, more) {
    var parts = [query, more].filter(Boolean).join('&');
    return parts ? path + '?' + parts : path;
  }

  function reconnect(reason) {
    if (reconnectTimer !== null) return;
    state.textContent = reason + ', reconnecting…';
    reconnectTimer = setTimeout(function () {
      reconnectTimer = null;
      fetch(withQuery('status'), { cache: 'no-store' }).then(function (response) {
        if (!response.ok) throw new Error('status ' + response.status);
        backoffMs = 500;
        image.src = withQuery('stream.gif', 't=' + Date.now());
        state.textContent = 'live';
      }).catch(function () {
        backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
        reconnect('server unreachable');
      });
    }, backoffMs);
  }

  image.addEventListener('load', function () { reconnect('stream ended'); });
  image.addEventListener('error', function () { reconnect('stream failed'); });
  image.src = withQuery('stream.gif');
  state.textContent = 'live';

  function refreshViewers() {
    fetch(withQuery('status'), { cache: 'no-store' })
      .then(function (response) { return response.json(); })
      .then(function (status) { viewers.textContent = status.viewers; })
      .catch(function () { viewers.textContent = '–'; });
  }
  refreshViewers();
  setInterval(refreshViewers, 2000);
})();
