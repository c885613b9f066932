// ktpay-checkout's sandbox stand-in for Halyk ePay's payment-api.js. TEST ONLY.
// It behaves as ../shared/EPAY.md describes Halyk's script, flaws included, so the element is
// tested against what it will meet: `halyk.pay` and `halyk.p2p` navigate the whole window to the
// payment form with the payment in `?params=`; `halyk.showPaymentWidget` puts a global <style> in
// <head> and a full-screen overlay (z-index 1000, no close button) on <body> holding the form
// (`&isShortForm=true`), listens to `message` with a prefix origin check, JSON.parses the data,
// calls back with `{ success }` only and removes the overlay. The form lives beside this file.
(function () {
  'use strict';
  var script = document.currentScript;
  var pageUrl = new URL('payform/', script ? script.src : location.href).href;
  var pageOrigin = new URL(pageUrl).origin;

  function encodeParams(payment) {
    return encodeURIComponent(JSON.stringify(payment));
  }
  function go(payment, extra) {
    location.href = pageUrl + '?params=' + encodeParams(payment) + (extra || '');
  }

  window.halyk = {
    pay: function (payment) { go(payment); },
    p2p: function (payment) { go(payment, '&isTransfer=true'); },
    aft: function (payment) { go(payment, '&isAFT=true'); },
    oct: function (payment) { go(payment, '&isOCT=true'); },
    showPaymentWidget: function (payment, callback) {
      var style = document.createElement('style');
      style.textContent = '.widget-overlay{position:fixed;inset:0;z-index:1000;background:rgba(0,0,0,.6);display:flex;align-items:center;justify-content:center}' +
        '.widget-overlay iframe{width:420px;max-width:100%;height:640px;max-height:100%;border:0;background:#fff;border-radius:8px}';
      document.head.appendChild(style);
      var overlay = document.createElement('div');
      overlay.className = 'widget-overlay';
      var frame = document.createElement('iframe');
      frame.src = pageUrl + '?params=' + encodeParams(payment) + '&isShortForm=true';
      frame.title = 'Halyk ePay';
      overlay.appendChild(frame);
      document.body.appendChild(overlay);
      function onMessage(event) {
        if (event.origin.indexOf(pageOrigin) !== 0) return;
        var result;
        try { result = JSON.parse(event.data); } catch (e) { return; }
        window.removeEventListener('message', onMessage);
        overlay.remove();
        callback({ success: result.success === true });
      }
      window.addEventListener('message', onMessage);
    },
  };
})();
