// Which errors say "the database is out of reach for now" (the robot's writes wait them out)
// and which say a query is wrong (they must fail at once, whatever the database).
import { describe, expect, it } from 'vitest';
import { isUnreachableError } from '../../src-main/db/unreachable.js';
import { UserError } from '../../src-shared/errors.js';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isUnreachableError', () => {
  it('SQLite: a file moved, gone or locked', () => {
    for (const code of [
      'SQLITE_IOERR_READ',
      'SQLITE_CANTOPEN',
      'SQLITE_READONLY_DBMOVED',
      'SQLITE_BUSY',
    ]) {
      expect(isUnreachableError(withCode(code)), code).toBe(true);
    }
    expect(isUnreachableError(new UserError('error.database.busy', {}))).toBe(true);
  });

  it('PostgreSQL: a connection lost or refused, the database taken away, the network down', () => {
    for (const code of [
      '08006',
      '08001',
      '57P01',
      '57P02',
      '57P03',
      '3D000',
      'ECONNREFUSED',
      'ECONNRESET',
      'ETIMEDOUT',
    ]) {
      expect(isUnreachableError(withCode(code)), code).toBe(true);
    }
    expect(isUnreachableError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(
      isUnreachableError(withCode('55000', 'database "x" is not currently accepting connections')),
    ).toBe(true);
    expect(isUnreachableError(new UserError('error.postgres.unreachable', {}))).toBe(true);
  });

  it('a wrong query, a constraint, a missing file or a refused login are not waited out', () => {
    for (const code of [
      '42601',
      '23505',
      '23503',
      '28P01',
      '57014',
      'SQLITE_CONSTRAINT_UNIQUE',
      'ENOENT',
      'EACCES',
    ]) {
      expect(isUnreachableError(withCode(code)), code).toBe(false);
    }
    expect(isUnreachableError(withCode('55000', 'cannot drop the currently open database'))).toBe(
      false,
    );
    expect(isUnreachableError(new Error('no such table: x'))).toBe(false);
    expect(isUnreachableError(new UserError('error.postgres.refused', {}))).toBe(false);
    expect(isUnreachableError(null)).toBe(false);
  });
});
