/**
 * Delimited text (CSV, TSV) as RFC 4180 reads it: fields separated by `delimiter`, rows by CRLF or LF; a field
 * that starts with a double quote runs to the closing quote, with "" for a quote inside (so it may hold
 * delimiters and line breaks). A leading byte-order mark is dropped.
 */
export function parseDelimited(text: string, delimiter: ',' | '\t'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    // A blank line is no row (e.g. the newline at the end of the file).
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
    row = [];
  };
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) endField();
    else if (c === '\n') endRow();
    else if (c === '\r') {
      if (text[i + 1] !== '\n') endRow();
    } else field += c;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/** Writes rows as delimited text, quoting fields that hold the delimiter, a quote or a line break. */
export function formatDelimited(rows: readonly (readonly string[])[], delimiter: ',' | '\t'): string {
  const needsQuotes = delimiter === ',' ? /[",\r\n]/ : /["\t\r\n]/;
  const cell = (v: string) => (needsQuotes.test(v) || /^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(cell).join(delimiter)).join('\r\n') + '\r\n';
}
