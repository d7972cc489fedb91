/* dyad serve: libmicrohttpd with a pool of worker threads, read-only SQLite
 * handles (one per worker) with a time limit on their queries, the page of
 * web_assets.c, and /api/<kind> mapped onto dyad_query() (src/query.h). */
#include "serve.h"

#include <jansson.h>
#include <microhttpd.h>
#include <netdb.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "buf.h"
#include "dict_builtin.h"
#include "query.h"
#include "store.h"
#include "utf8.h"

/* Every response forbids sniffing and framing; the page may load only its
 * own files and call only this server, so even a slip in the page's
 * escaping could not run a script from an article. */
#define CSP "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " \
	"connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

struct handle {
	struct dyad_db *db;
	struct timespec deadline;  /* of the request using the handle */
	bool timed_out;
	bool busy;
};

/* The name of an actor code, from the built-in dictionaries. */
struct actor_name {
	char code[16];
	const char *name;  /* points into the embedded dictionary text */
	int namelen;
	bool agent;        /* a three-letter agent suffix (GOV, MIL) */
	unsigned seq;      /* order of appearance: the first name wins */
};

struct dyad_server {
	struct MHD_Daemon *d;
	struct actor_name *names;  /* sorted by code */
	size_t nnames;
	pthread_mutex_t mu;
	pthread_cond_t free_cv;
	struct handle *h;
	unsigned nh;
	unsigned query_ms;
	size_t max_result;
	unsigned port;
};


/* Called by SQLite every few hundred virtual machine steps: a non-zero
 * return interrupts the statement (SQLITE_INTERRUPT). */
static int on_progress(void *ud)
{
	struct handle *h = ud;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (now.tv_sec > h->deadline.tv_sec ||
	    (now.tv_sec == h->deadline.tv_sec && now.tv_nsec >= h->deadline.tv_nsec)) {
		h->timed_out = true;
		return 1;
	}
	return 0;
}

/* A free handle, waiting when all are in use (MHD runs at most one request
 * per worker thread and there are as many handles, so this rarely waits). */
static struct handle *acquire(struct dyad_server *s)
{
	pthread_mutex_lock(&s->mu);
	for (;;) {
		for (unsigned i = 0; i < s->nh; i++) {
			if (!s->h[i].busy) {
				s->h[i].busy = true;
				pthread_mutex_unlock(&s->mu);
				return &s->h[i];
			}
		}
		pthread_cond_wait(&s->free_cv, &s->mu);
	}
}

static void release(struct dyad_server *s, struct handle *h)
{
	pthread_mutex_lock(&s->mu);
	h->busy = false;
	pthread_cond_signal(&s->free_cv);
	pthread_mutex_unlock(&s->mu);
}

/* Queue body[0..len) with status; owned bodies are free()d by MHD. */
static enum MHD_Result reply(struct MHD_Connection *c, unsigned status, const char *type,
			     const char *body, size_t len, bool owned)
{
	struct MHD_Response *r;
	if (owned)
		r = MHD_create_response_from_buffer_with_free_callback(len, (void *)body, free);
	else
		r = MHD_create_response_from_buffer(len, (void *)body, MHD_RESPMEM_PERSISTENT);
	if (!r) {
		if (owned)
			free((void *)body);
		return MHD_NO;
	}
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "Content-Security-Policy", CSP);
	MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-cache");
	if (status == MHD_HTTP_METHOD_NOT_ALLOWED)
		MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
	enum MHD_Result rc = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return rc;
}

static enum MHD_Result reply_json(struct MHD_Connection *c, unsigned status, json_t *j)
{
	char *body = j ? json_dumps(j, JSON_COMPACT) : NULL;
	json_decref(j);
	if (!body) {
		static const char oom[] = "{\"error\":\"out of memory\"}";
		return reply(c, MHD_HTTP_INTERNAL_SERVER_ERROR, "application/json", oom,
			     sizeof oom - 1, false);
	}
	return reply(c, status, "application/json; charset=utf-8", body, strlen(body), true);
}

/* {"error": message}; a message that is not UTF-8 (it may quote a bad
 * parameter) gives a fixed one instead. */
static enum MHD_Result reply_error(struct MHD_Connection *c, unsigned status, const char *fmt, ...)
	DYAD_PRINTF(3, 4);
static enum MHD_Result reply_error(struct MHD_Connection *c, unsigned status, const char *fmt, ...)
{
	char msg[1200];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	json_t *j = json_pack("{s:s}", "error", msg);
	if (!j)
		j = json_pack("{s:s}", "error", status == MHD_HTTP_NOT_FOUND ? "not found" : "bad request");
	return reply_json(c, status, j);
}

/* The decoded parameters of a request, checked. */
struct args {
	struct dyad_param p[DYAD_SERVE_MAX_PARAMS];
	size_t n;
	char msg[256];  /* why they were refused, "" when they were not */
};

static bool name_ok(const char *k, size_t n)
{
	if (n == 0 || n > 32)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((k[i] >= 'a' && k[i] <= 'z') || (k[i] >= 'A' && k[i] <= 'Z') ||
		      (k[i] >= '0' && k[i] <= '9') || k[i] == '_' || k[i] == '-'))
			return false;
	return true;
}

static int add_arg(struct args *a, const char *key, size_t klen, const char *value, size_t vlen)
{
	if (!value) {  /* "?flag" without "=" */
		value = "";
		vlen = 0;
	}
	if (!name_ok(key, klen))
		snprintf(a->msg, sizeof a->msg, "bad parameter name (letters, digits, '_' and '-' only)");
	else if (a->n == DYAD_SERVE_MAX_PARAMS)
		snprintf(a->msg, sizeof a->msg, "too many parameters (at most %d)", DYAD_SERVE_MAX_PARAMS);
	else if (vlen > DYAD_SERVE_MAX_VALUE)
		snprintf(a->msg, sizeof a->msg, "parameter '%s' is longer than %d bytes", key,
			 DYAD_SERVE_MAX_VALUE);
	else if (memchr(value, '\0', vlen) || dyad_utf8_check(value, vlen) != vlen)
		snprintf(a->msg, sizeof a->msg, "parameter '%s' is not valid UTF-8 text", key);
	if (a->msg[0])
		return -1;
	for (size_t i = 0; i < a->n; i++) {
		if (strcmp(a->p[i].name, key) == 0) {
			snprintf(a->msg, sizeof a->msg, "parameter '%s' is given twice", key);
			return -1;
		}
	}
	a->p[a->n].name = key;
	a->p[a->n].value = value;
	a->n++;
	return 0;
}

static enum MHD_Result on_arg(void *cls, enum MHD_ValueKind kind, const char *key, size_t klen,
			      const char *value, size_t vlen)
{
	return add_arg(cls, key, klen, value, vlen) == 0 ? MHD_YES : MHD_NO;
}

static int cmp_key(const void *a, const void *b)
{
	const struct actor_name *x = a, *y = b;
	if (x->agent != y->agent)
		return x->agent ? 1 : -1;
	return strcmp(x->code, y->code);
}

static int cmp_name(const void *a, const void *b)
{
	int c = cmp_key(a, b);
	if (c)
		return c;
	unsigned x = ((const struct actor_name *)a)->seq, y = ((const struct actor_name *)b)->seq;
	return x < y ? -1 : x > y;
}

/* Read the headings of the built-in dictionaries ("country PAK  Pakistan",
 * "igo IGOUNO  United Nations", "group AFGINS  Taliban", "agent GOV
 * government"): the first name given to a code is its name. Returns DYAD_OK
 * or DYAD_ENOMEM; a build without the dictionaries has no names. */
static int load_names(struct dyad_server *s)
{
	static const char *const heads[] = {"country ", "igo ", "group ", "agent "};
	size_t nb, cap = 0;
	const struct dyad_dict_blob *b = dyad_dict_builtin_files(&nb);
	for (size_t i = 0; i < nb; i++) {
		const char *p = b[i].data, *end = p + b[i].size;
		while (p < end) {
			const char *eol = memchr(p, '\n', (size_t)(end - p));
			if (!eol)
				eol = end;
			for (size_t h = 0; h < sizeof heads / sizeof heads[0]; h++) {
				size_t hl = strlen(heads[h]);
				if ((size_t)(eol - p) <= hl || strncmp(p, heads[h], hl) != 0)
					continue;
				const char *c = p + hl, *ce = c;
				while (ce < eol && *ce != ' ' && *ce != '\t')
					ce++;
				const char *nm = ce;
				while (nm < eol && (*nm == ' ' || *nm == '\t'))
					nm++;
				const char *ne = eol;
				while (ne > nm && (ne[-1] == ' ' || ne[-1] == '\t' || ne[-1] == '\r'))
					ne--;
				if (ce == c || (size_t)(ce - c) >= sizeof s->names[0].code || ne == nm)
					break;
				if (s->nnames == cap) {
					cap = cap ? cap * 2 : 256;
					void *m = realloc(s->names, cap * sizeof *s->names);
					if (!m)
						return DYAD_ENOMEM;
					s->names = m;
				}
				struct actor_name *a = &s->names[s->nnames++];
				memcpy(a->code, c, (size_t)(ce - c));
				a->code[ce - c] = '\0';
				a->name = nm;
				a->namelen = (int)(ne - nm);
				a->agent = h == 3;
				break;
			}
			p = eol + 1;
		}
	}
	/* Keep the first name of each code. */
	for (size_t i = 0; i < s->nnames; i++)
		s->names[i].seq = (unsigned)i;
	if (s->nnames)
		qsort(s->names, s->nnames, sizeof *s->names, cmp_name);
	size_t k = 0;
	for (size_t i = 0; i < s->nnames; i++)
		if (k == 0 || cmp_key(&s->names[k - 1], &s->names[i]) != 0)
			s->names[k++] = s->names[i];
	s->nnames = k;
	return DYAD_OK;
}

static const struct actor_name *find_name(const struct dyad_server *s, const char *code, size_t n,
					  bool agent)
{
	struct actor_name key = {.agent = agent};
	if (n >= sizeof key.code)
		return NULL;
	memcpy(key.code, code, n);
	key.code[n] = '\0';
	return s->nnames ? bsearch(&key, s->names, s->nnames, sizeof key, cmp_key) : NULL;
}

/* The name of actor code: its own ("IGOUNOSC"), or the longest named
 * prefix followed by named three-letter agents ("PAKGOVMIL": "Pakistan
 * government military"). NULL when some part has no name. */
static json_t *actor_name(const struct dyad_server *s, const char *code)
{
	size_t len = strlen(code);
	for (size_t pre = len; pre >= 3; pre--) {
		const struct actor_name *a = find_name(s, code, pre, false);
		if (!a || (len - pre) % 3 != 0)
			continue;
		struct dyad_buf b = DYAD_BUF_INIT;
		dyad_buf_add(&b, a->name, (size_t)a->namelen);
		size_t i = pre;
		for (; i < len; i += 3) {
			const struct actor_name *g = find_name(s, code + i, 3, true);
			if (!g)
				break;
			dyad_buf_addc(&b, ' ');
			dyad_buf_add(&b, g->name, (size_t)g->namelen);
		}
		json_t *j = i >= len ? json_stringn(b.data, b.len) : NULL;
		dyad_buf_release(&b);
		if (j)
			return j;
	}
	return NULL;
}

/* Add "name" to the rows of an actors result, and to its columns after
 * "actor". */
static void add_names(const struct dyad_server *s, json_t *out)
{
	size_t i;
	json_t *row;
	json_array_foreach(json_object_get(out, "rows"), i, row) {
		const char *code = json_string_value(json_object_get(row, "actor"));
		json_t *nm = code ? actor_name(s, code) : NULL;
		json_object_set_new(row, "name", nm ? nm : json_null());
	}
	json_t *cols = json_object_get(out, "columns");
	json_array_insert_new(cols, json_array_size(cols) ? 1 : 0, json_string("name"));
}

/* Run kind with the request's parameters on a free handle, within the time
 * limit, and reply with its result or a JSON error. */
static enum MHD_Result run_query(struct dyad_server *s, struct MHD_Connection *c, const char *kind,
				 const struct args *a)
{
	struct handle *h = acquire(s);
	clock_gettime(CLOCK_MONOTONIC, &h->deadline);
	h->deadline.tv_sec += s->query_ms / 1000;
	h->deadline.tv_nsec += (long)(s->query_ms % 1000) * 1000000L;
	if (h->deadline.tv_nsec >= 1000000000L) {
		h->deadline.tv_sec++;
		h->deadline.tv_nsec -= 1000000000L;
	}
	h->timed_out = false;
	json_t *out = NULL;
	struct dyad_err err = {0};
	int rc = dyad_query(h->db, kind, a->p, a->n, &out, &err);
	bool timed_out = h->timed_out;
	release(s, h);
	if (rc != DYAD_OK) {
		json_decref(out);
		if (timed_out)
			return reply_error(c, MHD_HTTP_SERVICE_UNAVAILABLE,
					   "the query took longer than %u ms: narrow it (dates, "
					   "actors) or ask for fewer rows", s->query_ms);
		/* the query layer tells a well-formed id of no article by its
		 * message only */
		if (rc == DYAD_EINVAL && strcmp(kind, "article") == 0 &&
		    strstr(dyad_errmsg(&err), "no article"))
			return reply_error(c, MHD_HTTP_NOT_FOUND, "%s", dyad_errmsg(&err));
		if (rc == DYAD_EINVAL)
			return reply_error(c, MHD_HTTP_BAD_REQUEST, "%s", dyad_errmsg(&err));
		return reply_error(c, MHD_HTTP_INTERNAL_SERVER_ERROR, "%s", dyad_errmsg(&err));
	}
	if (strcmp(kind, "actors") == 0)
		add_names(s, out);
	if (strcmp(kind, "article") == 0 && json_array_size(json_object_get(out, "rows")) == 0) {
		json_decref(out);
		return reply_error(c, MHD_HTTP_NOT_FOUND, "no article with this id");
	}
	char *body = json_dumps(out, JSON_COMPACT);
	json_decref(out);
	if (!body)
		return reply_error(c, MHD_HTTP_INTERNAL_SERVER_ERROR, "out of memory");
	size_t len = strlen(body);
	if (len > s->max_result) {
		free(body);
		return reply_error(c, MHD_HTTP_BAD_REQUEST, "the result exceeds %zu bytes: ask "
				   "for fewer rows (limit)", s->max_result);
	}
	return reply(c, MHD_HTTP_OK, "application/json; charset=utf-8", body, len, true);
}

/* /api/<kind>?params, or /api/articles/<id> (kind "article" with id). */
static enum MHD_Result api(struct dyad_server *s, struct MHD_Connection *c, const char *kind,
			   const char *id)
{
	struct args a;
	a.n = 0;
	a.msg[0] = '\0';
	if (id && add_arg(&a, "id", 2, id, strlen(id)) != 0)
		return reply_error(c, MHD_HTTP_BAD_REQUEST, "bad article id");
	MHD_get_connection_values_n(c, MHD_GET_ARGUMENT_KIND, on_arg, &a);
	if (a.msg[0])
		return reply_error(c, MHD_HTTP_BAD_REQUEST, "%s", a.msg);
	return run_query(s, c, kind, &a);
}

static enum MHD_Result api_index(struct MHD_Connection *c)
{
	json_t *eps = json_array();
	for (const char *const *k = dyad_query_kinds(); *k; k++)
		json_array_append_new(eps, json_sprintf("/api/%s", *k));
	json_array_append_new(eps, json_string("/api/articles/{id}"));
	return reply_json(c, MHD_HTTP_OK, json_pack("{s:o}", "endpoints", eps));
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
				  const char *method, const char *version, const char *upload,
				  size_t *upload_size, void **con_cls)
{
	struct dyad_server *s = cls;
	static int seen;
	/* Other methods are refused at the first call, before any body is
	 * read: a request is bounded by its headers
	 * (MHD_OPTION_CONNECTION_MEMORY_LIMIT). */
	if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 && strcmp(method, MHD_HTTP_METHOD_HEAD) != 0)
		return reply_error(c, MHD_HTTP_METHOD_NOT_ALLOWED, "only GET and HEAD are served");
	/* A GET is answered at the second call, once MHD has seen the whole
	 * request: answering the first one makes it close the connection
	 * (no keep-alive). */
	if (!*con_cls) {
		const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
							     MHD_HTTP_HEADER_CONTENT_LENGTH);
		if ((cl && strcmp(cl, "0") != 0) ||
		    MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_TRANSFER_ENCODING))
			return reply_error(c, 413 /* Content Too Large */, "a GET request has no body");
		*con_cls = &seen;
		return MHD_YES;
	}
	if (*upload_size)
		return reply_error(c, 413 /* Content Too Large */, "a GET request has no body");
	if (strncmp(url, "/api", 4) == 0 && (url[4] == '\0' || url[4] == '/')) {
		const char *k = url[4] ? url + 5 : url + 4;
		if (*k == '\0')
			return api_index(c);
		if (strncmp(k, "articles/", 9) == 0 && k[9] && !strchr(k + 9, '/'))
			return api(s, c, "article", k + 9);
		/* /api/<kind> for every kind of the query layer */
		for (const char *const *kind = dyad_query_kinds(); *kind; kind++)
			if (strcmp(k, *kind) == 0)
				return api(s, c, *kind, NULL);
		return reply_error(c, MHD_HTTP_NOT_FOUND, "no such endpoint (see GET /api)");
	}
	size_t size;
	const char *type;
	const char *data = dyad_web_asset(strcmp(url, "/") == 0 ? "index.html" : url + 1, &size,
					  &type);
	if (data)
		return reply(c, MHD_HTTP_OK, type, data, size, false);
	return reply_error(c, MHD_HTTP_NOT_FOUND, "not found");
}

/* libmicrohttpd's diagnostics: the library never prints. */
static void quiet(void *cls, const char *fmt, va_list ap)
{
}

/* Parse "ADDR:PORT", "[V6ADDR]:PORT" or ":PORT" (loopback) into ss. */
static int parse_listen(const char *spec, struct sockaddr_storage *ss, struct dyad_err *err)
{
	char host[256];
	const char *port;
	if (spec[0] == '[') {
		const char *end = strchr(spec, ']');
		if (!end || end[1] != ':' || (size_t)(end - spec - 1) >= sizeof host)
			return dyad_error(err, DYAD_EINVAL, "bad listen address '%s' (expected "
					  "ADDR:PORT or [ADDR]:PORT)", spec);
		memcpy(host, spec + 1, (size_t)(end - spec - 1));
		host[end - spec - 1] = '\0';
		port = end + 2;
	} else {
		const char *colon = strrchr(spec, ':');
		if (!colon || (size_t)(colon - spec) >= sizeof host)
			return dyad_error(err, DYAD_EINVAL, "bad listen address '%s' (expected "
					  "ADDR:PORT)", spec);
		memcpy(host, spec, (size_t)(colon - spec));
		host[colon - spec] = '\0';
		if (!host[0])
			strcpy(host, "127.0.0.1");
		port = colon + 1;
	}
	size_t np = strspn(port, "0123456789");
	if (np == 0 || np > 5 || port[np] || atol(port) > 65535)
		return dyad_error(err, DYAD_EINVAL, "bad port in listen address '%s'", spec);
	struct addrinfo hints = {0}, *res = NULL;
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_NUMERICSERV;
	int rc = getaddrinfo(host, port, &hints, &res);
	if (rc != 0 || !res)
		return dyad_error(err, DYAD_EINVAL, "bad listen address '%s': %s", spec,
				  gai_strerror(rc));
	memset(ss, 0, sizeof *ss);
	memcpy(ss, res->ai_addr, res->ai_addrlen);
	freeaddrinfo(res);
	return DYAD_OK;
}

int dyad_serve_start(const struct dyad_serve_opts *opts, struct dyad_server **out,
		     struct dyad_err *err)
{
	*out = NULL;
	const char *listen = opts->listen ? opts->listen : DYAD_SERVE_LISTEN;
	struct sockaddr_storage ss;
	int rc = parse_listen(listen, &ss, err);
	if (rc)
		return rc;
	struct dyad_server *s = calloc(1, sizeof *s);
	unsigned n = opts->threads ? opts->threads : DYAD_SERVE_THREADS;
	if (n > DYAD_SERVE_MAX_THREADS)
		n = DYAD_SERVE_MAX_THREADS;
	if (!s || !(s->h = calloc(n, sizeof *s->h))) {
		free(s);
		return dyad_error(err, DYAD_ENOMEM, "out of memory");
	}
	pthread_mutex_init(&s->mu, NULL);
	pthread_cond_init(&s->free_cv, NULL);
	s->query_ms = opts->query_ms ? opts->query_ms : DYAD_SERVE_QUERY_MS;
	s->max_result = opts->max_result ? opts->max_result : DYAD_SERVE_MAX_RESULT;
	if (load_names(s) != DYAD_OK) {
		dyad_serve_stop(s);
		return dyad_error(err, DYAD_ENOMEM, "out of memory");
	}
	for (; s->nh < n; s->nh++) {
		struct handle *h = &s->h[s->nh];
		if ((rc = dyad_db_open(opts->db, DYAD_DB_READONLY, &h->db, err))) {
			dyad_serve_stop(s);
			return rc;
		}
		sqlite3_progress_handler(h->db->h, 500, on_progress, h);
	}
	unsigned flags = MHD_USE_AUTO | MHD_USE_INTERNAL_POLLING_THREAD;
	if (ss.ss_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	s->d = MHD_start_daemon(flags, 0, NULL, NULL, on_request, s,
				MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
				MHD_OPTION_THREAD_POOL_SIZE, n,
				MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)DYAD_SERVE_MAX_REQUEST,
				MHD_OPTION_CONNECTION_LIMIT, 256u,
				MHD_OPTION_CONNECTION_TIMEOUT, 30u,
				MHD_OPTION_EXTERNAL_LOGGER, quiet, NULL,
				MHD_OPTION_END);
	if (!s->d) {
		dyad_serve_stop(s);
		return dyad_error(err, DYAD_EIO, "cannot listen on %s (address in use?)", listen);
	}
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(s->d, MHD_DAEMON_INFO_BIND_PORT);
	s->port = info ? info->port : 0;
	*out = s;
	return DYAD_OK;
}

unsigned dyad_serve_port(const struct dyad_server *s)
{
	return s->port;
}

void dyad_serve_stop(struct dyad_server *s)
{
	if (!s)
		return;
	if (s->d)
		MHD_stop_daemon(s->d);
	for (unsigned i = 0; i < s->nh; i++)
		dyad_db_close(s->h[i].db);
	pthread_cond_destroy(&s->free_cv);
	pthread_mutex_destroy(&s->mu);
	free(s->h);
	free(s->names);
	free(s);
}
