// The script splitter keeps quoted text, dollar-quoted bodies and comments whole.
import { describe, expect, it } from 'vitest';
import { splitSqlStatements } from './sql-statements.ts';

describe('splitSqlStatements', () => {
  it('splits at statement-ending semicolons and drops empty statements', () => {
    expect(splitSqlStatements('BEGIN;\n  SELECT 1;\n\n;COMMIT;  ')).toEqual(['BEGIN', 'SELECT 1', 'COMMIT']);
  });

  it('keeps semicolons inside strings, identifiers and comments', () => {
    const sql = `INSERT INTO t VALUES ('a;b', 'it''s; fine', E'x\\';y'); SELECT "odd;name" FROM t -- note; here\n; /* block; /* nested; */ still */ SELECT 2`;
    expect(splitSqlStatements(sql)).toEqual([
      `INSERT INTO t VALUES ('a;b', 'it''s; fine', E'x\\';y')`,
      `SELECT "odd;name" FROM t -- note; here`,
      `/* block; /* nested; */ still */ SELECT 2`,
    ]);
  });

  it('keeps dollar-quoted function bodies whole and leaves positional parameters alone', () => {
    const body = `CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END; $$`;
    const tagged = `DO $body$ BEGIN PERFORM 1; END $body$`;
    expect(splitSqlStatements(`${body};\n${tagged};\nSELECT $1::int; SELECT a$b FROM t`)).toEqual([body, tagged, 'SELECT $1::int', 'SELECT a$b FROM t']);
  });

  it('drops statements made only of comments', () => {
    expect(splitSqlStatements('-- nothing here;\n/* nor here */;SELECT 1')).toEqual(['SELECT 1']);
  });
});
