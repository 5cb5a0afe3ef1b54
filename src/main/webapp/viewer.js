// Keeps the live image connected, live and light. A fresh stream always loads into a new image
// element on top of the picture on screen, and is swapped in once it shows a picture: no blank, no
// flicker, and the picture on screen stays until then (Firefox would keep showing a finished image
// if only its src changed). A fresh stream is loaded:
// - when the stream ends (the image "loads": server stopping, size change; the picture stays on its
//   last frame) or fails ("error"), once the server answers again, with capped backoff until it does;
// - every minute (by default), because a browser keeps every byte of an endless GIF it plays;
// - when a status poll took long or failed: the network stalled, and the frames held up meanwhile
//   arrive at once. Chromium skips the late ones, but Firefox plays every frame for its delay, so
//   its picture would stay seconds behind live until the next swap.
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
  var ended = false; // the image on screen no longer plays: its stream ended or failed
  var SLOW_POLL_MS = 500;
  var pollFailed = false;
  // An access token travels as the cookie the server set when the page was opened with ?token=,
  // never in these URLs.
  // No preroll for a fresh image: it goes over a picture that is live already, and recent history
  // played fast would show as a jump back in time.
  function freshStreamUrl() {
    return 'stream.gif?preroll=0&t=' + Date.now();
  }

  function watch(img) {
    img.addEventListener('load', function () { if (img === image) stopped('stream ended'); });
    img.addEventListener('error', function () { if (img === image) stopped('stream failed'); });
  }

  function stopped(reason) {
    ended = true;
    reconnect(reason);
  }

  function reconnect(reason) {
    if (reconnectTimer !== null) return;
    state.textContent = reason + ', reconnecting…';
    reconnectTimer = setTimeout(function () {
      fetch('status', { cache: 'no-store' }).then(function (response) {
        if (!response.ok) throw new Error('status ' + response.status);
        reconnectTimer = null;
        backoffMs = 500;
        dropIncoming();
        loadFreshImage();
      }).catch(function () {
        reconnectTimer = null;
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
    if (reconnectTimer === null && incoming === null) loadFreshImage();
  }

  function dropIncoming() {
    if (incoming === null) return;
    incoming.removeAttribute('src'); // closes its connection
    incoming.remove();
    incoming = null;
  }

  function loadFreshImage() {
    var fresh = new Image();
    incoming = fresh;
    fresh.alt = ''; // no alternative text over the picture while the fresh image loads
    fresh.className = 'incoming';
    var started = Date.now();
    function failed() {
      if (incoming !== fresh) return;
      dropIncoming();
      if (ended) reconnect('stream failed');
      else scheduleRecycle();
    }
    fresh.addEventListener('error', failed);
    fresh.addEventListener('load', failed); // ended before it was swapped in
    fresh.src = freshStreamUrl();
    screen.appendChild(fresh);
    (function swapWhenShowing() {
      if (incoming !== fresh) return;
      // the size is known once the header arrived; the newest frame follows it at once
      if (fresh.naturalWidth > 0 && Date.now() - started > 300) {
        var old = image;
        fresh.className = '';
        fresh.alt = old.alt;
        fresh.id = 'stream';
        old.removeAttribute('id');
        image = fresh;
        incoming = null;
        ended = false;
        watch(fresh);
        old.removeAttribute('src'); // closes the old connection
        old.remove();
        state.textContent = 'live';
        scheduleRecycle();
      } else if (Date.now() - started > 10000) {
        failed();
      } else {
        setTimeout(swapWhenShowing, 100);
      }
    })();
  }

  watch(image);
  image.src = 'stream.gif';
  state.textContent = 'live';

  function refreshStatus() {
    var asked = Date.now();
    fetch('status', { cache: 'no-store' })
      .then(function (response) { return response.json(); })
      .then(function (status) {
        if (pollFailed || Date.now() - asked > SLOW_POLL_MS) recycle();
        pollFailed = false;
        viewers.textContent = status.viewers;
        var every = status.pageRecycleSeconds * 1000;
        if (every > 0 && every !== recycleMs) {
          recycleMs = every;
          scheduleRecycle();
        }
      })
      .catch(function () {
        pollFailed = true;
        viewers.textContent = '–';
      });
  }
  refreshStatus();
  setInterval(refreshStatus, 2000);
  scheduleRecycle();
})();
