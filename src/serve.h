/* dyad serve: an HTTP server (libmicrohttpd) giving the web page built into
 * the binary and a JSON API over a database opened read-only. */
#ifndef DYAD_SERVE_H
#define DYAD_SERVE_H

#include <stddef.h>

#include "dyad_int.h"

/* Defaults and hard limits of the server (docs/api.md lists them). */
#define DYAD_SERVE_LISTEN "127.0.0.1:8080"
#define DYAD_SERVE_THREADS 2          /* worker threads, each with its own handle */
#define DYAD_SERVE_MAX_THREADS 8
#define DYAD_SERVE_QUERY_MS 5000      /* time limit of one request's queries */
#define DYAD_SERVE_MAX_RESULT (16u << 20) /* bytes of one JSON response */
#define DYAD_SERVE_MAX_REQUEST 32768  /* bytes of a request line and headers */
#define DYAD_SERVE_MAX_PARAMS 32
#define DYAD_SERVE_MAX_VALUE 2048     /* bytes of one decoded parameter value */

struct dyad_serve_opts {
	const char *db;         /* database path, opened read-only */
	const char *listen;     /* "ADDR:PORT" ("[::1]:8080" for IPv6); NULL: the
				 * default; port 0 picks a free port */
	unsigned threads;       /* 0: DYAD_SERVE_THREADS; at most DYAD_SERVE_MAX_THREADS */
	unsigned query_ms;      /* 0: DYAD_SERVE_QUERY_MS */
	size_t max_result;      /* 0: DYAD_SERVE_MAX_RESULT */
};

struct dyad_server;

/* Open opts->threads read-only handles on the database and start serving in
 * background threads. Returns DYAD_OK and *out (stop with dyad_serve_stop),
 * DYAD_EINVAL for a bad listen address, DYAD_EDB when the database cannot be
 * opened, DYAD_EIO when the address cannot be bound, with detail on err. */
int dyad_serve_start(const struct dyad_serve_opts *opts, struct dyad_server **out,
		     struct dyad_err *err);

/* The port the server listens on (the one picked when 0 was asked for). */
unsigned dyad_serve_port(const struct dyad_server *s);

/* Stop serving (requests in progress finish), close the handles, free s.
 * s may be NULL. */
void dyad_serve_stop(struct dyad_server *s);

/* One file of the web page (src/web_assets.c): name is its path under web/
 * ("index.html"). Returns its bytes (static, not NUL-terminated), *size and
 * its Content-Type in *type, or NULL when there is no such file. */
const char *dyad_web_asset(const char *name, size_t *size, const char **type);

#endif
