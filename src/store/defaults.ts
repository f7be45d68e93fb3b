/** The SQLite file guarantor serve and guarantor runs use when given no --db (kept apart from the store so
 *  that the CLI's help can name it without loading SQLite). */
export const DEFAULT_DB_FILE = "guarantor.db";
