/* Schema of near-duplicate copies and stories (part of migration 2 -> 3 in
 * store.c). Append only once released: later changes go into a new
 * migration. */
#ifndef DYAD_SCHEMA_DUPS_H
#define DYAD_SCHEMA_DUPS_H

#define DYAD_SCHEMA_DUPS_V3 \
	"CREATE TABLE signatures (\n" \
	"  article INTEGER PRIMARY KEY REFERENCES articles(rowid) ON DELETE CASCADE,\n" \
	"  simhash INTEGER NOT NULL,\n" \
	"  topic INTEGER NOT NULL,\n" \
	"  shingles INTEGER NOT NULL,\n" \
	"  minhash BLOB NOT NULL\n" \
	");\n" \
	"CREATE TABLE copies (\n" \
	"  article INTEGER PRIMARY KEY REFERENCES articles(rowid) ON DELETE CASCADE,\n" \
	"  original INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,\n" \
	"  similarity REAL NOT NULL\n" \
	");\n" \
	"CREATE INDEX copies_original ON copies(original);\n" \
	"CREATE TABLE stories (\n" \
	"  rowid INTEGER PRIMARY KEY,\n" \
	"  first_date TEXT,\n" \
	"  last_date TEXT,\n" \
	"  title TEXT,\n" \
	"  lead INTEGER REFERENCES articles(rowid) ON DELETE SET NULL,\n" \
	"  articles INTEGER NOT NULL,\n" \
	"  outlets INTEGER NOT NULL\n" \
	");\n" \
	"CREATE INDEX stories_first ON stories(first_date);\n" \
	"CREATE TABLE story_articles (\n" \
	"  article INTEGER PRIMARY KEY REFERENCES articles(rowid) ON DELETE CASCADE,\n" \
	"  story INTEGER NOT NULL REFERENCES stories(rowid) ON DELETE CASCADE\n" \
	");\n" \
	"CREATE INDEX story_articles_story ON story_articles(story);\n"

#endif
