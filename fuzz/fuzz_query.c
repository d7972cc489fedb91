/* libFuzzer target for src/query.c: the parameters users give to the query
 * commands and the HTTP API (dates, actor and code lists, search text in
 * FTS5 syntax, limits) must give a result or DYAD_EINVAL, never an SQL
 * error, a crash or a leak. Input: a kind on the first line, then
 * "name=value" lines. The database (in memory, a few rows) is made once. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "query.h"
#include "store.h"

static struct dyad_db *db;

static void make_db(void)
{
	struct dyad_err err = {0};
	if (dyad_db_open(":memory:", 0, &db, &err))
		abort();
	if (dyad_store_exec(db,
			    "INSERT INTO articles(id, path, title, published, outlet, text, paragraphs, "
			    "sentences, ingested_at) VALUES ('00000000000000aa', 'a', 'Safe havens', "
			    "'2015-10-21', 'Capital Courier', 'The United States urged Pakistan to act "
			    "against safe havens.', 1, 1, '2026-01-01T00:00:00Z');"
			    "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');"
			    "INSERT INTO sentences VALUES (1, 0, 0, 0, 56);"
			    "INSERT INTO events(article, sentence_index, date, source, target, code, root, "
			    "quad, goldstein) VALUES (1, 0, '2015-10-21', 'USAGOV', 'PAK', '100', '10', 3, -5);"
			    "INSERT INTO quotes(article, sentence_index, start, end, byte_start, "
			    "byte_length, direct, speaker) VALUES (1, 0, 0, 10, 0, 10, 1, 'Ana Mendez');",
			    &err))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!db)
		make_db();
	char *s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	struct dyad_param p[16];
	size_t n = 0;
	char *kind = s, *line = strchr(s, '\n');
	if (line)
		*line++ = '\0';
	while (line && n < 16) {
		char *next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		char *eq = strchr(line, '=');
		if (eq) {
			*eq = '\0';
			p[n++] = (struct dyad_param){line, eq + 1};
		}
		line = next;
	}
	json_t *out = NULL;
	struct dyad_err err = {0};
	int rc = dyad_query(db, kind, p, n, &out, &err);
	if (rc != DYAD_OK && rc != DYAD_EINVAL)
		abort();  /* an SQL error or worse: user input must never cause one */
	json_decref(out);
	free(s);
	return 0;
}
