/* Tests for src/serve.c: the server in-process on a free port, hit by a
 * tiny socket client: the page, API answers, JSON errors with their status
 * codes, limits, and reading while a writer holds a transaction open. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <jansson.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "buf.h"
#include "serve.h"
#include "store.h"
#include "test_helpers.h"

/* Written for these tests. */
static const char article1[] =
	"US urges Pakistan to act on militant havens\n\n"
	"WASHINGTON, March 7, 2016 - The United States urged Pakistan on Monday to act against militant "
	"safe havens along the Afghan border, officials said.\n\n"
	"Pakistan rejected the criticism and said it had acted against all groups.\n";
static const char article2[] =
	"Pakistan and United States hold talks\n\n"
	"ISLAMABAD, May 10, 2016 - Pakistan hosted United States officials for talks on border security "
	"on Tuesday, the foreign ministry said.\n";

struct fixture {
	char *db;
	struct dyad_server *s;
	unsigned port;
};

static void ingest(const char *db, const char *text)
{
	char *f = tmp_file(".txt", text, strlen(text), 0);
	struct dyad_db *h;
	struct dyad_err err = {0};
	assert_int_equal(dyad_db_open(db, 0, &h, &err), DYAD_OK);
	struct dyad_ingest_opts o = {.jobs = 1};
	struct dyad_ingest_stats st = {0};
	const char *paths[] = {f};
	assert_int_equal(dyad_ingest(h, paths, 1, &o, &st, &err), DYAD_OK);
	assert_int_equal((int)st.stored, 1);
	dyad_db_close(h);
	tmp_remove(f);
}

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	fx->db = db_path();
	ingest(fx->db, article1);
	struct dyad_serve_opts o = {.db = fx->db, .listen = "127.0.0.1:0", .threads = 2};
	struct dyad_err err = {0};
	if (dyad_serve_start(&o, &fx->s, &err) != DYAD_OK) {
		fprintf(stderr, "serve: %s\n", dyad_errmsg(&err));
		return -1;
	}
	fx->port = dyad_serve_port(fx->s);
	*state = fx;
	return fx->port ? 0 : -1;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	dyad_serve_stop(fx->s);
	db_remove(fx->db);
	free(fx);
	return 0;
}

/* One HTTP/1.0 exchange: the raw request req; returns the status and the
 * whole response in *resp (headers and body; caller releases). */
static int http(unsigned port, const char *req, struct dyad_buf *resp)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	assert_true(fd >= 0);
	struct sockaddr_in a = {0};
	a.sin_family = AF_INET;
	a.sin_port = htons((uint16_t)port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(connect(fd, (struct sockaddr *)&a, sizeof a), 0);
	size_t len = strlen(req), off = 0;
	while (off < len) {
		ssize_t w = send(fd, req + off, len - off, MSG_NOSIGNAL);
		if (w <= 0)
			break;  /* the server may answer and close before reading all */
		off += (size_t)w;
	}
	char chunk[4096];
	ssize_t r;
	while ((r = recv(fd, chunk, sizeof chunk, 0)) > 0)
		dyad_buf_add(resp, chunk, (size_t)r);
	close(fd);
	int status = 0;
	if (sscanf(resp->data, "HTTP/1.%*d %d", &status) != 1)
		return -1;
	return status;
}

static int get(unsigned port, const char *path, struct dyad_buf *resp)
{
	struct dyad_buf req = DYAD_BUF_INIT;
	dyad_buf_printf(&req, "GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n", path);
	int st = http(port, req.data, resp);
	dyad_buf_release(&req);
	return st;
}

static const char *body(const struct dyad_buf *resp)
{
	const char *b = strstr(resp->data, "\r\n\r\n");
	return b ? b + 4 : "";
}

/* The body parsed as a JSON object (caller decrefs). */
static json_t *json_body(const struct dyad_buf *resp)
{
	json_error_t e;
	json_t *j = json_loads(body(resp), 0, &e);
	assert_non_null(j);
	assert_true(json_is_object(j));
	return j;
}

static void expect_error(unsigned port, const char *path, int status, const char *words)
{
	struct dyad_buf r = DYAD_BUF_INIT;
	assert_int_equal(get(port, path, &r), status);
	assert_non_null(strstr(r.data, "Content-Type: application/json"));
	json_t *j = json_body(&r);
	const char *msg = json_string_value(json_object_get(j, "error"));
	assert_non_null(msg);
	if (words && !strstr(msg, words))
		fail_msg("%s: error '%s' does not say '%s'", path, msg, words);
	json_decref(j);
	dyad_buf_release(&r);
}

static void test_page(void **state)
{
	struct fixture *fx = *state;
	struct dyad_buf r = DYAD_BUF_INIT;
	assert_int_equal(get(fx->port, "/", &r), 200);
	assert_non_null(strstr(r.data, "Content-Type: text/html"));
	assert_non_null(strstr(r.data, "Content-Security-Policy: default-src 'none'"));
	assert_non_null(strstr(body(&r), "<script src=\"/app.js\""));
	dyad_buf_clear(&r);
	assert_int_equal(get(fx->port, "/app.js", &r), 200);
	assert_non_null(strstr(r.data, "Content-Type: text/javascript"));
	dyad_buf_clear(&r);
	assert_int_equal(get(fx->port, "/style.css", &r), 200);
	dyad_buf_release(&r);
	expect_error(fx->port, "/no-such-file.html", 404, NULL);
	expect_error(fx->port, "/../Makefile", 404, NULL);
}

static void test_api_ok(void **state)
{
	struct fixture *fx = *state;
	struct dyad_buf r = DYAD_BUF_INIT;
	assert_int_equal(get(fx->port, "/api/stats?dyad=USA:PAK&by=month", &r), 200);
	json_t *j = json_body(&r);
	assert_string_equal(json_string_value(json_object_get(j, "kind")), "stats");
	assert_true(json_array_size(json_object_get(j, "rows")) >= 1);
	json_decref(j);
	/* URL decoding: %20 and + are spaces */
	dyad_buf_clear(&r);
	assert_int_equal(get(fx->port, "/api/search?q=safe%20havens&limit=5", &r), 200);
	j = json_body(&r);
	assert_int_equal(json_array_size(json_object_get(j, "rows")), 1);
	assert_int_equal(json_integer_value(json_object_get(j, "limit")), 5);
	json_decref(j);
	dyad_buf_clear(&r);
	assert_int_equal(get(fx->port, "/api/search?q=militant+havens", &r), 200);
	j = json_body(&r);
	assert_int_equal(json_array_size(json_object_get(j, "rows")), 1);
	const char *id = json_string_value(json_object_get(json_array_get(json_object_get(j, "rows"), 0), "id"));
	assert_non_null(id);
	char path[128];
	snprintf(path, sizeof path, "/api/articles/%s", id);
	json_decref(j);
	dyad_buf_clear(&r);
	assert_int_equal(get(fx->port, path, &r), 200);
	assert_non_null(strstr(body(&r), "safe havens along the Afghan border"));
	dyad_buf_release(&r);
}

static void test_actor_names(void **state)
{
	struct fixture *fx = *state;
	struct dyad_buf r = DYAD_BUF_INIT;
	assert_int_equal(get(fx->port, "/api/actors?limit=100", &r), 200);
	json_t *j = json_body(&r);
	assert_string_equal(json_string_value(json_array_get(json_object_get(j, "columns"), 1)), "name");
	size_t i;
	json_t *row;
	int seen = 0;
	json_array_foreach(json_object_get(j, "rows"), i, row) {
		const char *code = json_string_value(json_object_get(row, "actor"));
		const char *name = json_string_value(json_object_get(row, "name"));
		if (code && !strcmp(code, "USA")) {
			assert_string_equal(name, "United States");
			seen++;
		}
		if (code && !strcmp(code, "PAK")) {
			assert_string_equal(name, "Pakistan");
			seen++;
		}
	}
	assert_int_equal(seen, 2);
	json_decref(j);
	dyad_buf_release(&r);
}

static void test_errors(void **state)
{
	struct fixture *fx = *state;
	expect_error(fx->port, "/api/stats", 400, "dyad");
	expect_error(fx->port, "/api/events?limit=abc", 400, "limit");
	expect_error(fx->port, "/api/events?source=USA&source=PAK", 400, "twice");
	expect_error(fx->port, "/api/events?colour=red", 400, "colour");
	expect_error(fx->port, "/api/search?q=%FF%FE", 400, "UTF-8");
	expect_error(fx->port, "/api/search?q=a%00b", 400, "UTF-8");
	expect_error(fx->port, "/api/search?q%3C=1", 400, "name");
	expect_error(fx->port, "/api/nothing", 404, NULL);
	expect_error(fx->port, "/api/articles/0000000000000000", 404, NULL);
	struct dyad_buf r = DYAD_BUF_INIT;
	assert_int_equal(get(fx->port, "/api", &r), 200);
	assert_non_null(strstr(body(&r), "/api/articles/{id}"));
	dyad_buf_clear(&r);
	assert_int_equal(http(fx->port, "POST /api/stats HTTP/1.0\r\nContent-Length: 3\r\n\r\nabc", &r), 405);
	assert_non_null(strstr(r.data, "Allow: GET, HEAD"));
	dyad_buf_clear(&r);
	assert_int_equal(http(fx->port, "GET /api/stats HTTP/1.0\r\nContent-Length: 3\r\n\r\nabc", &r), 413);
	dyad_buf_clear(&r);
	assert_int_equal(http(fx->port, "HEAD /api/actors HTTP/1.0\r\n\r\n", &r), 200);
	assert_string_equal(body(&r), "");
	dyad_buf_release(&r);
}

static void test_limits(void **state)
{
	struct fixture *fx = *state;
	/* a request larger than DYAD_SERVE_MAX_REQUEST is refused by MHD */
	struct dyad_buf path = DYAD_BUF_INIT, r = DYAD_BUF_INIT;
	dyad_buf_adds(&path, "/api/search?q=");
	for (int i = 0; i < DYAD_SERVE_MAX_REQUEST; i++)
		dyad_buf_addc(&path, 'a');
	char *req = malloc(path.len + 64);
	sprintf(req, "GET %s HTTP/1.0\r\n\r\n", path.data);
	/* refused with a status, or reset while the rest was still coming */
	int st = http(fx->port, req, &r);
	assert_true(st == 414 || st == 431 || st == 413 || st == -1);
	free(req);
	/* a value longer than DYAD_SERVE_MAX_VALUE */
	dyad_buf_truncate(&path, 14 + DYAD_SERVE_MAX_VALUE + 1);
	expect_error(fx->port, path.data, 400, "longer");
	/* too many parameters */
	dyad_buf_clear(&path);
	dyad_buf_adds(&path, "/api/events?");
	for (int i = 0; i <= DYAD_SERVE_MAX_PARAMS; i++)
		dyad_buf_printf(&path, "p%d=1&", i);
	expect_error(fx->port, path.data, 400, "too many");
	dyad_buf_release(&path);
	dyad_buf_release(&r);
}

/* Readers go on while a writer holds a write transaction open (WAL), and
 * see what it committed afterwards. */
static void test_reads_during_write(void **state)
{
	struct fixture *fx = *state;
	struct dyad_db *w;
	struct dyad_err err = {0};
	assert_int_equal(dyad_db_open(fx->db, 0, &w, &err), DYAD_OK);
	assert_int_equal(dyad_store_exec(w, "BEGIN IMMEDIATE; DELETE FROM events;", &err), DYAD_OK);
	struct dyad_buf r = DYAD_BUF_INIT;
	assert_int_equal(get(fx->port, "/api/stats?dyad=USA:PAK", &r), 200);
	json_t *j = json_body(&r);
	assert_true(json_array_size(json_object_get(j, "rows")) >= 1);
	json_decref(j);
	dyad_store_rollback(w);
	dyad_db_close(w);
	ingest(fx->db, article2);
	dyad_buf_clear(&r);
	assert_int_equal(get(fx->port, "/api/search?q=border", &r), 200);
	j = json_body(&r);
	assert_int_equal(json_array_size(json_object_get(j, "rows")), 2);
	json_decref(j);
	dyad_buf_release(&r);
}

static void test_result_limit(void **state)
{
	struct fixture *fx = *state;
	struct dyad_server *s;
	struct dyad_err err = {0};
	struct dyad_serve_opts o = {.db = fx->db, .listen = "127.0.0.1:0", .threads = 1,
				    .max_result = 64};
	assert_int_equal(dyad_serve_start(&o, &s, &err), DYAD_OK);
	expect_error(dyad_serve_port(s), "/api/actors", 400, "fewer rows");
	dyad_serve_stop(s);
}

static void test_start_errors(void **state)
{
	struct fixture *fx = *state;
	struct dyad_server *s = NULL;
	struct dyad_err err = {0};
	struct dyad_serve_opts o = {.db = fx->db, .listen = "localhost"};
	assert_int_equal(dyad_serve_start(&o, &s, &err), DYAD_EINVAL);
	o.listen = "127.0.0.1:99999";
	assert_int_equal(dyad_serve_start(&o, &s, &err), DYAD_EINVAL);
	char taken[64];
	snprintf(taken, sizeof taken, "127.0.0.1:%u", fx->port);
	o.listen = taken;
	assert_int_equal(dyad_serve_start(&o, &s, &err), DYAD_EIO);
	o.listen = "127.0.0.1:0";
	o.db = "/nonexistent/dir/x.db";
	assert_int_equal(dyad_serve_start(&o, &s, &err), DYAD_EDB);
	assert_null(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_page, setup, teardown),
		cmocka_unit_test_setup_teardown(test_api_ok, setup, teardown),
		cmocka_unit_test_setup_teardown(test_actor_names, setup, teardown),
		cmocka_unit_test_setup_teardown(test_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_limits, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reads_during_write, setup, teardown),
		cmocka_unit_test_setup_teardown(test_result_limit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_start_errors, setup, teardown),
	};
	return cmocka_run_group_tests_name("serve", tests, NULL, NULL);
}
