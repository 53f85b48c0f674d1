// Splits a PostgreSQL script into its statements at the semicolons that end them, leaving alone
// semicolons inside quoted strings, quoted identifiers, dollar-quoted bodies and comments. The job
// queue sends whole scripts (BEGIN; ...; COMMIT;) and needs the rows of every statement back.

const IDENTIFIER_CHAR = /[A-Za-z0-9_]/;
const DOLLAR_TAG = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/;

/** Index just past a quoted run that starts at `start` (the opening quote), doubling `quote` to escape it. */
function skipQuoted(sql: string, start: number, quote: string, backslashEscapes: boolean): number {
  let index = start + 1;
  while (index < sql.length) {
    const char = sql[index]!;
    if (backslashEscapes && char === '\\') {
      index += 2;
      continue;
    }
    if (char === quote) {
      if (sql[index + 1] === quote) {
        index += 2;
        continue;
      }
      return index + 1;
    }
    index += 1;
  }
  return sql.length;
}

function skipBlockComment(sql: string, start: number): number {
  let depth = 0;
  let index = start;
  while (index < sql.length) {
    if (sql.startsWith('/*', index)) {
      depth += 1;
      index += 2;
    } else if (sql.startsWith('*/', index)) {
      depth -= 1;
      index += 2;
      if (depth === 0) return index;
    } else {
      index += 1;
    }
  }
  return sql.length;
}

/** The statements of `sql`, trimmed, without empty ones (a trailing semicolon, blank lines, comments only). */
export function splitSqlStatements(sql: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let hasCode = false;
  let index = 0;
  const finish = (end: number) => {
    const statement = sql.slice(start, end).trim();
    if (hasCode && statement) statements.push(statement);
    hasCode = false;
  };
  while (index < sql.length) {
    const char = sql[index]!;
    const previous = index > 0 ? sql[index - 1]! : '';
    if (char === '-' && sql[index + 1] === '-') {
      const newline = sql.indexOf('\n', index);
      index = newline === -1 ? sql.length : newline + 1;
    } else if (char === '/' && sql[index + 1] === '*') {
      index = skipBlockComment(sql, index);
    } else if (char === "'") {
      const escaped = (previous === 'E' || previous === 'e') && !IDENTIFIER_CHAR.test(index > 1 ? sql[index - 2]! : '');
      index = skipQuoted(sql, index, "'", escaped);
      hasCode = true;
    } else if (char === '"') {
      index = skipQuoted(sql, index, '"', false);
      hasCode = true;
    } else if (char === '$' && !IDENTIFIER_CHAR.test(previous)) {
      const tag = DOLLAR_TAG.exec(sql.slice(index, index + 64))?.[0];
      if (tag) {
        const close = sql.indexOf(tag, index + tag.length);
        index = close === -1 ? sql.length : close + tag.length;
      } else {
        index += 1;
      }
      hasCode = true;
    } else if (char === ';') {
      finish(index);
      index += 1;
      start = index;
    } else {
      if (!/\s/.test(char)) hasCode = true;
      index += 1;
    }
  }
  finish(sql.length);
  return statements;
}
