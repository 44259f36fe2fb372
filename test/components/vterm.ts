// A small terminal screen model for tests that need what a real terminal would show: Ink's
// non-debug output (live region redrawn with erase/cursor moves, <Static> printed once), clears,
// and the caret position set with useCursor. Handles the escapes Ink and ansi-escapes emit.
import { EventEmitter } from 'node:events';
import stringWidth from 'string-width';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** A row of cells; `wrapped`: it continues the row above (the text ran past the last column). */
type Row = string[] & { wrapped?: boolean };
type Mark = { row: number; col: number };

export class VirtualTerminal extends EventEmitter {
  /** Rows of cells; a wide character's second cell is ''. Scrollback first, viewport last. */
  private lines: string[][] = [[]];
  private row = 0;
  private col = 0;
  cursorVisible = true;
  readonly isTTY = true;
  /** Everything written, for debugging. */
  readonly log: string[] = [];

  constructor(
    public columns = 80,
    public rows = 24,
  ) {
    super();
  }

  private get viewTop(): number {
    return Math.max(0, this.lines.length - this.rows);
  }

  /** The cursor saved with DECSC (ESC 7), put back by DECRC (ESC 8). */
  private saved: Mark | undefined;

  /** Like a real terminal (xterm.js, VTE, tmux), a width change reflows the text and both cursors. */
  resize(columns: number, rows: number): void {
    if (columns !== this.columns) this.reflow(columns);
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }

  private reflow(columns: number): void {
    const marks: Mark[] = [{ row: this.row, col: this.col }, ...(this.saved ? [this.saved] : [])];
    const logical: { cells: string[]; at: Map<number, number> }[] = [];
    this.lines.forEach((row: Row, r) => {
      if (!row.wrapped || !logical.length) logical.push({ cells: [], at: new Map() });
      const l = logical[logical.length - 1]!;
      marks.forEach((m, i) => m.row === r && l.at.set(i, l.cells.length + m.col));
      l.cells.push(...row);
    });
    const lines: Row[] = [];
    const placed: Mark[] = marks.map(() => ({ row: 0, col: 0 }));
    for (const l of logical) {
      let end = l.cells.length;
      const keep = Math.max(0, ...l.at.values());
      while (end > keep && (l.cells[end - 1] ?? ' ') === ' ') end--;
      let row: Row = [];
      lines.push(row);
      let col = 0;
      const place = (k: number) => l.at.forEach((at, i) => at === k && (placed[i] = { row: lines.length - 1, col }));
      for (let k = 0; k < Math.max(end, keep); k++) {
        place(k);
        const cell = k < end ? (l.cells[k] ?? ' ') : ' ';
        if (cell === '') continue; // the second cell of a wide character moves with it
        const w = Math.max(1, stringWidth(cell));
        if (col + w > columns) {
          row = Object.assign([] as string[], { wrapped: true });
          lines.push(row);
          col = 0;
          place(k);
        }
        if (k < end) {
          row[col] = cell;
          if (w === 2) row[col + 1] = '';
        }
        col += w;
      }
      place(Math.max(end, keep));
    }
    this.lines = lines.length ? lines : [[]];
    this.row = placed[0]!.row;
    this.col = Math.min(placed[0]!.col, columns - 1);
    if (this.saved) this.saved = placed[1];
  }

  write = (data: string): boolean => {
    this.log.push(data);
    let i = 0;
    while (i < data.length) {
      const ch = data[i] ?? '';
      if (ch === '\x1b') {
        i = this.escape(data, i);
      } else if (ch === '\n') {
        this.lineFeed();
        this.col = 0;
        i++;
      } else if (ch === '\r') {
        this.col = 0;
        i++;
      } else {
        let end = data.slice(i).search(/[\x1b\n\r]/);
        end = end === -1 ? data.length : i + end;
        this.text(data.slice(i, end));
        i = end;
      }
    }
    return true;
  };

  private lineFeed(): void {
    this.row++;
    while (this.lines.length <= this.row) this.lines.push([]);
  }

  private line(): string[] {
    while (this.lines.length <= this.row) this.lines.push([]);
    return this.lines[this.row] as string[];
  }

  private text(s: string): void {
    for (const { segment } of segmenter.segment(s)) {
      if (segment < ' ') continue;
      const w = stringWidth(segment);
      if (w === 0) continue;
      if (this.col + w > this.columns) {
        this.lineFeed();
        this.col = 0;
        (this.line() as Row).wrapped = true;
      }
      const line = this.line();
      while (line.length < this.col) line.push(' ');
      line[this.col] = segment;
      if (w === 2) line[this.col + 1] = '';
      this.col += w;
    }
  }

  private escape(data: string, i: number): number {
    const next = data[i + 1];
    if (next === '[') {
      const m = /^\x1b\[([?]?)([0-9;:]*)([ -/]*)([@-~])/.exec(data.slice(i));
      if (!m) return i + 2;
      this.csi(m[1] ?? '', (m[2] ?? '').split(';').map((n) => (n === '' ? undefined : Number(n))), m[4] ?? '');
      return i + m[0].length;
    }
    if (next === ']') {
      const end = data.slice(i).search(/\x07|\x1b\\/);
      return end === -1 ? data.length : i + end + (data[i + end] === '\x07' ? 1 : 2);
    }
    if (next === 'c') {
      this.lines = [[]];
      this.row = 0;
      this.col = 0;
      return i + 2;
    }
    if (next === '7') {
      this.saved = { row: this.row, col: this.col };
      return i + 2;
    }
    if (next === '8') {
      if (this.saved) ({ row: this.row, col: this.col } = this.saved);
      return i + 2;
    }
    if (next === 'E') {
      this.lineFeed();
      this.col = 0;
      return i + 2;
    }
    return i + 2;
  }

  private csi(priv: string, params: (number | undefined)[], final: string): void {
    const n = params[0] ?? 1;
    if (priv === '?') {
      if (params[0] === 25) this.cursorVisible = final === 'h';
      return;
    }
    switch (final) {
      case 'A':
        this.row = Math.max(this.viewTop, this.row - n);
        break;
      case 'B':
        this.row = Math.min(this.lines.length - 1, this.row + n);
        break;
      case 'C':
        this.col = Math.min(this.columns - 1, this.col + n);
        break;
      case 'D':
        this.col = Math.max(0, this.col - n);
        break;
      case 'G':
        this.col = Math.max(0, n - 1);
        break;
      case 'H':
      case 'f':
        this.row = this.viewTop + Math.max(0, (params[0] ?? 1) - 1);
        this.col = Math.max(0, (params[1] ?? 1) - 1);
        while (this.lines.length <= this.row) this.lines.push([]);
        break;
      case 'K': {
        const line: Row = this.line();
        const mode = params[0] ?? 0;
        if (mode === 2 || (mode === 0 && this.col === 0)) line.wrapped = false; // an erased row continues nothing
        if (mode === 2) line.length = 0;
        else if (mode === 0) line.length = Math.min(line.length, this.col);
        else for (let c = 0; c <= this.col && c < line.length; c++) line[c] = ' ';
        break;
      }
      case 'J': {
        const mode = params[0] ?? 0;
        if (mode === 3) {
          const top = this.viewTop;
          this.lines = this.lines.slice(top);
          this.row -= top;
        } else if (mode === 2) {
          for (let r = this.viewTop; r < this.lines.length; r++) this.lines[r] = [];
        } else if (mode === 0) {
          this.line().length = this.col;
          for (let r = this.row + 1; r < this.lines.length; r++) this.lines[r] = [];
        }
        break;
      }
      default:
        break;
    }
  }

  private render(from: number): string[] {
    const out = this.lines.slice(from).map((cells) => cells.join('').replace(/\s+$/, ''));
    while (out.length > 0 && out[out.length - 1] === '') out.pop();
    return out;
  }

  /** Scrollback and screen, as plain text. */
  screen(): string {
    return this.render(0).join('\n');
  }

  /** Only the visible rows. */
  viewport(): string {
    return this.render(this.viewTop).join('\n');
  }

  /** Caret position within the viewport. */
  cursor(): { row: number; col: number; visible: boolean } {
    return { row: this.row - this.viewTop, col: this.col, visible: this.cursorVisible };
  }

  /** The text of viewport row `r`. */
  rowText(r: number): string {
    return (this.lines[this.viewTop + r] ?? []).join('').replace(/\s+$/, '');
  }
}
