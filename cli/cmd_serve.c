/* dyad serve: the web page and JSON API over a database, until SIGINT or
 * SIGTERM. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "serve.h"

static const char *const usage_lines[] = {
	"usage: dyad serve [--db PATH] [--listen ADDR:PORT] [--threads N]",
	"",
	"Serve a web page (search, dyad chart, timeline, articles, speakers) and",
	"its JSON API (docs/api.md) over the database, opened read-only: ingest",
	"may go on writing it. Listens on " DYAD_SERVE_LISTEN " unless told",
	"otherwise (port 0: any free port); --threads 1-8 workers (default 2).",
	"Stops on Ctrl-C (SIGINT) or SIGTERM.",
	NULL,
};

int cmd_serve(int argc, char **argv)
{
	struct dyad_serve_opts o = {.db = "dyad.db"};
	for (int i = 1; i < argc; i++) {
		bool missing = false;
		const char *v;
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help"))
			return cli_usage(usage_lines, true);
		if ((v = cli_opt(argv, argc, &i, "--db", &missing))) {
			o.db = v;
		} else if ((v = cli_opt(argv, argc, &i, "--listen", &missing))) {
			o.listen = v;
		} else if ((v = cli_opt(argv, argc, &i, "--threads", &missing))) {
			char *end;
			long n = strtol(v, &end, 10);
			if (*end || n < 1 || n > DYAD_SERVE_MAX_THREADS) {
				cli_error("serve", "--threads must be 1 to %d", DYAD_SERVE_MAX_THREADS);
				return EXIT_USAGE;
			}
			o.threads = (unsigned)n;
		} else {
			cli_error("serve", missing ? "%s needs a value" : "unexpected argument '%s'", argv[i]);
			return cli_usage(usage_lines, false);
		}
	}
	/* Block the stop signals before the server's threads start (they
	 * inherit the mask), then wait for one here: no handler runs
	 * concurrently with the server. */
	sigset_t stop;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);
	struct dyad_err err = {0};
	struct dyad_server *s;
	int rc = dyad_serve_start(&o, &s, &err);
	if (rc) {
		cli_error("serve", "%s", dyad_errmsg(&err));
		return rc == DYAD_EINVAL ? EXIT_USAGE : EXIT_FAIL;
	}
	const char *host = "127.0.0.1";
	char buf[256];
	if (o.listen) {
		const char *colon = strrchr(o.listen, ':');
		size_t n = (size_t)(colon - o.listen);
		if (n > 0 && n < sizeof buf) {
			memcpy(buf, o.listen, n);
			buf[n] = '\0';
			host = buf;
		}
	}
	fprintf(stderr, "dyad serve: %s on http://%s:%u/ (Ctrl-C stops)\n", o.db, host,
		dyad_serve_port(s));
	int sig = 0;
	sigwait(&stop, &sig);
	fprintf(stderr, "dyad serve: stopping (%s)\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
	dyad_serve_stop(s);
	return EXIT_OK;
}
