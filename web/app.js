// dyad serve's page: search, dyad chart, timeline, article, speakers over
// the JSON API (docs/api.md). No framework and no build step. Every piece of
// data from the database reaches the page through textContent, text nodes or
// attribute values (never parsed as HTML), so article text always shows as text.
'use strict';

const SVG = 'http://www.w3.org/2000/svg';
const QUADS = [
  ['verbal_coop', 'Verbal cooperation', 'q1'],
  ['material_coop', 'Material cooperation', 'q2'],
  ['verbal_conflict', 'Verbal conflict', 'q3'],
  ['material_conflict', 'Material conflict', 'q4'],
];
const ID_COLUMNS = new Set(['id', 'article_id', 'lead_id', 'copy_id', 'original_id']);

// ---- small helpers ---------------------------------------------------------

// An element with attributes (class, text, on*) and children (strings become
// text nodes).
function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const kid of kids.flat()) {
    if (kid == null || kid === false) continue;
    e.append(typeof kid === 'object' ? kid : String(kid));
  }
  return e;
}

function svg(tag, attrs, ...kids) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null) continue;
    if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, String(v));
  }
  for (const kid of kids.flat()) if (kid) e.append(kid);
  return e;
}

function clear(node, ...kids) {
  node.replaceChildren(...kids.flat().filter((k) => k != null));
  return node;
}

function status(msg) {
  document.getElementById('status').textContent = msg || '';
}

function errorBox(err) {
  return el('p', { class: 'error', role: 'alert', text: String(err.message || err) });
}

// A link inside the page; only http(s) URLs become outside links.
function articleLink(id, label) {
  return el('a', { href: '#/article/' + encodeURIComponent(id), class: 'art' }, label || id);
}

function outsideLink(url) {
  if (!/^https?:\/\//i.test(url || '')) return document.createTextNode(url || '');
  return el('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank' }, url);
}

// GET /api/<path>?params; resolves to the JSON body or rejects with the
// server's {"error"} message.
async function api(path, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v != null && v !== '') qs.set(k, v);
  }
  const url = '/api/' + path + (qs.toString() ? '?' + qs : '');
  status('loading ' + path + '...');
  let res, body;
  try {
    res = await fetch(url, { headers: { Accept: 'application/json' } });
    body = await res.json();
  } catch (e) {
    status('');
    throw new Error('the server did not answer (' + e.message + ')');
  }
  status('');
  if (!res.ok) throw new Error(body && body.error ? body.error : 'HTTP ' + res.status);
  return body;
}

function hashParams() {
  const h = location.hash.slice(1);
  const i = h.indexOf('?');
  return { path: i < 0 ? h : h.slice(0, i), params: new URLSearchParams(i < 0 ? '' : h.slice(i + 1)) };
}

function go(path, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v) qs.set(k, v);
  const h = '#' + path + (qs.toString() ? '?' + qs : '');
  if (location.hash === h) route();
  else location.hash = h;
}

// A snippet whose matches the query layer marks with [ and ].
function snippet(text) {
  const p = el('p', { class: 'snippet' });
  const re = /\[([^\[\]]*)\]/g;
  let last = 0, m;
  while ((m = re.exec(text || ''))) {
    p.append(text.slice(last, m.index), el('mark', { text: m[1] }));
    last = m.index + m[0].length;
  }
  p.append((text || '').slice(last));
  return p;
}

function fmt(v) {
  if (v == null) return '';
  if (typeof v === 'number' && !Number.isInteger(v)) return v.toFixed(2);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

// Any result as a table of its columns; article ids become links.
function table(result, opts) {
  const cols = (opts && opts.columns) || result.columns || [];
  const rows = result.rows || [];
  if (!rows.length) return el('p', { class: 'empty', text: 'Nothing found.' });
  const head = el('tr', null, cols.map((c) => el('th', { scope: 'col', text: c.replace(/_/g, ' ') })));
  const body = rows.map((r) => el('tr', null, cols.map((c) => {
    const v = r[c];
    if (ID_COLUMNS.has(c) && v) return el('td', null, articleLink(v, 'open'));
    return el('td', { class: typeof v === 'number' ? 'num' : null, text: fmt(v) });
  })));
  return el('div', { class: 'scroll' }, el('table', { class: 'rows' }, el('thead', null, head), el('tbody', null, body)));
}

// "Previous / next" links for a paginated result.
function pager(result, onPage) {
  const off = result.offset || 0, lim = result.limit || 50;
  const n = (result.rows || []).length;
  if (!off && !result.more) return null;
  return el('nav', { class: 'pager' },
    off > 0 ? el('button', { type: 'button', onclick: () => onPage(Math.max(0, off - lim)) }, 'Previous') : null,
    el('span', { text: `${off + 1}-${off + n}` }),
    result.more ? el('button', { type: 'button', onclick: () => onPage(off + lim) }, 'Next') : null);
}

// ---- actor picker ------------------------------------------------------------

let actorsPromise = null;
function actors() {
  if (!actorsPromise) {
    actorsPromise = api('actors', { limit: 1000 }).then((r) => r.rows).catch((e) => {
      actorsPromise = null;
      throw e;
    });
  }
  return actorsPromise;
}

// Turn input + listbox into a searchable picker of actor codes with names.
function picker(input, list) {
  let active = -1, shown = [];
  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    active = -1;
  }
  function choose(code) {
    input.value = code;
    close();
  }
  function mark() {
    [...list.children].forEach((li, i) => li.setAttribute('aria-selected', i === active ? 'true' : 'false'));
  }
  async function update() {
    const q = input.value.trim();
    let all;
    try { all = await actors(); } catch (e) { status(e.message); return; }
    const up = q.toUpperCase(), low = q.toLowerCase();
    shown = all.filter((a) => !q || a.actor.startsWith(up) ||
      (a.name && a.name.toLowerCase().includes(low)));
    // the first 1,000 actors are kept here; rarer codes are asked for by prefix
    if (shown.length < 12 && all.length >= 1000 && /^[A-Z0-9]{2,}$/.test(up)) {
      try {
        const more = (await api('actors', { q: up, limit: 20 })).rows;
        for (const a of more) if (!shown.some((b) => b.actor === a.actor)) shown.push(a);
      } catch (e) { /* a bad prefix: keep what matched here */ }
      if (input.value.trim() !== q) return;  // typed on meanwhile
    }
    // exact codes first, then by number of events (the server's order)
    shown.sort((a, b) => (b.actor === up) - (a.actor === up));
    shown = shown.slice(0, 12);
    clear(list, shown.map((a, i) => el('li', {
      role: 'option', 'data-code': a.actor, id: list.id + '-' + i,
      onmousedown: (ev) => { ev.preventDefault(); choose(a.actor); },
    }, el('b', { text: a.actor }), ' ', el('span', { text: a.name || '' }),
    el('small', { text: ` ${a.events} events` }))));
    active = -1;
    list.hidden = shown.length === 0;
    input.setAttribute('aria-expanded', String(!list.hidden));
  }
  input.addEventListener('input', update);
  input.addEventListener('focus', update);
  input.addEventListener('blur', () => setTimeout(close, 100));
  input.addEventListener('keydown', (ev) => {
    if (list.hidden) return;
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      active = (active + (ev.key === 'ArrowDown' ? 1 : shown.length - 1)) % shown.length;
      mark();
    } else if (ev.key === 'Enter' && active >= 0) {
      ev.preventDefault();
      choose(shown[active].actor);
    } else if (ev.key === 'Escape') {
      close();
    }
  });
}

// ---- search -----------------------------------------------------------------

async function showSearch(p) {
  const out = document.getElementById('search-out');
  const q = p.get('q') || '';
  document.getElementById('search-q').value = q;
  document.getElementById('search-from').value = p.get('from') || '';
  document.getElementById('search-to').value = p.get('to') || '';
  if (!q) { clear(out, el('p', { class: 'hint', text: 'Search the articles: words or "a phrase", with an optional date range.' })); return; }
  const params = { q, from: p.get('from'), to: p.get('to'), offset: p.get('offset'), limit: 20 };
  try {
    const r = await api('search', params);
    const items = r.rows.map((a) => el('li', { class: 'result' },
      el('h3', null, articleLink(a.id, a.title || '(no headline)')),
      el('p', { class: 'meta' }, [a.published || 'undated', a.outlet || ''].filter(Boolean).join(' · '),
        a.copies ? el('span', { class: 'badge', text: `${a.copies} copies` }) : null),
      snippet(a.snippet)));
    clear(out,
      el('p', { class: 'meta' }, `Results for “${q}”`, ' · ',
        el('a', { href: '#/timeline?about=' + encodeURIComponent(q) }, 'timeline of this search')),
      r.rows.length ? el('ol', { class: 'results', start: (r.offset || 0) + 1 }, items) :
        el('p', { class: 'empty', text: 'No article matches.' }),
      pager(r, (off) => go('/search', { ...Object.fromEntries(p), offset: String(off) })));
  } catch (e) {
    clear(out, errorBox(e));
  }
}

// ---- dyad chart ---------------------------------------------------------------

function monthsBetween(first, last) {
  const out = [];
  let [y, m] = first.split('-').map(Number);
  const [ly, lm] = last.split('-').map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) { m = 1; y++; }
  }
  return out;
}

function niceMax(v) {
  if (v <= 5) return 5;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const f of [1, 2, 5, 10]) if (f * p >= v) return f * p;
  return 10 * p;
}

// The monthly stacked bars of the four quad classes and the mean Goldstein
// line, drawn as SVG; clicking a month calls onMonth("YYYY-MM").
function chart(rows, onMonth) {
  const byPeriod = new Map(rows.map((r) => [r.period, r]));
  const periods = rows.map((r) => r.period).sort();
  const months = monthsBetween(periods[0], periods[periods.length - 1]);
  const W = 960, H = 320, L = 44, R = 44, T = 14, B = 34;
  const pw = W - L - R, ph = H - T - B;
  const maxN = niceMax(Math.max(...rows.map((r) => r.events || 0)));
  const bw = pw / months.length;
  const y = (n) => T + ph - (n / maxN) * ph;
  const gy = (g) => T + ph / 2 - (g / 10) * (ph / 2);
  const s = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img',
    'aria-label': 'Events per month by quad class, with the mean Goldstein value' });
  // axes and grid
  for (let i = 0; i <= 5; i++) {
    const v = (maxN / 5) * i;
    s.append(svg('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), class: 'grid' }),
      svg('text', { x: L - 6, y: y(v) + 4, class: 'tick', 'text-anchor': 'end', text: String(Math.round(v)) }));
  }
  for (const g of [-10, -5, 0, 5, 10]) {
    s.append(svg('text', { x: W - R + 6, y: gy(g) + 4, class: 'tick gold', text: String(g) }));
  }
  s.append(svg('line', { x1: L, x2: W - R, y1: gy(0), y2: gy(0), class: 'zero' }));
  const yearly = months.length > 24;
  months.forEach((m, i) => {
    const [yy, mm] = m.split('-');
    // the first month is labelled with its year unless January is near
    if (yearly ? mm === '01' || (i === 0 && Number(mm) <= 5) : true) {
      if (!yearly && months.length > 12 && i % 3) return;
      s.append(svg('text', { x: L + i * bw + bw / 2, y: H - 12, class: 'tick', 'text-anchor': 'middle',
        text: yearly ? yy : m }));
    }
  });
  // bars, one group per month with a hit area
  months.forEach((m, i) => {
    const r = byPeriod.get(m);
    const g = svg('g', { class: 'month' + (r ? ' has' : ''), 'data-period': m, tabindex: r ? 0 : null,
      role: r ? 'button' : null });
    const x = L + i * bw;
    g.append(svg('rect', { x, y: T, width: bw, height: ph, class: 'hit' }));
    if (r) {
      let base = 0;
      for (const [key, , cls] of QUADS) {
        const n = r[key] || 0;
        if (!n) continue;
        g.append(svg('rect', { x: x + bw * 0.1, width: Math.max(bw * 0.8, 1), y: y(base + n),
          height: y(base) - y(base + n), class: 'seg ' + cls }));
        base += n;
      }
      const label = `${m}: ${r.events} events (` + QUADS.map(([k, name]) => `${name.toLowerCase()} ${r[k] || 0}`).join(', ') +
        `), mean Goldstein ${r.goldstein == null ? '-' : Number(r.goldstein).toFixed(2)}`;
      g.append(svg('title', { text: label }));
      g.setAttribute('aria-label', label);
      g.addEventListener('click', () => onMonth(m, g));
      g.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); onMonth(m, g); } });
    }
    s.append(g);
  });
  // Goldstein line over the months that have events
  const pts = [];
  months.forEach((m, i) => {
    const r = byPeriod.get(m);
    if (r && r.goldstein != null) pts.push([L + i * bw + bw / 2, gy(r.goldstein)]);
  });
  if (pts.length) {
    s.append(svg('polyline', { points: pts.map((p) => p.join(',')).join(' '), class: 'gline' }));
    for (const [px, py] of pts) s.append(svg('circle', { cx: px, cy: py, r: 3, class: 'gdot' }));
  }
  return s;
}

function legend() {
  return el('ul', { class: 'legend' },
    QUADS.map(([, name, cls]) => el('li', null, el('span', { class: 'swatch ' + cls }), name)),
    el('li', null, el('span', { class: 'swatch gline' }), 'Mean Goldstein (right axis, -10 to 10)'));
}

function lastDay(month) {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

async function showMonth(dyad, month, box) {
  clear(box, el('h3', { text: `Events of ${month}` }));
  try {
    const r = await api('events', { dyad, from: month + '-01', to: lastDay(month), limit: 200 });
    box.append(eventList(r));
  } catch (e) {
    box.append(errorBox(e));
  }
}

function eventList(r) {
  if (!r.rows.length) return el('p', { class: 'empty', text: 'No events.' });
  return el('ul', { class: 'events' }, r.rows.map((e) => el('li', { class: 'event q' + (e.quad || 0) },
    el('p', { class: 'meta' }, e.date || 'undated', ' · ', el('b', { text: e.source || '---' }), ' → ',
      el('b', { text: e.target || '---' }), ' · ', `${e.code} ${e.name || ''}`,
      e.goldstein != null ? ` · Goldstein ${Number(e.goldstein).toFixed(1)}` : '',
      e.outlet ? ' · ' + e.outlet : '', ' · ', articleLink(e.article_id, 'article')),
    el('p', { class: 'sentence', text: e.sentence || '' }))));
}

async function showDyad(p) {
  const out = document.getElementById('dyad-out');
  const source = (p.get('source') || '').toUpperCase(), target = (p.get('target') || '').toUpperCase();
  document.getElementById('dyad-source').value = source;
  document.getElementById('dyad-target').value = target;
  document.getElementById('dyad-from').value = p.get('from') || '';
  document.getElementById('dyad-to').value = p.get('to') || '';
  if (!source || !target) {
    clear(out, el('p', { class: 'hint', text: 'Pick a source and a target actor (type a code such as USA or a name such as Pakistan).' }));
    return;
  }
  const dyad = `${source}:${target}`;
  const chartBox = el('div', { class: 'chart-box', id: 'dyad-chart' });
  const monthBox = el('div', { class: 'month-events', id: 'month-events' });
  const tlBox = el('div', { id: 'dyad-timeline' });
  clear(out, el('h2', null, `${source} → ${target}`),
    el('p', { class: 'meta' }, el('a', { href: '#/speakers?actor=' + encodeURIComponent(source + ',' + target) }, 'speakers of this dyad')),
    chartBox, monthBox, el('h2', { text: 'Timeline' }), tlBox);
  try {
    const r = await api('stats', { dyad, by: 'month', from: p.get('from'), to: p.get('to') });
    if (!r.rows.length) {
      clear(chartBox, el('p', { class: 'empty', text: 'No events between these actors.' }));
    } else {
      let sel = null;
      clear(chartBox, chart(r.rows, (m, g) => {
        if (sel) sel.classList.remove('selected');
        sel = g;
        g.classList.add('selected');
        showMonth(dyad, m, monthBox);
      }), legend(), el('p', { class: 'hint', text: 'Click a month to list its events.' }));
    }
  } catch (e) {
    clear(chartBox, errorBox(e));
  }
  timeline(tlBox, { dyad, from: p.get('from'), to: p.get('to') });
}

// ---- timeline -----------------------------------------------------------------

function list(items, fn) {
  return Array.isArray(items) && items.length ? items.map(fn) : [];
}

// One entry per story, in date order.
async function timeline(box, params) {
  clear(box, el('p', { class: 'hint', text: 'Loading the timeline...' }));
  try {
    const r = await api('timeline', { ...params, limit: 100 });
    if (!r.rows.length) { clear(box, el('p', { class: 'empty', text: 'No story.' })); return; }
    clear(box, el('ol', { class: 'timeline' }, r.rows.map(storyItem)),
      pager(r, (off) => timeline(box, { ...params, offset: off })));
  } catch (e) {
    clear(box, errorBox(e));
  }
}

function storyItem(s) {
  const outlets = Array.isArray(s.outlets) ? s.outlets.join(', ') : s.outlets;
  const id = s.lead_id || s.article_id || s.id;
  const title = s.title || s.key_sentence || '(untitled)';
  return el('li', { class: 'story' },
    el('p', { class: 'when', text: s.date || s.first_date || 'undated' }),
    el('div', { class: 'body' },
      el('h3', null, id ? articleLink(id, title) : title),
      el('p', { class: 'meta' }, outlets ? `${outlets}` : '',
        s.articles != null ? ` · ${s.articles} article${s.articles === 1 ? '' : 's'}` : ''),
      s.sentence || s.key_sentence ? el('p', { class: 'sentence', text: s.sentence || s.key_sentence }) : null,
      Array.isArray(s.events) && s.events.length ? el('ul', { class: 'story-events' }, list(s.events, (e) =>
        el('li', { class: 'q' + (e.quad || 0) }, el('b', { text: e.source || '---' }), ' → ',
          el('b', { text: e.target || '---' }), ` ${e.code || ''} ${e.name || ''}`,
          e.goldstein != null ? ` (${Number(e.goldstein).toFixed(1)})` : ''))) : null,
      Array.isArray(s.quotes) && s.quotes.length ? el('ul', { class: 'story-quotes' }, list(s.quotes, (q) =>
        el('li', null, el('q', { text: q.quote || q.text || '' }), ' — ', q.speaker || 'unknown'))) : null));
}

async function showTimeline(p) {
  const out = document.getElementById('timeline-out');
  document.getElementById('timeline-about').value = p.get('about') || '';
  document.getElementById('timeline-dyad').value = p.get('dyad') || '';
  const params = {};
  for (const k of ['dyad', 'actor', 'about', 'q', 'from', 'to']) if (p.get(k)) params[k] = p.get(k);
  if (!Object.keys(params).length) {
    clear(out, el('p', { class: 'hint', text: 'Give a subject (about) or a dyad (USA:PAK), or both.' }));
    return;
  }
  timeline(out, params);
}

// ---- article -----------------------------------------------------------------

// UTF-16 index of each UTF-8 byte offset of s: the database counts bytes.
function byteIndex(s) {
  const map = new Uint32Array(new TextEncoder().encode(s).length + 1);
  let b = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i);
    const n = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    for (let k = 0; k < n; k++) map[b + k] = i;
    b += n;
    if (c >= 0x10000) i++;
  }
  map[b] = s.length;
  return (off) => map[Math.max(0, Math.min(off, b))];
}

// The text as paragraphs with spans [start, end, class, title] (UTF-16
// indexes) highlighted; overlapping spans nest as classes on one piece.
function highlighted(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const sp of spans) { cuts.add(sp[0]); cuts.add(sp[1]); }
  const pts = [...cuts].filter((x) => x >= 0 && x <= text.length).sort((a, b) => a - b);
  const frag = el('div', { class: 'text' });
  let para = el('p');
  frag.append(para);
  for (let i = 0; i + 1 < pts.length; i++) {
    const a = pts[i], b = pts[i + 1];
    const on = spans.filter((sp) => sp[0] <= a && sp[1] >= b && sp[1] > sp[0]);
    const pieces = text.slice(a, b).split(/\n\s*\n/);
    pieces.forEach((piece, k) => {
      if (k > 0) { para = el('p'); frag.append(para); }
      if (!piece) return;
      if (!on.length) { para.append(piece); return; }
      const cls = [...new Set(on.map((sp) => sp[2]))].join(' ');
      const title = on.map((sp) => sp[3]).filter(Boolean).join('\n');
      para.append(el('span', { class: cls, title: title || null, text: piece }));
    });
  }
  return frag;
}

// Sentences of text as [start, end) UTF-16 ranges, cut roughly at . ! ? and
// paragraph breaks: used only to place events when the API gives no
// sentence offsets, checked against the actors' words.
function roughSentences(text) {
  const out = [];
  const re = /[^\n]+/g;
  let m;
  while ((m = re.exec(text))) {
    const para = m[0], base = m.index;
    const cut = /(?<=[.!?]["'”’)]?)\s+(?=["'“‘(]?[A-Z0-9])/g;
    let last = 0, c;
    while ((c = cut.exec(para))) {
      out.push([base + last, base + c.index]);
      last = c.index + c[0].length;
    }
    out.push([base + last, base + para.length]);
  }
  return out;
}

// The range of the sentence of event e: from the API's byte offsets when
// given, else the rough sentence nearest to its index holding its actors'
// words.
function eventSentence(e, text, idx, given, rough) {
  const s = given.get(e.sentence_index);
  if (s && s.start != null) return [idx(s.start), idx(s.start + s.length)];
  let best = null;
  rough.forEach((r, i) => {
    const t = text.slice(r[0], r[1]);
    if ((e.source_text && !t.includes(e.source_text)) || (e.target_text && !t.includes(e.target_text))) return;
    if (!e.source_text && !e.target_text) return;
    const d = Math.abs(i - e.sentence_index);
    if (!best || d < best.d) best = { r, d };
  });
  return best ? best.r : null;
}

// Spans of an article result: event sentences, the actors' words within them,
// quotations.
function articleSpans(a, extra, text) {
  const idx = byteIndex(text);
  const spans = [];
  const sentences = new Map();
  for (const s of list(extra.sentences, (x) => x)) sentences.set(s.idx != null ? s.idx : s.index, s);
  const rough = roughSentences(text);
  for (const e of list(extra.events, (x) => x)) {
    const r = eventSentence(e, text, idx, sentences, rough);
    let from = 0, to = text.length;
    if (r) {
      [from, to] = r;
      spans.push([from, to, 'ev', `${e.source || '---'} → ${e.target || '---'}: ${e.code || ''} ${e.name || ''}`]);
    }
    const sent = text.slice(from, to);
    for (const [words, code] of [[e.source_text, e.source], [e.target_text, e.target]]) {
      if (!words) continue;
      const at = sent.indexOf(words);
      if (at >= 0) spans.push([from + at, from + at + words.length, 'actor', code || '']);
    }
  }
  for (const q of list(extra.quotes, (x) => x)) {
    if (q.byte_start != null) {
      spans.push([idx(q.byte_start), idx(q.byte_start + q.byte_length), 'quote',
        `${q.speaker || q.speaker_text || 'unknown'}${q.speaker_role ? ', ' + q.speaker_role : ''}`]);
    } else if (q.quote) {
      const at = text.indexOf(q.quote);
      if (at >= 0) spans.push([at, at + q.quote.length, 'quote', q.speaker || '']);
    }
  }
  return spans;
}

async function showArticle(id) {
  const out = document.getElementById('article-out');
  clear(out, el('p', { class: 'hint', text: 'Loading...' }));
  let r;
  try {
    r = await api('articles/' + encodeURIComponent(id));
  } catch (e) {
    clear(out, errorBox(e));
    return;
  }
  const a = r.rows[0];
  const extra = { ...r, ...a };
  const text = a.text || '';
  const meta = el('dl', { class: 'metadata' });
  const add = (k, v) => { if (v != null && v !== '') meta.append(el('dt', { text: k }), el('dd', null, v)); };
  add('Outlet', a.outlet);
  const how = [a.date_source && 'from ' + a.date_source,
    a.date_confidence != null && 'confidence ' + Number(a.date_confidence).toFixed(2)].filter(Boolean).join(', ');
  add('Published', a.published ? a.published + (how ? ` (${how})` : '') : 'unknown');
  add('Byline', a.byline);
  add('Dateline', a.dateline);
  add('Language', a.lang);
  if (a.url) add('URL', outsideLink(a.url));
  add('Id', a.id);
  if (a.copy_of) add('Copy of', articleLink(a.copy_of));
  if (a.story != null) add('Story', String(a.story));
  const ev = list(extra.events, (x) => x), qs = list(extra.quotes, (x) => x);
  const dupBox = el('dd', { id: 'article-dups' });
  meta.append(el('dt', { text: 'Copies' }), dupBox);
  clear(out,
    el('article', { class: 'article' },
      el('h2', { id: 'article-title', text: a.title || '(no headline)' }),
      meta,
      el('ul', { class: 'legend' },
        el('li', null, el('span', { class: 'swatch ev' }), `event sentences (${ev.length} events)`),
        el('li', null, el('span', { class: 'swatch actor' }), 'actors'),
        el('li', null, el('span', { class: 'swatch quote' }), `quotations (${qs.length})`)),
      highlighted(text, articleSpans(a, extra, text))),
    ev.length ? el('section', null, el('h3', { text: 'Events' }), table({ rows: ev, columns: ['sentence_index', 'source', 'target', 'code', 'name', 'goldstein', 'negated'].filter((c) => c in ev[0]) })) : null,
    qs.length ? el('section', null, el('h3', { text: 'Quotations' }), table({ rows: qs, columns: Object.keys(qs[0]).filter((c) => !/start|length|^end$/.test(c)) })) : null);
  try {
    const d = await api('dups', { id: a.id, limit: 50 });
    clear(dupBox, d.rows.length ? d.rows.map((c) => {
      const other = c.copy_id === a.id ? c.original_id : c.copy_id;
      return el('div', null, articleLink(other, `${c.copy_outlet === a.outlet ? c.original_outlet : c.copy_outlet || c.original_outlet || other}`),
        ` (${c.copy_id === a.id ? 'original' : 'copy'}, similarity ${fmt(c.similarity)})`);
    }) : 'none');
  } catch (e) {
    clear(dupBox, 'unknown (' + e.message + ')');
  }
}

// ---- speakers ------------------------------------------------------------------

async function showSpeakers(p) {
  const out = document.getElementById('speakers-out');
  const actor = p.get('actor') || '', speaker = p.get('speaker') || '';
  document.getElementById('speakers-actor').value = actor;
  document.getElementById('speakers-speaker').value = speaker;
  if (!actor && !speaker) {
    clear(out, el('p', { class: 'hint', text: 'Give actor codes (USA,PAK) to see who speaks for them, or a speaker\'s name.' }));
    return;
  }
  try {
    const r = await api('quotes', { actor, speaker, limit: 1000 });
    const by = new Map();
    for (const q of r.rows) {
      const k = q.speaker || '(unknown speaker)';
      if (!by.has(k)) by.set(k, { name: k, role: q.role, actor: q.actor, quotes: [] });
      by.get(k).quotes.push(q);
    }
    const people = [...by.values()].sort((a, b) => b.quotes.length - a.quotes.length);
    const detail = el('div', { id: 'speaker-quotes' });
    const showOne = (s) => clear(detail, el('h3', { text: s.name }),
      el('ul', { class: 'quotes' }, s.quotes.map((q) => el('li', null,
        el('blockquote', { text: q.quote || '' }),
        el('p', { class: 'meta' }, [q.date || 'undated', q.outlet, q.verb].filter(Boolean).join(' · '), ' · ',
          articleLink(q.article_id, 'article'))))));
    clear(out,
      el('p', { class: 'meta', text: `${r.rows.length}${r.more ? '+' : ''} quotations by ${people.length} speakers` }),
      people.length ? el('div', { class: 'scroll' }, el('table', { class: 'rows' },
        el('thead', null, el('tr', null, ['speaker', 'role', 'actor', 'quotations'].map((c) => el('th', { scope: 'col', text: c })))),
        el('tbody', null, people.map((s) => el('tr', null,
          el('td', null, el('button', { type: 'button', class: 'link', onclick: () => showOne(s) }, s.name)),
          el('td', { text: s.role || '' }), el('td', { text: s.actor || '' }),
          el('td', { class: 'num', text: String(s.quotes.length) })))))) : el('p', { class: 'empty', text: 'No quotation.' }),
      detail);
    if (people.length) showOne(people[0]);
  } catch (e) {
    clear(out, errorBox(e));
  }
}

// ---- routing -------------------------------------------------------------------

function route() {
  const { path, params } = hashParams();
  const parts = path.split('/').filter(Boolean);
  const view = parts[0] || 'search';
  const known = ['search', 'dyad', 'timeline', 'article', 'speakers'];
  const v = known.includes(view) ? view : 'search';
  for (const k of known) document.getElementById('view-' + k).hidden = k !== v;
  document.querySelectorAll('[data-nav]').forEach((a) => a.classList.toggle('current', a.dataset.nav === v));
  status('');
  if (v === 'search') showSearch(params);
  else if (v === 'dyad') showDyad(params);
  else if (v === 'timeline') showTimeline(params);
  else if (v === 'article') showArticle(decodeURIComponent(parts[1] || ''));
  else if (v === 'speakers') showSpeakers(params);
  window.scrollTo(0, 0);
}

function formParams(form) {
  const o = {};
  for (const [k, v] of new FormData(form)) if (String(v).trim()) o[k] = String(v).trim();
  return o;
}

function init() {
  document.getElementById('search-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    go('/search', formParams(ev.target));
  });
  document.getElementById('dyad-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const o = formParams(ev.target);
    if (o.source) o.source = o.source.toUpperCase();
    if (o.target) o.target = o.target.toUpperCase();
    go('/dyad', o);
  });
  document.getElementById('dyad-swap').addEventListener('click', () => {
    const s = document.getElementById('dyad-source'), t = document.getElementById('dyad-target');
    [s.value, t.value] = [t.value, s.value];
  });
  document.getElementById('timeline-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    go('/timeline', formParams(ev.target));
  });
  document.getElementById('speakers-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    go('/speakers', formParams(ev.target));
  });
  picker(document.getElementById('dyad-source'), document.getElementById('dyad-source-list'));
  picker(document.getElementById('dyad-target'), document.getElementById('dyad-target-list'));
  window.addEventListener('hashchange', route);
  route();
}

document.addEventListener('DOMContentLoaded', init);
