// The site's search worker: Material's own (named in ?asli=, loaded below), with two changes to
// how results are ranked, so that search answers as people type.
//
// 1. A word typed whole counts above a word it begins. Material searches every query word as a
//    prefix, and lunr weighs a rare word above a common one, so "kpu bali" found Balikpapan (a
//    rare word that begins with "bali") above the province of Bali (whose name every Bali page
//    repeats). Each plain word of the query is searched once more as itself, weighted EXACT.
// 2. A page that holds none of the query's specific words comes after every page that holds one:
//    for "komisi pemilihan umum jayapura", the province page that lists Jayapura before Biro
//    Umum. Generic words ("KPU", "Sekretariat", "Umum", "dan") are listed by the build in the
//    index's config. Otherwise Material's order stands: counting how many specific words a page
//    holds would lift the pages that list every unit (the index, the overview) above the unit.
// 3. A word no page holds is read as a slip of the keyboard: the query is searched once more,
//    that word allowed one edit away (two from eight letters on) and weighted as a word typed
//    whole, so "sekretariat jendral", "sekertariat" and "balikpapn" find what was meant, and
//    "biro logisitk" finds Biro Logistik before the other biro. Only such words: a correct word
//    is never widened, so "bandung" never finds Badung.
// 4. A result does not say it lacks a generic word ("Tidak ada: kpu" under a page that is all
//    about a KPU), nor a word it was found by one edit away.
//
// Material's worker takes the query in a message of type QUERY and answers with one of type
// RESULT: both are read here before Material sees them. Nothing is fetched from elsewhere.
"use strict";

var QUERY = 2; // Material's message types (mkdocs-material 9, pinned in requirements.lock)
var RESULT = 3;
var SETUP = 0;
var EXACT = 4;
// The shortest word read as a slip (shorter ones are too close to other words), and the length
// from which two edits are allowed.
var SLIP_MIN = 4;
var SLIP_TWO = 8;
// Query syntax (quotes, +required, -excluded, wildcards, fields, boosts): left to Material.
var SYNTAX = /["*~^:]|^[+-]/;

var separator = /\s+/;
var generic = new Set();
// Per query asked, in order: its plain words, the query as sent, and, for the second search of
// a query, the words it allowed to be slips (null for the first search).
var asked = [];

function plainWords(query) {
  if (query.indexOf('"') !== -1) return [];
  var found = [];
  query.trim().split(/\s+/).forEach(function (token) {
    if (!token || SYNTAX.test(token)) return;
    token.split(separator).forEach(function (word) {
      if (word) found.push(word.toLowerCase());
    });
  });
  return found;
}

function withExactWords(query) {
  var exact = plainWords(query).map(function (word) { return word + "^" + EXACT; });
  return exact.length ? query + " " + exact.join(" ") : query;
}

// Whether a page holds one of ``words`` in any of its entries (Material marks each query word
// an entry holds, whole or as the beginning of a word, in its ``terms``).
function holdsOne(group, words) {
  return group.some(function (entry) {
    var terms = entry.terms || {};
    return words.some(function (word) { return terms[word] === true; });
  });
}

// The specific words of the query that no result holds and that look like words (no digits).
function slips(items, words) {
  return words.filter(function (word) {
    return !generic.has(word) && word.length >= SLIP_MIN && !/\d/.test(word) &&
      !items.some(function (group) { return holdsOne(group, [word]); });
  });
}

function withSlipsAllowed(query, words) {
  return query + " " + words.map(function (word) {
    return word + "~" + (word.length >= SLIP_TWO ? 2 : 1) + "^" + EXACT;
  }).join(" ");
}

// Material lists a word a result lacks under it (``terms[word] === false``).
function unlisted(items, words) {
  items.forEach(function (group) {
    group.forEach(function (entry) {
      var terms = entry.terms || {};
      Object.keys(terms).forEach(function (word) {
        if (terms[word] === false && (generic.has(word) || words.indexOf(word) !== -1)) {
          delete terms[word];
        }
      });
    });
  });
  return items;
}

function specificFirst(items, words) {
  var specific = words.filter(function (word) { return !generic.has(word); });
  if (!specific.length) return items;
  var holding = items.filter(function (group) { return holdsOne(group, specific); });
  return holding.concat(items.filter(function (group) { return !holdsOne(group, specific); }));
}

self.addEventListener("message", function (event) {
  var message = event.data;
  if (!message) return;
  if (message.type === SETUP && message.data && message.data.config) {
    var config = message.data.config;
    if (config.separator) separator = new RegExp(config.separator);
    generic = new Set(config.umum || []);
  } else if (message.type === QUERY && typeof message.data === "string" && !message.ulang) {
    var words = plainWords(message.data);
    message.data = withExactWords(message.data);
    asked.push({ words: words, query: message.data, slipped: null });
  }
});

var post = self.postMessage.bind(self);
self.postMessage = function (message) {
  if (message && message.type === RESULT && message.data && message.data.items) {
    // Material answers queries one at a time, in the order asked.
    var query = asked.shift() || { words: [], query: "", slipped: [] };
    var missed = query.slipped ? [] : slips(message.data.items, query.words);
    if (missed.length) {
      // Searched again at once, and that answer posted instead of this one: Material answers it
      // before it reads the next message, so the order of answers stays the order asked.
      asked.unshift({ words: query.words, query: query.query, slipped: missed });
      self.dispatchEvent(new MessageEvent("message", {
        data: { type: QUERY, data: withSlipsAllowed(query.query, missed), ulang: true },
      }));
      return;
    }
    message.data.items = unlisted(
      specificFirst(message.data.items, query.words), query.slipped || []);
  }
  post.apply(self, arguments);
};

var original = new URL(self.location.href).searchParams.get("asli") || "";
if (!/^search\.[0-9a-f]+\.min\.js$/.test(original)) {
  throw new Error("cari.js: ?asli= must name Material's search worker, not " + original);
}
importScripts(original);
