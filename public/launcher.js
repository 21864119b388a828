// The Rebound launcher: a platform adds it with one tag,
//   <script src="https://help.example.com/embed.js" data-token-url="/rebound/token" async></script>
// It shows a chat bubble; a press opens the official Web Chat (served by Rebound at /embed) in a frame.
// data-token-url (optional): a URL of the platform's own site that answers { token, conversationId, userId }
// for its signed-in user (its backend asked Rebound's /api/webchat/token with a signed assertion). Without it,
// the traveller chats anonymously and proves a booking with its reference and surname.
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.__reboundLauncher) return;
  window.__reboundLauncher = true;
  var origin = new URL(script.src).origin;
  var tokenUrl = script.getAttribute('data-token-url');
  var label = script.getAttribute('data-label') || 'Help with a booking';
  var frame = null;

  function style(el, rules) {
    for (var k in rules) el.style[k] = rules[k];
  }

  var bubble = document.createElement('button');
  bubble.type = 'button';
  bubble.id = 'rebound-launcher';
  bubble.setAttribute('aria-label', label);
  bubble.setAttribute('aria-expanded', 'false');
  bubble.textContent = '💬';
  style(bubble, { position: 'fixed', right: '20px', bottom: '20px', width: '56px', height: '56px', borderRadius: '50%', border: '0',
    background: '#0b6e69', color: '#fff', fontSize: '26px', cursor: 'pointer', boxShadow: '0 4px 14px rgba(0,0,0,.25)', zIndex: '2147483000' });

  function handOver(win) {
    // The platform's page asks its own backend (its sign-in cookie) for the traveller's token, then gives it to the
    // chat frame only (targetOrigin: Rebound's origin).
    fetch(tokenUrl, { method: 'POST', credentials: 'same-origin' })
      .then(function (res) { if (!res.ok) throw new Error('token ' + res.status); return res.json(); })
      .then(function (s) { win.postMessage({ type: 'rebound:session', token: s.token, conversationId: s.conversationId, userId: s.userId }, origin); })
      .catch(function () { bubble.title = 'The chat could not start; please reload the page.'; });
  }

  function open() {
    if (!frame) {
      frame = document.createElement('iframe');
      frame.id = 'rebound-chat';
      frame.title = label;
      frame.src = origin + '/embed' + (tokenUrl ? '?identity=1' : '');
      style(frame, { position: 'fixed', right: '20px', bottom: '88px', width: '380px', height: '560px', maxWidth: 'calc(100vw - 40px)',
        maxHeight: 'calc(100vh - 110px)', border: '1px solid #d8e6e4', borderRadius: '12px', background: '#fff', zIndex: '2147483000',
        boxShadow: '0 8px 30px rgba(0,0,0,.2)' });
      if (tokenUrl) {
        window.addEventListener('message', function (event) {
          if (event.origin === origin && event.source === frame.contentWindow && event.data && event.data.type === 'rebound:ready') handOver(frame.contentWindow);
        });
      }
      document.body.appendChild(frame);
    } else {
      frame.hidden = !frame.hidden;
    }
    bubble.setAttribute('aria-expanded', String(!frame.hidden));
  }

  bubble.addEventListener('click', open);
  if (document.body) document.body.appendChild(bubble);
  else document.addEventListener('DOMContentLoaded', function () { document.body.appendChild(bubble); });
})();
