// Keeps the live image connected and light:
// - an endless GIF only "loads" when its stream ends (server restart, size change) and "errors" when
//   the connection fails: both reconnect, with capped backoff while the server is unreachable;
// - a browser keeps every byte of an endless GIF it plays, so every minute (by default) a fresh
//   connection loads on top of the playing image and replaces it once it shows a picture: no blank,
//   no flicker.
(function () {
  'use strict';
  var screen = document.getElementById('screen');
  var image = document.getElementById('stream');
  var state = document.getElementById('state');
  var viewers = document.getElementById('viewers');
  var MAX_BACKOFF_MS = 3000;
  var backoffMs = 500;
  var reconnectTimer = null;
  var recycleTimer = null;
  var recycleMs = 60000;
  var incoming = null; // a fresh image on its way in
  // an access token in the page's own address goes along with every request of the page
  var token = new URLSearchParams(location.search).get('token');
  var query = token ? 'token=' + encodeURIComponent(token) : '';
  function withQuery(path, more) {
    var parts = [query, more].filter(Boolean).join('&');
    return parts ? path + '?' + parts : path;
  }
  function freshStreamUrl() {
    return withQuery('stream.gif', 't=' + Date.now());
  }

  function watch(img) {
    img.addEventListener('load', function () { if (img === image) reconnect('stream ended'); });
    img.addEventListener('error', function () { if (img === image) reconnect('stream failed'); });
  }

  function reconnect(reason) {
    if (reconnectTimer !== null) return;
    state.textContent = reason + ', reconnecting…';
    reconnectTimer = setTimeout(function () {
      reconnectTimer = null;
      fetch(withQuery('status'), { cache: 'no-store' }).then(function (response) {
        if (!response.ok) throw new Error('status ' + response.status);
        backoffMs = 500;
        image.src = freshStreamUrl();
        state.textContent = 'live';
        scheduleRecycle();
      }).catch(function () {
        backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
        reconnect('server unreachable');
      });
    }, backoffMs);
  }

  function scheduleRecycle() {
    clearTimeout(recycleTimer);
    recycleTimer = setTimeout(recycle, recycleMs);
  }

  function recycle() {
    if (reconnectTimer !== null || incoming !== null) return; // the reconnect or the swap under way reschedules
    incoming = new Image();
    incoming.alt = ''; // no alternative text over the picture while the fresh image loads
    incoming.className = 'incoming';
    var fresh = incoming;
    var started = Date.now();
    function giveUp() {
      fresh.remove();
      incoming = null;
      scheduleRecycle();
    }
    fresh.addEventListener('error', giveUp);
    fresh.src = freshStreamUrl();
    screen.appendChild(fresh);
    (function swapWhenShowing() {
      if (!fresh.isConnected) return;
      // the size is known once the header arrived; the newest frame follows it at once
      if (fresh.naturalWidth > 0 && Date.now() - started > 300) {
        var old = image;
        fresh.className = '';
        fresh.alt = old.alt;
        fresh.id = 'stream';
        old.removeAttribute('id');
        image = fresh;
        incoming = null;
        watch(fresh);
        old.removeAttribute('src'); // closes the old connection
        old.remove();
        scheduleRecycle();
      } else if (Date.now() - started > 10000) {
        giveUp();
      } else {
        setTimeout(swapWhenShowing, 100);
      }
    })();
  }

  watch(image);
  image.src = withQuery('stream.gif');
  state.textContent = 'live';

  function refreshStatus() {
    fetch(withQuery('status'), { cache: 'no-store' })
      .then(function (response) { return response.json(); })
      .then(function (status) {
        viewers.textContent = status.viewers;
        var every = status.pageRecycleSeconds * 1000;
        if (every > 0 && every !== recycleMs) {
          recycleMs = every;
          scheduleRecycle();
        }
      })
      .catch(function () { viewers.textContent = '–'; });
  }
  refreshStatus();
  setInterval(refreshStatus, 2000);
  scheduleRecycle();
})();
