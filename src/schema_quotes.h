/* Schema of people and quotations (part of migration 2 -> 3 in store.c).
 * Append only once released: later changes go into a new migration. */
#ifndef DYAD_SCHEMA_QUOTES_H
#define DYAD_SCHEMA_QUOTES_H

#define DYAD_SCHEMA_QUOTES_V3 \
	"CREATE TABLE people (\n" \
	"  rowid INTEGER PRIMARY KEY,\n" \
	"  article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,\n" \
	"  idx INTEGER NOT NULL,\n" \
	"  name TEXT NOT NULL,\n" \
	"  name_key TEXT NOT NULL,\n" \
	"  title TEXT,\n" \
	"  role TEXT,\n" \
	"  nationality TEXT,\n" \
	"  actor TEXT,\n" \
	"  gender TEXT,\n" \
	"  mentions INTEGER NOT NULL,\n" \
	"  first_start INTEGER NOT NULL\n" \
	");\n" \
	"CREATE UNIQUE INDEX people_article ON people(article, idx);\n" \
	"CREATE INDEX people_name ON people(name_key);\n" \
	"CREATE TABLE quotes (\n" \
	"  rowid INTEGER PRIMARY KEY,\n" \
	"  article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,\n" \
	"  sentence_index INTEGER NOT NULL,\n" \
	"  start INTEGER NOT NULL,\n" \
	"  end INTEGER NOT NULL,\n" \
	"  byte_start INTEGER NOT NULL,\n" \
	"  byte_length INTEGER NOT NULL,\n" \
	"  direct INTEGER NOT NULL,\n" \
	"  speaker TEXT,\n" \
	"  speaker_text TEXT,\n" \
	"  speaker_role TEXT,\n" \
	"  speaker_actor TEXT,\n" \
	"  person INTEGER,\n" \
	"  verb TEXT\n" \
	");\n" \
	"CREATE INDEX quotes_article ON quotes(article);\n" \
	"CREATE INDEX quotes_speaker ON quotes(speaker);\n" \
	"CREATE INDEX quotes_actor ON quotes(speaker_actor);\n"

#endif
