// A small VT100/xterm screen model, enough to read what an Ink app leaves on an 80x24 terminal:
// printable text with deferred wrap at the last column, CR/LF/BS/TAB, scrolling into a scrollback,
// cursor movement (CSI A B C D E F G H f d), erase (CSI J K), save/restore cursor. Colours, modes
// and OSC strings are parsed and ignored. Every code point is one column wide (the bench's text is
// ASCII plus a few one-column symbols).
export class Screen {
  constructor(cols, rows) {
    this.cols = cols;
    this.rows = rows;
    this.lines = Array.from({ length: rows }, () => this.blank());
    this.scrollback = [];
    this.x = 0;
    this.y = 0;
    this.pending = false;
    this.state = 'ground';
    this.params = '';
    this.saved = { x: 0, y: 0 };
    this.clears = 0; // CSI 2J / 3J seen
  }

  blank() {
    return new Array(this.cols).fill(' ');
  }

  write(text) {
    for (const ch of text) this.feed(ch);
  }

  feed(ch) {
    switch (this.state) {
      case 'esc':
        return this.escape(ch);
      case 'csi': {
        const c = ch.codePointAt(0);
        if (c >= 0x40 && c <= 0x7e) {
          this.state = 'ground';
          return this.csi(this.params, ch);
        }
        this.params += ch;
        return;
      }
      case 'osc':
        if (ch === '\x07') this.state = 'ground';
        else if (ch === '\x1b') this.state = 'oscEsc';
        return;
      case 'oscEsc':
        this.state = ch === '\\' ? 'ground' : 'osc';
        return;
      case 'charset':
        this.state = 'ground';
        return;
      default:
        break;
    }
    if (ch === '\x1b') {
      this.state = 'esc';
      return;
    }
    const c = ch.codePointAt(0);
    if (c < 0x20 || c === 0x7f) return this.control(ch);
    if (c >= 0x80 && c < 0xa0) return;
    this.print(ch);
  }

  control(ch) {
    switch (ch) {
      case '\r':
        this.x = 0;
        this.pending = false;
        return;
      case '\n':
      case '\v':
      case '\f':
        this.pending = false;
        return this.lineFeed();
      case '\b':
        this.pending = false;
        this.x = Math.max(0, this.x - 1);
        return;
      case '\t':
        this.x = Math.min(this.cols - 1, (Math.floor(this.x / 8) + 1) * 8);
        return;
      default:
        return; // BEL and the rest
    }
  }

  escape(ch) {
    this.state = 'ground';
    switch (ch) {
      case '[':
        this.state = 'csi';
        this.params = '';
        return;
      case ']':
        this.state = 'osc';
        return;
      case '(':
      case ')':
        this.state = 'charset';
        return;
      case '7':
        this.saved = { x: this.x, y: this.y };
        return;
      case '8':
        this.x = this.saved.x;
        this.y = this.saved.y;
        this.pending = false;
        return;
      case 'D':
        return this.lineFeed();
      case 'E':
        this.x = 0;
        return this.lineFeed();
      case 'M':
        if (this.y > 0) this.y -= 1;
        else {
          this.lines.pop();
          this.lines.unshift(this.blank());
        }
        return;
      case 'c':
        this.lines = Array.from({ length: this.rows }, () => this.blank());
        this.x = this.y = 0;
        return;
      default:
        return;
    }
  }

  print(ch) {
    if (this.pending) {
      this.pending = false;
      this.x = 0;
      this.lineFeed();
    }
    this.lines[this.y][this.x] = ch;
    if (this.x === this.cols - 1) this.pending = true;
    else this.x += 1;
  }

  lineFeed() {
    if (this.y < this.rows - 1) {
      this.y += 1;
      return;
    }
    this.scrollback.push(this.lines.shift().join('').trimEnd());
    this.lines.push(this.blank());
  }

  csi(raw, final) {
    this.pending = false;
    if (/^[?>=<!]/.test(raw)) return; // private modes (cursor show/hide, sync output, …)
    const ps = raw.replace(/[^0-9;]/g, '').split(';').map((p) => (p === '' ? undefined : Number(p)));
    const n = ps[0] ?? 1;
    const clampY = (y) => Math.max(0, Math.min(this.rows - 1, y));
    const clampX = (x) => Math.max(0, Math.min(this.cols - 1, x));
    switch (final) {
      case 'A':
        this.y = clampY(this.y - n);
        return;
      case 'B':
        this.y = clampY(this.y + n);
        return;
      case 'C':
        this.x = clampX(this.x + n);
        return;
      case 'D':
        this.x = clampX(this.x - n);
        return;
      case 'E':
        this.y = clampY(this.y + n);
        this.x = 0;
        return;
      case 'F':
        this.y = clampY(this.y - n);
        this.x = 0;
        return;
      case 'G':
        this.x = clampX(n - 1);
        return;
      case 'd':
        this.y = clampY(n - 1);
        return;
      case 'H':
      case 'f':
        this.y = clampY((ps[0] ?? 1) - 1);
        this.x = clampX((ps[1] ?? 1) - 1);
        return;
      case 'J':
        return this.eraseDisplay(ps[0] ?? 0);
      case 'K':
        return this.eraseLine(ps[0] ?? 0);
      default:
        return; // SGR and everything else
    }
  }

  eraseLine(mode) {
    const line = this.lines[this.y];
    const [from, to] = mode === 0 ? [this.x, this.cols] : mode === 1 ? [0, this.x + 1] : [0, this.cols];
    for (let i = from; i < to; i++) line[i] = ' ';
  }

  eraseDisplay(mode) {
    if (mode === 2 || mode === 3) this.clears += 1;
    if (mode === 3) {
      this.scrollback = [];
      return;
    }
    if (mode === 2) {
      this.lines = Array.from({ length: this.rows }, () => this.blank());
      return;
    }
    this.eraseLine(mode);
    const rows = mode === 0 ? [this.y + 1, this.rows] : [0, this.y];
    for (let y = rows[0]; y < rows[1]; y++) this.lines[y] = this.blank();
  }

  /** The visible rows as text (trailing spaces trimmed). */
  text() {
    return this.lines.map((l) => l.join('').trimEnd());
  }

  /** Scrollback and screen, top to bottom. */
  all() {
    return [...this.scrollback, ...this.text()];
  }
}
