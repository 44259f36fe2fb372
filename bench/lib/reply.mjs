// Deterministic model replies for the bench: markdown prose (paragraphs, a few bullet lists, short
// code blocks, inline **bold** and `code`) like a long answer from a model, in ASCII.
//
// The server streams a reply as deltas of `chunkSize` characters; the bench calls each delta a
// token. Marker words (`zq` + token index) are placed at chosen token positions so that a row can
// tell from the terminal output when a given token reached the screen.

const WORDS = (
  'the a of to and in that it is for on with as by this be are from at or an which can not more ' +
  'when data each value time request stream reply model token screen render frame buffer layout ' +
  'terminal output input process memory cost state change event update client server proxy cache ' +
  'through before after while every other first last small large simple clear careful fast slow ' +
  'should would could might must will often never always usually rather quite very also only just ' +
  'system design detail result example problem question answer message context history session'
).split(' ');

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeWriter(seed) {
  const r = rng(seed);
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const word = () => WORDS[int(0, WORDS.length - 1)];
  const sentence = () => {
    const n = int(7, 18);
    const ws = [];
    for (let i = 0; i < n; i++) {
      let w = word();
      const s = r();
      if (s < 0.03) w = `**${w}**`;
      else if (s < 0.06) w = `\`${w}()\``;
      ws.push(w);
    }
    ws[0] = ws[0].replace(/^[a-z]/, (c) => c.toUpperCase());
    return `${ws.join(' ')}${r() < 0.1 ? ',' : '.'}`.replace(/,$/, '.');
  };
  const paragraph = () => Array.from({ length: int(3, 6) }, sentence).join(' ');
  const list = () => Array.from({ length: int(3, 5) }, () => `- ${sentence()}`).join('\n');
  const code = () => {
    const lines = ['```js'];
    for (let i = 0, n = int(4, 8); i < n; i++) lines.push(`${'  '.repeat(int(0, 2))}const ${word()}_${i} = ${word()}(${int(0, 99)});`);
    lines.push('```');
    return lines.join('\n');
  };
  let n = 0;
  return () => {
    n += 1;
    if (n % 11 === 0) return code();
    if (n % 7 === 0) return list();
    return paragraph();
  };
}

/**
 * A reply of about `tokens` deltas of `chunkSize` characters, with marker words that complete at
 * (about) the given token indexes. Returns the text and, for every marker, its word and the index
 * of the delta that completes it.
 */
export function longReply({ tokens = 20_000, chunkSize = 4, markersAt = [], seed = 7, closing = 'That is the whole answer' } = {}) {
  const next = makeWriter(seed);
  const target = tokens * chunkSize;
  const blocks = [];
  let length = 0;
  const pending = [...markersAt].sort((a, b) => a - b);
  const markers = [];
  const ending = `${closing}.`;
  while (length + ending.length + 2 < target - 40) {
    let block = next();
    // A marker word goes in at the first word boundary at or after its position (in prose, so a
    // code block that crosses the position passes it on to the next paragraph).
    const sep = blocks.length ? 2 : 0;
    while (!block.startsWith('```') && pending.length && pending[0] * chunkSize <= length + sep + block.length) {
      const at = pending.shift();
      const wordText = `zq${at}`;
      const want = Math.max(0, at * chunkSize - length - sep);
      let cut = want === 0 ? 0 : block.indexOf(' ', want);
      if (cut < 0) cut = block.length;
      block = cut === 0 ? `${wordText} ${block}` : `${block.slice(0, cut)} ${wordText}${block.slice(cut)}`;
      markers.push({ word: wordText, charEnd: length + sep + (cut === 0 ? 0 : cut + 1) + wordText.length });
    }
    length += (blocks.length ? 2 : 0) + block.length;
    blocks.push(block);
  }
  // The final marker is the reply's last word.
  const lastWord = `zq${tokens}`;
  blocks.push(`${ending} ${lastWord}`);
  const text = blocks.join('\n\n');
  markers.push({ word: lastWord, charEnd: text.length });
  for (const m of markers) m.token = Math.ceil(m.charEnd / chunkSize) - 1;
  return { text, markers, tokens: Math.ceil(text.length / chunkSize) };
}

/** A ~`bytes`-long reply that ends with a unique word, for building a long conversation. */
export function shortReply(i, bytes = 2000) {
  const next = makeWriter(1000 + i);
  const end = `endmark${i}`;
  const parts = [];
  let length = 0;
  while (length < bytes - 80) {
    const p = next();
    parts.push(p);
    length += p.length + 2;
  }
  let text = parts.join('\n\n');
  if (text.length > bytes - end.length - 2) text = text.slice(0, bytes - end.length - 2).replace(/\s+\S*$/, '');
  // A cut can leave a code fence open; close it so the next paragraph is prose.
  if ((text.match(/```/g) ?? []).length % 2) text += '\n```';
  return { text: `${text}\n\n${end}`, end };
}
