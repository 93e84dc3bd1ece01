/*
 * The fingerprint that tells an idempotent resend from a conflicting statement (409): sha256 of
 * the statement's comparable form (shared/xapi/canonical.ts, the rules of Data 2.3.1), kept in
 * `statements.fingerprint`. When those rules change, a migration recomputes the column from the
 * stored statements with `storedFingerprint` (migrations.ts, 0008_statement_fingerprints).
 */
import { createHash } from 'node:crypto';
import type { JsonObject } from '../../shared/xapi/validate';
import { canonicalJson, comparableStatement } from '../../shared/xapi/canonical';

/** The fingerprint of a statement as the client sent it. */
export function fingerprint(statement: JsonObject): string {
  return createHash('sha256')
    .update(canonicalJson(comparableStatement(statement)))
    .digest('base64url');
}

/**
 * The fingerprint of a statement as the store keeps it: the server filled in `timestamp` with
 * `stored` when the client sent none, so that timestamp is left out again (the other fields the
 * server sets are not compared anyway).
 */
export function storedFingerprint(statement: JsonObject): string {
  if (statement.timestamp === undefined || statement.timestamp !== statement.stored) return fingerprint(statement);
  const { timestamp: _timestamp, ...sent } = statement;
  return fingerprint(sent);
}
