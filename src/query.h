/* The query layer: one entry point that runs a read-only query (search,
 * events, stats, timeline, ...) over a dyad database and returns a JSON
 * result, shared by the CLI commands and the HTTP API. */
#ifndef DYAD_QUERY_H
#define DYAD_QUERY_H

#include <stddef.h>

#include <jansson.h>

#include "dyad.h"

/* One named parameter: name as the CLI option without "--" (and as the HTTP
 * query parameter), value as given (NUL-terminated UTF-8). */
struct dyad_param {
	const char *name;
	const char *value;
};

/* Default and maximum of "limit". */
#define DYAD_QUERY_LIMIT_DEFAULT 50
#define DYAD_QUERY_LIMIT_MAX 1000

/* Run query kind on db with parameters p[0..n).
 *
 * Kinds and their parameters (all optional unless said; a parameter given
 * twice is DYAD_EINVAL):
 *   search    q (required; words and "phrases", FTS5 operators are taken as
 *             words), from, to, outlet, all (1: list copies too), limit,
 *             offset
 *   events    source, target, actor (either side), dyad (SRC:TGT), root,
 *             code, quad, from, to, outlet, q, negated (0 default, 1 only,
 *             all), limit, offset, sort (date | -date)
 *   stats     dyad (SRC:TGT, required), by (day|week|month|year, default
 *             month), from, to, root, code, quad, outlet
 *   timeline  dyad, actor, about (text), q (text), from, to, limit, offset
 *             (at least one of dyad/actor/about/q)
 *   quotes    speaker (name substring, case-insensitive), actor, q, from,
 *             to, outlet, all (1: copies' quotations too), limit, offset
 *   people    q (name substring), actor, limit, offset
 *   dups      id (article id or rowid: its copies), outlet, limit, offset
 *   actors    q (code prefix), limit, offset: actor codes with counts
 *   article   id (required: 16-hex id or rowid): the article, its sentences'
 *             events and quotes
 *   stories   from, to, q, limit, offset
 * Values: dates YYYY, YYYY-MM or YYYY-MM-DD ("to" includes the whole period
 * given); actor codes are comma lists of prefixes of [A-Z0-9] (USA matches
 * USAGOV); root a comma list of 01-20 (or 1-20); code a comma list of CAMEO
 * codes (prefix match: 043 matches 0431); quad a comma list of 1-4; limit
 * 1..1000 (default 50), offset >= 0.
 *
 * Returns DYAD_OK and *out, a new object the caller json_decref()s:
 *   {"kind": kind, "columns": [names in display order], "rows": [objects
 *    with those keys, in order], "limit": n, "offset": n, "more": bool}
 * plus kind-specific keys (stats: "by", "dyad"; search: "query" as sent to
 * FTS5). Or DYAD_EINVAL (unknown kind or parameter, bad value: the message
 * names the parameter and the value), DYAD_EDB, DYAD_ENOMEM with detail on
 * err and *out NULL. Never writes to db. */
int dyad_query(struct dyad_db *db, const char *kind, const struct dyad_param *p, size_t n,
	       json_t **out, struct dyad_err *err);

/* The names of the kinds dyad_query knows, NULL-terminated. Static. */
const char *const *dyad_query_kinds(void);

/* The parameter names kind accepts, NULL-terminated (static), or NULL when
 * kind is unknown. */
const char *const *dyad_query_params(const char *kind);

#endif
