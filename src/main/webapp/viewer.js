// Keeps the live picture on screen in every browser. It plays "stills": one still GIF after another
// in a multipart response, each replacing the last, so a browser keeps no history and never plays a
// late picture late. Every new picture — a fresh connection or a snapshot — loads into a new image
// on top of the one on screen and is swapped in once it shows a picture: no blank, ever.
// - The page cannot see a stream end (no browser fires an event when a multipart response ends or
//   breaks), so it trusts the status poll (every 2 s, up to 10 s when thousands of pages poll the
//   server, as its answer says): when it fails, the server is gone; the picture stays, and a
//   fresh connection follows once the server answers again (capped backoff). A fresh connection every
//   minute (by default) also picks up a stream that ended quietly (a new frame size, a proxy closing
//   a long response). Each connection asks the server to end it a few seconds after the next one is
//   due: WebKit never closes the connection of an image the page dropped, so the server does.
// - A network that holds every response until it is complete (some virus scanners and proxies)
//   passes no picture of an endless response. When a fresh connection shows none within a few
//   seconds while the server says frames flow, the page polls snapshots instead, and tries the
//   stream again every minute.
// - Channels: with named channels, "/" shows a wall of their snapshots, one a second each (a browser
//   opens at most 6 connections to one HTTP/1.1 host, so a wall of endless images would stall), from
//   /channels; a tile opens "?channel=<name>", the live view above for that channel's paths.
(function () {
  'use strict';
  var CHANNEL = /^[a-z0-9][a-z0-9_-]{0,31}$/;
  var WALL_MS = 1000;

  // An access token travels as the cookie the server set when the page was opened with ?token=,
  // never in these URLs. The time makes every address new, so no cache answers it.
  function address(path, query) {
    return path + '?' + (query ? query + '&' : '') + 't=' + Date.now();
  }

  // The live view of one channel: base is '' for the default channel's own paths, or 'streams/<name>/'.
  function liveView(base) {
    var screen = document.getElementById('screen');
    var image = document.getElementById('stream'); // the picture on screen
    var state = document.getElementById('state');
    var viewers = document.getElementById('viewers');
    var FIRST_PICTURE_MS = 4000; // a direct connection shows the newest frame at once
    var OVERLAP_SECONDS = 5; // a connection outlives the moment the next one is due by this much
    var SNAPSHOT_MS = 500; // at most two snapshots a second
    var MAX_BACKOFF_MS = 3000;
    var STATUS_TIMEOUT_MS = 5000; // a poll that hangs longer counts as failed, and the next one still comes
    var backoffMs = 500;
    var freshEveryMs = 60000;
    var pollMs = 2000; // until the server says how long to wait (longer when thousands of pages poll it)
    var freshTimer = null;
    var reconnectTimer = null;
    var incoming = null; // a fresh connection that has not shown a picture yet
    var snapshots = false; // the network holds the stream: showing snapshots
    var framesFlow = false; // /status: the server has frames to send
    var missing = false; // a channel that does not exist (now): nothing to connect to

    // a named channel's status answers 404 (or 400 for a name that cannot be one) while it does not exist
    function isMissing(response) {
      return base !== '' && (response.status === 404 || response.status === 400);
    }

    function channelMissing() {
      missing = true;
      clearTimeout(freshTimer);
      if (incoming !== null) discard(incoming);
      incoming = null;
      state.textContent = 'no such channel';
      viewers.textContent = '–';
    }

    // Puts a new image on top of the picture on screen; shown() runs once it shows a picture.
    function overlay(src, shown, failed) {
      var fresh = new Image();
      fresh.alt = ''; // no alternative text over the picture while it loads
      fresh.className = 'incoming';
      fresh.addEventListener('load', function () {
        // decoded before the old picture goes, so nothing blank is ever painted in between
        fresh.decode().catch(function () {}).then(function () { shown(fresh); });
      }, { once: true }); // Firefox fires load for every part of the stream
      fresh.addEventListener('error', function () { failed(fresh); }, { once: true });
      fresh.src = src;
      screen.appendChild(fresh);
      return fresh;
    }

    function discard(img) {
      img.removeAttribute('src'); // closes its connection, except in WebKit: there the server ends it
      img.remove();
    }

    function swapIn(fresh) {
      var old = image;
      fresh.className = '';
      fresh.alt = old.alt;
      old.removeAttribute('id');
      fresh.id = 'stream';
      image = fresh;
      discard(old);
    }

    function connect() {
      clearTimeout(freshTimer);
      freshTimer = setTimeout(connect, freshEveryMs);
      if (incoming !== null) discard(incoming);
      var lifetime = Math.ceil(freshEveryMs / 1000) + OVERLAP_SECONDS;
      var fresh = incoming = overlay(address(base + 'stills', 'seconds=' + lifetime), function () {
        if (incoming !== fresh) return;
        incoming = null;
        snapshots = false;
        backoffMs = 500;
        swapIn(fresh);
        state.textContent = 'live';
      }, function () {
        if (incoming !== fresh) return;
        incoming = null;
        discard(fresh);
        reconnect('stream failed');
      });
      (function awaitFirstPicture(waitedMs) {
        setTimeout(function () {
          if (incoming !== fresh) return;
          // without frames there is nothing to show yet: keep waiting
          if (!framesFlow) return awaitFirstPicture(1000);
          incoming = null;
          discard(fresh);
          if (!snapshots) showSnapshots();
        }, waitedMs);
      })(FIRST_PICTURE_MS);
    }

    function showSnapshots() {
      snapshots = true;
      (function next() {
        if (!snapshots) return;
        var asked = Date.now();
        function again() { setTimeout(next, Math.max(0, asked + SNAPSHOT_MS - Date.now())); }
        overlay(address(base + 'snapshot.gif'), function (still) {
          if (!snapshots) return discard(still);
          swapIn(still);
          state.textContent = 'live stream held by the network: showing snapshots';
          again();
        }, function (still) {
          discard(still);
          again();
        });
      })();
    }

    // Spread in time: thousands of pages that lost the server together must not come back in step.
    function jittered(ms) {
      return ms * (0.75 + Math.random() / 2);
    }

    function reconnect(reason) {
      if (reconnectTimer !== null) return;
      state.textContent = reason + ', reconnecting…';
      reconnectTimer = setTimeout(function () {
        fetch(base + 'status', { cache: 'no-store', signal: AbortSignal.timeout(STATUS_TIMEOUT_MS) }).then(function (response) {
          reconnectTimer = null;
          if (isMissing(response)) return channelMissing();
          if (!response.ok) throw new Error('status ' + response.status);
          connect();
        }).catch(function (failure) {
          reconnectTimer = null;
          backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
          reconnect(failure.message === 'status 503' ? 'server starting' : 'server unreachable');
        });
      }, jittered(backoffMs));
    }

    // resolves once the status is known (or could not be had)
    function refreshStatus() {
      return fetch(base + 'status', { cache: 'no-store', signal: AbortSignal.timeout(STATUS_TIMEOUT_MS) })
        .then(function (response) {
          if (response.status === 404 && base) return { missing: true };
          // 503 while the server warms up after a start (see README, "A warm server from the start")
          if (response.status === 503) throw new Error('status 503');
          return response.json();
        })
        .then(function (status) {
          if (status.missing) {
            state.textContent = 'no such channel';
            return;
          }
          viewers.textContent = status.viewers;
          framesFlow = status.live;
          if (status.pollSeconds > 0) pollMs = status.pollSeconds * 1000;
          var every = status.pageRecycleSeconds * 1000;
          if (every > 0 && every !== freshEveryMs) {
            freshEveryMs = every;
            clearTimeout(freshTimer);
            freshTimer = setTimeout(connect, freshEveryMs);
          }
        })
        .catch(function (failure) {
          viewers.textContent = '–';
          reconnect(failure.message === 'status 503' ? 'server starting' : 'server unreachable');
        });
    }

    // the first connection waits for the status, so that it asks for the lifetime the server configured
    refreshStatus().then(function () {
      if (incoming === null && reconnectTimer === null && !missing && !image.src) connect();
    });
    (function pollStatus() {
      setTimeout(function () { refreshStatus().then(pollStatus); }, jittered(pollMs));
    })();
  }

  // The wall: a tile per channel (the default one while it is live), each a snapshot renewed once a
  // second; the channel list and each tile's state come from /channels, also once a second.
  function wall(first) {
    var wallElement = document.getElementById('wall');
    var tiles = {}; // name → { link, image, state, loading }
    document.getElementById('screen').hidden = true;
    document.getElementById('info').hidden = true;
    wallElement.hidden = false;
    document.title = 'gifstream — channels';

    function tile(name) {
      var link = document.createElement('a');
      link.href = '?channel=' + encodeURIComponent(name);
      link.id = 'tile-' + name;
      var image = document.createElement('img');
      image.alt = name;
      var label = document.createElement('span');
      label.className = 'label';
      var title = document.createElement('b');
      title.textContent = name;
      var state = document.createElement('span');
      label.appendChild(title);
      label.appendChild(document.createTextNode(' · '));
      label.appendChild(state);
      link.appendChild(image);
      link.appendChild(label);
      return { link: link, image: image, state: state, loading: false };
    }

    // the next snapshot loads off screen and replaces the shown one once decoded: no blank tile
    function renew(name, shown) {
      if (shown.loading) return;
      shown.loading = true;
      var next = new Image();
      next.addEventListener('load', function () {
        next.decode().catch(function () {}).then(function () {
          shown.loading = false;
          shown.image.src = next.src;
        });
      }, { once: true });
      next.addEventListener('error', function () { shown.loading = false; }, { once: true });
      next.src = address('streams/' + encodeURIComponent(name) + '/snapshot.gif');
    }

    function show(list) {
      var seen = {};
      list.channels.forEach(function (channel) {
        if (channel.name === 'default' && !channel.live) return;
        seen[channel.name] = true;
        var shown = tiles[channel.name];
        if (!shown) {
          shown = tiles[channel.name] = tile(channel.name);
          wallElement.appendChild(shown.link);
        }
        shown.state.textContent = channel.live ? 'live · ' + channel.viewers + ' watching' : 'stalled';
        shown.state.className = channel.live ? 'live' : 'stalled';
        if (channel.live || !shown.image.src) renew(channel.name, shown);
      });
      Object.keys(tiles).forEach(function (name) {
        if (!seen[name]) {
          tiles[name].link.remove();
          delete tiles[name];
        }
      });
    }

    show(first);
    (function poll() {
      setTimeout(function () {
        channels().then(show).catch(function () {}).then(poll);
      }, WALL_MS);
    })();
  }

  function channels() {
    return fetch('channels', { cache: 'no-store', signal: AbortSignal.timeout(5000) }).then(function (response) {
      if (!response.ok) throw new Error('channels ' + response.status);
      return response.json();
    });
  }

  var asked = new URLSearchParams(location.search).get('channel');
  if (asked !== null) {
    document.title = 'gifstream — ' + (CHANNEL.test(asked) ? asked : 'live');
    document.getElementById('back').hidden = false;
    liveView(asked === 'default' ? '' : 'streams/' + encodeURIComponent(asked) + '/');
    return;
  }
  // without named channels, "/" is the default channel's live view, as it always was
  channels().then(function (list) {
    var named = list.channels.some(function (channel) { return channel.name !== 'default'; });
    if (named) {
      wall(list);
    } else {
      liveView('');
    }
  }, function () {
    liveView(''); // the live view retries until the server answers
  });
})();
