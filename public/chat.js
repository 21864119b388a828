// The Rebound web chat page: the official Web Chat on the local Direct Line endpoint.
// The page never sees the Direct Line secret: it asks the server for a token for its own conversation,
// keeps { conversationId, token } in localStorage and, after a reload, reconnects to that conversation.
(function () {
  'use strict';
  var STORAGE_KEY = 'rebound.webchat';
  var current = null;

  var styleOptions = {
    accent: '#0b6e69',
    backgroundColor: '#fbfaf7',
    botAvatarInitials: 'RB',
    botAvatarBackgroundColor: '#0b6e69',
    userAvatarInitials: 'You',
    userAvatarBackgroundColor: '#e07a3f',
    bubbleBackground: '#ffffff',
    bubbleBorderColor: '#d8e6e4',
    bubbleBorderRadius: 12,
    bubbleFromUserBackground: '#0b6e69',
    bubbleFromUserTextColor: '#ffffff',
    bubbleFromUserBorderRadius: 12,
    suggestedActionBorderRadius: 16,
    suggestedActionLayout: 'flow',
    hideUploadButton: true,
    sendBoxButtonColor: '#0b6e69',
    sendBoxPlaceholder: 'Describe what went wrong with your trip…',
    rootHeight: '100%',
    primaryFont: '"Segoe UI", system-ui, -apple-system, sans-serif'
  };

  function readSaved() {
    try { return JSON.parse(window.localStorage.getItem(STORAGE_KEY) || 'null'); } catch (e) { return null; }
  }

  function save(session) {
    try { window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ conversationId: session.conversationId, token: session.token })); } catch (e) { /* private mode: no resume */ }
  }

  function showStatus(text) {
    var status = document.getElementById('status');
    status.textContent = text;
    status.hidden = !text;
  }

  // Embedded by the launcher (/embed.js) with a signed-in traveller: the platform's page hands over the token it
  // got from its own backend (which asked Rebound with the signed assertion); only the parent window is listened to.
  var embedded = !!document.querySelector('meta[name="rebound-embed"]');
  var handOver = embedded && /[?&]identity=1\b/.test(window.location.search);

  function sessionFromParent() {
    return new Promise(function (resolve) {
      window.addEventListener('message', function onMessage(event) {
        var data = event.data;
        if (event.source !== window.parent || !data || data.type !== 'rebound:session' || typeof data.token !== 'string') return;
        window.removeEventListener('message', onMessage);
        resolve({ token: data.token, conversationId: data.conversationId, userId: data.userId, resumed: false });
      });
      window.parent.postMessage({ type: 'rebound:ready' }, '*');
    });
  }

  function getSession(fresh) {
    if (handOver) return sessionFromParent();
    var saved = fresh ? null : readSaved();
    return fetch('/api/webchat/token', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(fresh ? { fresh: true } : { token: saved && saved.token })
    }).then(function (res) {
      if (!res.ok) throw new Error('token request failed: ' + res.status);
      return res.json();
    });
  }

  function start(fresh) {
    showStatus('');
    return getSession(fresh).then(function (session) {
      if (!handOver) save(session);
      var options = { domain: window.location.origin + '/v3/directline', token: session.token };
      if (session.resumed) {
        // Reconnect to the same conversation; an empty watermark replays it from the start, so the traveller finds it again.
        options.conversationId = session.conversationId;
        options.watermark = '';
      }
      var directLine = window.WebChat.createDirectLine(options);
      current = directLine;
      var nonce = document.querySelector('meta[name="webchat-nonce"]').getAttribute('content');
      window.WebChat.renderWebChat({
        directLine: directLine,
        userID: session.userId,
        username: 'You',
        locale: navigator.language || 'en-US',
        nonce: nonce,
        styleOptions: styleOptions
      }, document.getElementById('webchat'));
      document.getElementById('webchat').setAttribute('data-conversation-id', session.conversationId);
    }).catch(function () {
      showStatus('We could not connect to the chat. Please check your connection and reload the page.');
    });
  }

  if (!embedded) document.getElementById('new-conversation').addEventListener('click', function () {
    try { window.localStorage.removeItem(STORAGE_KEY); } catch (e) { /* ignore */ }
    if (current) current.end();
    var host = document.getElementById('webchat');
    // renderWebChat into a fresh element: the old Web Chat instance is dropped with its connection.
    var replacement = host.cloneNode(false);
    host.parentNode.replaceChild(replacement, host);
    start(true);
  });

  start(false);
})();
