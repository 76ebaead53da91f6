/// <reference types="node" />
// better-sqlite3 12 with just the typings the reference backend uses.
// Why a wrapper: @types/better-sqlite3 is not installed and the brief forbids `npm install`; an
// ambient `declare module` would need a triple-slash reference, which the lint config forbids.
// Once `@types/better-sqlite3` is a devDependency, this file can become `export { default } from 'better-sqlite3'`.
import { createRequire } from 'node:module';

export interface RunResult {
  changes: number;
  lastInsertRowid: number | bigint;
}

export interface Statement<Row = unknown> {
  run(...params: unknown[]): RunResult;
  get(...params: unknown[]): Row | undefined;
  all(...params: unknown[]): Row[];
}

export interface Transaction<F extends (...args: never[]) => unknown> {
  (...args: Parameters<F>): ReturnType<F>;
  /** BEGIN IMMEDIATE: takes the write lock at the start. */
  immediate(...args: Parameters<F>): ReturnType<F>;
}

export interface SqliteDatabase {
  readonly open: boolean;
  readonly name: string;
  prepare<Row = unknown>(sql: string): Statement<Row>;
  exec(sql: string): this;
  pragma(source: string, options?: { simple?: boolean }): unknown;
  transaction<F extends (...args: never[]) => unknown>(fn: F): Transaction<F>;
  close(): this;
}

export interface SqliteOptions {
  readonly?: boolean;
  fileMustExist?: boolean;
  /** Milliseconds to wait for a lock held by another connection. */
  timeout?: number;
}

type DatabaseConstructor = new (filename: string, options?: SqliteOptions) => SqliteDatabase;

// better-sqlite3 is CommonJS with a native addon: load it through require.
const require = createRequire(import.meta.url);

/** The better-sqlite3 Database class. */
export const Database = require('better-sqlite3') as DatabaseConstructor;
