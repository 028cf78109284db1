/*
 * mipgate web console: plain JavaScript over the REST API, with the API key a client would use. The key lives in
 * sessionStorage (gone with the tab) and is sent as X-API-Key, never in a request URL. Scripts that cannot type (a
 * headless browser taking a screenshot, docs/screenshot.sh) may hand it over in the fragment, #key=<key> (and
 * &module=<id> to open a module): a fragment is never sent to the server, and the page moves the key into
 * sessionStorage and drops the fragment from the address and the tab's history at once. Everything the API returns
 * is written with textContent, never parsed as HTML.
 */
(function () {
  'use strict';

  var API = '/api/v1';
  var KEY_STORE = 'mipgate.apiKey';
  var REFRESH_MS = 2000;
  var EVENTS_KEPT = 200;
  var SVG = 'http://www.w3.org/2000/svg';

  var selected = null;
  var eventStream = null;

  function $(id) {
    return document.getElementById(id);
  }

  function key() {
    return window.sessionStorage.getItem(KEY_STORE);
  }

  function text(element, value) {
    element.textContent = value === null || value === undefined ? '—' : String(value);
    return element;
  }

  function cell(row, value, className) {
    var td = document.createElement('td');
    text(td, value);
    if (className) {
      td.className = className;
    }
    row.appendChild(td);
    return td;
  }

  function status(message, isError) {
    var line = $('connection-status');
    text(line, message);
    line.className = isError ? 'error' : '';
  }

  /** One API call; done(error, body) with error = {status, detail} from the RFC 9457 problem. */
  function call(method, path, body, done) {
    var xhr = new XMLHttpRequest();
    xhr.open(method, API + path, true);
    xhr.setRequestHeader('X-API-Key', key() || '');
    xhr.setRequestHeader('Accept', 'application/json');
    if (body !== null && body !== undefined) {
      xhr.setRequestHeader('Content-Type', 'application/json');
    }
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4) {
        return;
      }
      var parsed = null;
      try {
        parsed = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch (e) {
        parsed = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        done(null, parsed);
      } else {
        done({status: xhr.status, detail: parsed && (parsed.detail || parsed.title) || ('HTTP ' + xhr.status)}, parsed);
      }
    };
    xhr.send(body === null || body === undefined ? null : JSON.stringify(body));
  }

  // ---- the fleet ----

  function refreshFleet() {
    if (!key()) {
      return;
    }
    call('GET', '/modules', null, function (error, modules) {
      if (error) {
        status(error.status === 401 || error.status === 403 ? 'The key was refused (' + error.status + ').'
            : 'Fleet not available: ' + error.detail, true);
        return;
      }
      call('GET', '/cellular', null, function (cellularError, cellular) {
        var byModule = {};
        (cellular || []).forEach(function (c) {
          byModule[c.moduleId] = c;
        });
        renderFleet(modules, byModule);
        status('Connected: ' + modules.length + ' modules, ' + new Date().toLocaleTimeString() + '.', false);
        if (selected) {
          var current = modules.filter(function (m) {
            return m.id === selected;
          })[0];
          if (current) {
            renderDetail(current, byModule[selected]);
          }
        }
      });
    });
  }

  function signal(c) {
    if (!c || c.rssiDbm === null || c.rssiDbm === undefined) {
      return c ? 'no signal' : null;
    }
    return c.rssiDbm + ' dBm' + (c.rsrpDbm !== null && c.rsrpDbm !== undefined ? ' (RSRP ' + c.rsrpDbm + ')' : '');
  }

  function renderFleet(modules, cellular) {
    var rows = $('fleet-rows');
    while (rows.firstChild) {
      rows.removeChild(rows.firstChild);
    }
    modules.forEach(function (m) {
      var c = cellular[m.id];
      var row = document.createElement('tr');
      row.setAttribute('data-module', m.id);
      if (m.id === selected) {
        row.className = 'selected';
      }
      cell(row, m.id, 'module-id');
      cell(row, m.model);
      cell(row, m.status, 'state state-' + m.status);
      cell(row, signal(c), 'signal');
      cell(row, c ? c.registration : null, 'registration');
      cell(row, m.openConnections, 'connections');
      cell(row, m.queueDepth + ' / ' + m.queueCapacity, 'queue');
      cell(row, m.lastError, 'last-error');
      row.addEventListener('click', function () {
        select(m.id);
      });
      rows.appendChild(row);
    });
  }

  // ---- one module ----

  function select(moduleId) {
    selected = moduleId;
    $('detail').hidden = false;
    text($('detail-id'), moduleId);
    text($('at-output'), '');
    var events = $('events');
    while (events.firstChild) {
      events.removeChild(events.firstChild);
    }
    stopEvents();
    refreshFleet();
    refreshCharts();
  }

  function facts(list, pairs) {
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }
    pairs.forEach(function (pair) {
      var dt = document.createElement('dt');
      var dd = document.createElement('dd');
      text(dt, pair[0]);
      text(dd, pair[1]);
      list.appendChild(dt);
      list.appendChild(dd);
    });
  }

  function renderDetail(m, c) {
    facts($('detail-facts'), [['Status', m.status + ' since ' + m.statusSince], ['Link', m.link],
      ['Model', m.model], ['Firmware', m.firmware], ['IMEI', m.imei], ['Recovery', m.recoveryRung
        + (m.recoveryAttempts ? ' (attempt ' + m.recoveryAttempts + ')' : '')], ['Last error', m.lastError]]);
    facts($('detail-cellular'), c ? [['Signal', signal(c)], ['Registration', c.registration],
      ['Operator', c.operator], ['Attached', c.attached], ['Radio', c.radioOn ? 'on' : 'off'], ['SIM', c.sim],
      ['ICCID', c.iccid], ['IMSI', c.imsi], ['PDP', (c.pdpContexts || []).map(function (p) {
        return p.cid + ' ' + p.apn + ' ' + (p.addresses.join(' ') || 'inactive');
      }).join('; ')], ['Read at', c.readAt]] : [['Cellular', 'not read yet']]);
    var rows = $('connection-rows');
    while (rows.firstChild) {
      rows.removeChild(rows.firstChild);
    }
    var chooser = $('chart-connection');
    var chosen = chooser.value;
    while (chooser.firstChild) {
      chooser.removeChild(chooser.firstChild);
    }
    (m.connections || []).forEach(function (k) {
      var row = document.createElement('tr');
      cell(row, k.connectId);
      cell(row, k.state);
      cell(row, k.protocol ? k.protocol + ' ' + k.remoteHost + ':' + k.remotePort : null);
      cell(row, k.accessMode);
      cell(row, k.bytesSent);
      cell(row, k.bytesReceived);
      cell(row, k.bufferedBytes);
      rows.appendChild(row);
      var option = document.createElement('option');
      option.value = String(k.connectId);
      text(option, 'connection ' + k.connectId);
      chooser.appendChild(option);
    });
    if (chosen) {
      chooser.value = chosen;
    }
    if (chooser.value !== chosen) {
      refreshCharts(); // a first connection, or the chosen one gone: draw now rather than at the next 30 s tick
    }
  }

  // ---- live events: SSE over a streaming XHR, since EventSource cannot send the key header ----

  function openEvents(moduleId) {
    var xhr = new XMLHttpRequest();
    var seen = 0;
    var pending = '';
    eventStream = xhr;
    xhr.open('GET', API + '/modules/' + encodeURIComponent(moduleId) + '/events', true);
    xhr.setRequestHeader('X-API-Key', key() || '');
    xhr.setRequestHeader('Accept', 'text/event-stream');
    xhr.onprogress = function () {
      pending += xhr.responseText.substring(seen);
      seen = xhr.responseText.length;
      var blocks = pending.split('\n\n');
      pending = blocks.pop();
      blocks.forEach(showEvent);
    };
    xhr.onloadend = function () {
      if (eventStream === xhr && selected === moduleId) {
        window.setTimeout(function () {
          if (selected === moduleId) {
            openEvents(moduleId);
          }
        }, 3000);
      }
    };
    xhr.send(null);
  }

  function stopEvents() {
    var stream = eventStream;
    eventStream = null;
    if (stream) {
      stream.abort();
    }
    text($('events-toggle'), 'Start');
  }

  function toggleEvents() {
    if (eventStream) {
      stopEvents();
    } else if (selected) {
      openEvents(selected);
      text($('events-toggle'), 'Stop');
    }
  }

  function showEvent(block) {
    var name = 'message';
    var data = '';
    block.split('\n').forEach(function (line) {
      if (line.indexOf('event:') === 0) {
        name = line.substring(6).trim();
      } else if (line.indexOf('data:') === 0) {
        data += line.substring(5).trim();
      }
    });
    if (!data && name === 'message') {
      return;
    }
    var item = document.createElement('li');
    text(item, new Date().toLocaleTimeString() + '  ' + name + '  ' + data);
    var list = $('events');
    list.insertBefore(item, list.firstChild);
    while (list.childNodes.length > EVENTS_KEPT) {
      list.removeChild(list.lastChild);
    }
  }

  // ---- charts ----

  function refreshCharts() {
    var connectId = $('chart-connection').value;
    if (!selected || connectId === '') {
      return;
    }
    call('GET', '/modules/' + encodeURIComponent(selected) + '/connections/' + connectId
        + '/sack/history?step=PT1M', null, function (error, series) {
      if (error || !series) {
        return;
      }
      var buckets = series.buckets || [];
      plot($('sack-chart'), [
        {cls: 'sent', values: buckets.map(function (b) { return b.sent; })},
        {cls: 'acked', values: buckets.map(function (b) { return b.acked; })},
        {cls: 'nack', values: buckets.map(function (b) { return b.nack; })}]);
      plot($('throughput-chart'), [
        {cls: 'sent', values: buckets.map(function (b) { return b.sentDelta / 60; })},
        {cls: 'acked', values: buckets.map(function (b) { return b.receivedDelta / 60; })}]);
    });
  }

  function plot(svg, lines) {
    while (svg.firstChild) {
      svg.removeChild(svg.firstChild);
    }
    var max = 1;
    var count = 0;
    lines.forEach(function (line) {
      count = Math.max(count, line.values.length);
      line.values.forEach(function (v) {
        max = Math.max(max, v || 0);
      });
    });
    lines.forEach(function (line) {
      var points = line.values.map(function (v, i) {
        var x = count < 2 ? 0 : i * 600 / (count - 1);
        var y = 155 - (v || 0) * 150 / max;
        return x.toFixed(1) + ',' + y.toFixed(1);
      }).join(' ');
      var polyline = document.createElementNS(SVG, 'polyline');
      polyline.setAttribute('points', points);
      polyline.setAttribute('fill', 'none');
      polyline.setAttribute('stroke', 'currentColor');
      polyline.setAttribute('class', line.cls);
      svg.appendChild(polyline);
    });
    var label = document.createElementNS(SVG, 'text');
    label.setAttribute('x', '4');
    label.setAttribute('y', '14');
    label.textContent = 'max ' + Math.round(max);
    svg.appendChild(label);
  }

  // ---- actions ----

  function readCellular() {
    if (!selected) {
      return;
    }
    text($('action-result'), 'reading…');
    call('POST', '/modules/' + encodeURIComponent(selected) + '/cellular/refresh', null, function (error) {
      text($('action-result'), error ? 'refused: ' + error.detail : 'read');
      refreshFleet();
    });
  }

  function sendAt(event) {
    event.preventDefault();
    var command = $('at-command').value;
    if (!selected || !command) {
      return;
    }
    var output = $('at-output');
    text(output, '> ' + command);
    call('POST', '/modules/' + encodeURIComponent(selected) + '/at', {command: command}, function (error, answer) {
      if (error) {
        output.className = 'error';
        text(output, '> ' + command + '\n' + error.status + ': ' + error.detail);
        return;
      }
      output.className = '';
      text(output, '> ' + command + '\n' + answer.lines.concat([answer.result]).join('\n'));
    });
  }

  function useKey(event) {
    event.preventDefault();
    var value = $('api-key').value.trim();
    if (!value) {
      return;
    }
    window.sessionStorage.setItem(KEY_STORE, value);
    $('api-key').value = '';
    status('Checking the key…', false);
    refreshFleet();
  }

  function forgetKey() {
    window.sessionStorage.removeItem(KEY_STORE);
    stopEvents();
    selected = null;
    $('detail').hidden = true;
    renderFleet([], {});
    status('No key: enter an API key to see the fleet.', false);
  }

  /** Takes #key=...&module=... once and removes it from the address, so that it is not kept or shared. */
  function takeFragment() {
    var fragment = window.location.hash.replace(/^#/, '');
    if (!fragment) {
      return null;
    }
    var given = {};
    fragment.split('&').forEach(function (pair) {
      var at = pair.indexOf('=');
      if (at > 0) {
        given[pair.substring(0, at)] = decodeURIComponent(pair.substring(at + 1));
      }
    });
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    if (given.key) {
      window.sessionStorage.setItem(KEY_STORE, given.key);
    }
    return given.module || null;
  }

  $('key-form').addEventListener('submit', useKey);
  $('forget-key').addEventListener('click', forgetKey);
  $('refresh-cellular').addEventListener('click', readCellular);
  $('at-form').addEventListener('submit', sendAt);
  $('chart-connection').addEventListener('change', refreshCharts);
  $('events-toggle').addEventListener('click', toggleEvents);
  text($('refresh-seconds'), REFRESH_MS / 1000);
  window.setInterval(refreshFleet, REFRESH_MS);
  window.setInterval(refreshCharts, 30000);
  var moduleAsked = takeFragment();
  if (moduleAsked && key()) {
    select(moduleAsked);
  } else {
    refreshFleet();
  }
}());
