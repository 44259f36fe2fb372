// Ink's Output.get() builds every frame as a grid: a cell object per column of every row (80 × the
// height, blank or not), each row's text turned into cells (ansi-tokenize) and back into a string.
// For <Static> output that is every row of every finished paragraph; for the live region, the same
// unchanged rows (status bar, prompt, the lines above the newest) frame after frame. Here rows stay
// lazy: a row no write reaches is '' at once; a row one write reaches is its line behind x spaces —
// printable ASCII directly, anything else through the original cells (remembered across frames,
// bounded); only a row two writes reach (overlaps, borders, side-by-side boxes) gets its cells as
// before. The frame's text is unchanged: test/build/inkOutput.test.ts compares it with the
// original's on random writes, clips, styles, wide characters and transformers.

/** Rows remembered across frames (styled single-write rows): past this, the memo starts afresh. */
const MAX_ROWS = 2000;

const HELPERS = `
// A row no write reached (scripts/inkOutput.mjs).
const EMPTY_ROW = { empty: true };
const PRINTABLE_ASCII = /^[\\x20-\\x7e]*$/;
let rowMemo = new Map();
`;

const METHODS = `    /** The original's cells for one row: blanks, then \`line\` written at \`x\`. */
    cellsOf(x, line) {
        const row = [];
        for (let col = 0; col < this.width; col++) {
            row.push({ type: 'char', value: ' ', fullWidth: false, styles: [] });
        }
        this.writeChars(row, x, line);
        return row;
    }
    /** The original's text of a row that one write reached (a line at x). */
    rowOf(x, line) {
        const plain = Number.isInteger(x) && x >= 0 && x <= this.width;
        if (plain && PRINTABLE_ASCII.test(line)) {
            return (' '.repeat(x) + line).trimEnd();
        }
        const key = plain ? this.width + ',' + x + ',' + line : undefined;
        const known = key === undefined ? undefined : rowMemo.get(key);
        if (known !== undefined) return known;
        const text = styledCharsToString(this.cellsOf(x, line).filter(item => item !== undefined)).trimEnd();
        if (key !== undefined) {
            if (rowMemo.size >= ${MAX_ROWS}) rowMemo = new Map();
            rowMemo.set(key, text);
        }
        return text;
    }
    writeChars(currentLine, x, line) {
                    const characters = this.caches.getStyledChars(line);
                    let offsetX = x;`;

export const INK_OUTPUT_PATCH = {
  pkg: 'ink',
  file: 'build/output.js',
  versions: /^6\./,
  upstream: 'a speed patch, not upstream; re-measure with Ink 7/8 (Node >= 22)',
  steps: [
    { find: 'class OutputCaches {', replace: `${HELPERS}class OutputCaches {` },
    {
      find: `        const output = [];
        for (let y = 0; y < this.height; y++) {
            const row = [];
            for (let x = 0; x < this.width; x++) {
                row.push({
                    type: 'char',
                    value: ' ',
                    fullWidth: false,
                    styles: [],
                });
            }
            output.push(row);
        }`,
      replace: '        const output = new Array(this.height).fill(EMPTY_ROW);',
    },
    {
      find: `                    const characters = this.caches.getStyledChars(line);
                    let offsetX = x;`,
      replace: `                    if (currentLine === EMPTY_ROW) {
                        output[y + offsetY] = { x, line };
                    }
                    else if (Array.isArray(currentLine)) {
                        this.writeChars(currentLine, x, line);
                    }
                    else {
                        const cells = this.cellsOf(currentLine.x, currentLine.line);
                        this.writeChars(cells, x, line);
                        output[y + offsetY] = cells;
                    }
                    offsetY++;
                }
            }
        }
        const generatedOutput = output
            .map(line => {
            if (line === EMPTY_ROW) return '';
            if (!Array.isArray(line)) return this.rowOf(line.x, line.line);
            const lineWithoutEmptyItems = line.filter(item => item !== undefined);
            return styledCharsToString(lineWithoutEmptyItems).trimEnd();
        })
            .join('\\n');
        return {
            output: generatedOutput,
            height: output.length,
        };
    }
${METHODS}`,
    },
    {
      // What followed the character loop in get() now ends writeChars.
      find: `                        offsetX += characterWidth;
                    }
                    offsetY++;
                }
            }
        }
        const generatedOutput = output
            .map(line => {
            // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742
            const lineWithoutEmptyItems = line.filter(item => item !== undefined);
            return styledCharsToString(lineWithoutEmptyItems).trimEnd();
        })
            .join('\\n');
        return {
            output: generatedOutput,
            height: output.length,
        };
    }`,
      replace: `                        offsetX += characterWidth;
                    }
    }`,
    },
  ],
};
