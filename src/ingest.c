/* Ingest: walk the inputs, cut them into records, extract articles on
 * worker threads, store them from one writer thread.
 *
 *   caller's thread: walk + read  -> jobs queue -> workers: extract, segment
 *   -> docs queue -> writer: batched transactions into SQLite
 *
 * One writer because SQLite has one; batches so that a commit (an fsync in
 * WAL) is paid per few hundred articles, not per article. */
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "article.h"
#include "dups.h"
#include "events.h"
#include "people.h"
#include "queue.h"
#include "quote.h"
#include "store.h"
#include "story.h"

#define BATCH 1024            /* articles per transaction */
#define PROGRESS_NS 250000000 /* between progress reports */

struct ingest {
	struct dyad_db *db;
	const struct dyad_ingest_opts *opts;
	struct dyad_ingest_stats *st;
	struct dyad_queue jobs;   /* struct dyad_record * */
	struct dyad_queue docs;   /* struct job * */
	pthread_mutex_t lock;     /* guards st and the callbacks */
	volatile int failed;      /* the writer hit a fatal error */
	struct dyad_err werr;     /* the writer's fatal error */
	struct timespec last_progress;
	struct dyad_dict dict;    /* the event dictionary, shared read-only by the coders */
};

/* An article on its way from a worker to the writer, with what the later
 * stages found in it. */
struct job {
	struct dyad_doc doc;
	struct dyad_people people;
	struct dyad_quotes quotes;
	struct dyad_sig sig;
};

static void job_free(struct job *j)
{
	dyad_doc_release(&j->doc);
	dyad_people_release(&j->people);
	dyad_quotes_release(&j->quotes);
	free(j);
}

static void skip(struct ingest *in, int rc, const char *msg)
{
	pthread_mutex_lock(&in->lock);
	in->st->skipped++;
	if (rc >= 0 && (size_t)rc < DYAD_ARRAY_LEN(in->st->skipped_by))
		in->st->skipped_by[rc]++;
	if (in->opts->on_diag)
		in->opts->on_diag(in->opts->ud, rc, msg);
	pthread_mutex_unlock(&in->lock);
}

static void progress(struct ingest *in, bool force)
{
	if (!in->opts->on_progress)
		return;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	long long ns = (now.tv_sec - in->last_progress.tv_sec) * 1000000000LL +
		       (now.tv_nsec - in->last_progress.tv_nsec);
	if (!force && ns < PROGRESS_NS)
		return;
	in->last_progress = now;
	pthread_mutex_lock(&in->lock);
	in->opts->on_progress(in->opts->ud, in->st);
	pthread_mutex_unlock(&in->lock);
}

static long long thread_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
	return t.tv_sec * 1000000000LL + t.tv_nsec;
}

/* Everything a worker does to an article after extraction: people, events,
 * quotations, the duplicate signature. */
static int analyse(struct ingest *in, struct dyad_coder *c, struct job *j, long long *coding,
		   long long *quoting, struct dyad_err *err)
{
	struct dyad_doc *doc = &j->doc;
	size_t nsent = (size_t)doc->a.sentences;
	long long t0 = thread_ns();
	int rc = DYAD_OK;
	int32_t ymd = dyad_events_ymd(doc->a.published);
	if (!in->opts->no_quotes)
		rc = dyad_people_find_at(doc->a.text, doc->sent, nsent, &in->dict, ymd, &j->people,
					 err);
	long long t1 = thread_ns();
	if (rc == DYAD_OK && !in->opts->no_events)
		rc = dyad_events_code(c, doc->a.text, doc->sent, nsent, ymd, &j->people,
				      &doc->events, err);
	long long t2 = thread_ns();
	if (rc == DYAD_OK && !in->opts->no_quotes)
		rc = dyad_quotes_find(doc->a.text, doc->sent, nsent, &j->people, &j->quotes, err);
	long long t3 = thread_ns();
	*coding += t2 - t1;
	*quoting += (t1 - t0) + (t3 - t2);
	if (rc)
		return dyad_error(err, rc, "%s: %s", doc->a.path, dyad_rcstr(rc));
	/* without copies now, the signature is made when they are looked for */
	if (!in->opts->no_dups)
		dyad_sig_compute(doc->a.text, strlen(doc->a.text), &j->sig);
	return DYAD_OK;
}

static void *worker(void *arg)
{
	struct ingest *in = arg;
	struct dyad_record *rec;
	struct dyad_coder *coder = NULL;
	struct dyad_err cerr = {0};
	int crc = dyad_coder_new(&in->dict, &coder, &cerr);
	long long coding = 0, quoting = 0;
	while ((rec = dyad_queue_pop(&in->jobs))) {
		struct job *j = calloc(1, sizeof *j);
		struct dyad_err err = {0};
		int rc = j ? dyad_doc_build(rec, &j->doc, &err)
			   : dyad_error(&err, DYAD_ENOMEM, "%s: out of memory", rec->path);
		bool built = rc == DYAD_OK;
		if (rc == DYAD_OK)
			rc = crc ? dyad_error(&err, crc, "%s: %s", rec->path, cerr.msg)
				 : analyse(in, coder, j, &coding, &quoting, &err);
		dyad_record_release(rec);
		free(rec);
		if (rc) {
			if (built)
				job_free(j);
			else
				free(j);
			skip(in, rc, err.msg);
			continue;
		}
		dyad_queue_push(&in->docs, j);
	}
	dyad_coder_free(coder);
	pthread_mutex_lock(&in->lock);
	in->st->coding_ns += (uint64_t)coding;
	in->st->quotes_ns += (uint64_t)quoting;
	pthread_mutex_unlock(&in->lock);
	return NULL;
}

/* Store the article of j with all its rows (its signature when with_sig);
 * *stored tells whether it was new. Inside the writer's transaction. */
static int store_job(struct dyad_db *db, struct job *j, bool with_sig, bool *stored,
		     struct dyad_err *err)
{
	int rc = dyad_store_put(db, &j->doc, stored, err);
	if (rc || !*stored)
		return rc;
	sqlite3_int64 row = db->last_article;
	const char *text = j->doc.a.text;
	if ((rc = dyad_store_people(db, row, text, &j->people, err)) ||
	    (rc = dyad_store_quotes(db, row, text, &j->quotes, err)))
		return rc;
	return with_sig ? dyad_store_signature(db, row, &j->sig, err) : DYAD_OK;
}

static void *writer(void *arg)
{
	struct ingest *in = arg;
	struct job *j;
	int pending = 0;
	while ((j = dyad_queue_pop(&in->docs))) {
		if (!in->failed) {
			bool stored = false;
			int rc = pending ? DYAD_OK : dyad_store_begin(in->db, &in->werr);
			if (rc == DYAD_OK)
				rc = store_job(in->db, j, !in->opts->no_dups, &stored, &in->werr);
			if (rc == DYAD_OK && ++pending >= BATCH) {
				rc = dyad_store_commit(in->db, &in->werr);
				pending = 0;
			}
			if (rc) {
				dyad_store_rollback(in->db);
				in->failed = 1;
				pending = 0;
			} else {
				pthread_mutex_lock(&in->lock);
				if (stored) {
					in->st->stored++;
					in->st->events += j->doc.events.n;
					in->st->quotes += j->quotes.n;
					in->st->people += j->people.n;
				} else
					in->st->duplicates++;
				pthread_mutex_unlock(&in->lock);
			}
			progress(in, false);
		}
		job_free(j);
	}
	if (pending && !in->failed && dyad_store_commit(in->db, &in->werr)) {
		dyad_store_rollback(in->db);
		in->failed = 1;
	}
	return NULL;
}

static bool stopping(const struct ingest *in)
{
	return in->failed || (in->opts->stop && *in->opts->stop);
}

static void read_file(struct ingest *in, const char *path)
{
	struct dyad_reader *r;
	struct dyad_err err = {0};
	int rc = dyad_reader_open(path, &r, &err);
	if (rc) {
		skip(in, rc, err.msg);
		return;
	}
	pthread_mutex_lock(&in->lock);
	in->st->files++;
	pthread_mutex_unlock(&in->lock);
	while (!stopping(in)) {
		struct dyad_record *rec = malloc(sizeof *rec);
		if (!rec) {
			skip(in, DYAD_ENOMEM, "out of memory");
			break;
		}
		rc = dyad_reader_next(r, rec, &err);
		if (rc == DYAD_END) {
			free(rec);
			break;
		}
		if (rc) {
			free(rec);
			skip(in, rc, err.msg);
			continue;
		}
		pthread_mutex_lock(&in->lock);
		in->st->read++;
		in->st->bytes += rec->len;
		pthread_mutex_unlock(&in->lock);
		dyad_queue_push(&in->jobs, rec);
	}
	dyad_reader_free(r);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Read path, a file or a folder walked recursively in name order (hidden
 * entries are left out: .git and editors' files are not news). */
static void walk(struct ingest *in, const char *path, int depth)
{
	struct stat sb;
	if (strcmp(path, "-") == 0) {
		read_file(in, path);
		return;
	}
	if (stat(path, &sb) != 0) {
		char msg[1024];
		snprintf(msg, sizeof msg, "%s: cannot open: %s", path, strerror(errno));
		skip(in, DYAD_EIO, msg);
		return;
	}
	if (!S_ISDIR(sb.st_mode)) {
		if (S_ISREG(sb.st_mode) || S_ISFIFO(sb.st_mode) || S_ISCHR(sb.st_mode)) {
			read_file(in, path);
		} else {
			char msg[1024];
			snprintf(msg, sizeof msg, "%s: not a file or folder", path);
			skip(in, DYAD_EIO, msg);
		}
		return;
	}
	if (depth > 64) {
		char msg[1024];
		snprintf(msg, sizeof msg, "%s: folders nested too deep (a link loop?)", path);
		skip(in, DYAD_EIO, msg);
		return;
	}
	DIR *d = opendir(path);
	if (!d) {
		char msg[1024];
		snprintf(msg, sizeof msg, "%s: cannot open folder: %s", path, strerror(errno));
		skip(in, DYAD_EIO, msg);
		return;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			char **p = realloc(names, cap * sizeof *names);
			if (!p)
				break;
			names = p;
		}
		size_t len = strlen(path) + strlen(e->d_name) + 2;
		char *full = malloc(len);
		if (!full)
			break;
		bool slash = path[0] && path[strlen(path) - 1] == '/';
		snprintf(full, len, "%s%s%s", path, slash ? "" : "/", e->d_name);
		names[n++] = full;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, by_name);
	for (size_t i = 0; i < n; i++) {
		if (!stopping(in))
			walk(in, names[i], depth + 1);
		free(names[i]);
	}
	free(names);
}

/* After the articles are in: mark the new ones that copy others and put
 * them into stories (both incremental). Not stopped by an interrupt: the
 * stored articles would be left without copies and stories until the next
 * run. */
static int find_copies(struct ingest *in, struct dyad_err *err)
{
	struct dyad_dups_stats ds = {0};
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	int rc = dyad_dups_update(in->db, false, &ds, err);
	if (rc == DYAD_OK)
		rc = dyad_stories_update(in->db, false, &ds, err);
	in->st->copies = ds.copies;
	in->st->stories = ds.stories;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	in->st->dups_ns = (uint64_t)((t1.tv_sec - t0.tv_sec) * 1000000000LL + t1.tv_nsec - t0.tv_nsec);
	return rc;
}

int dyad_ingest(struct dyad_db *db, const char *const *paths, size_t npaths,
		const struct dyad_ingest_opts *opts, struct dyad_ingest_stats *st,
		struct dyad_err *err)
{
	static const struct dyad_ingest_opts defaults = {0};
	struct ingest in = {.db = db, .opts = opts ? opts : &defaults, .st = st};
	*st = (struct dyad_ingest_stats){0};
	if (db->readonly)
		return dyad_error(err, DYAD_EINVAL, "%s: opened read-only", db->path);
	long jobs = in.opts->jobs > 0 ? in.opts->jobs : sysconf(_SC_NPROCESSORS_ONLN);
	if (jobs < 1)
		jobs = 1;
	if (jobs > 256)
		jobs = 256;
	/* One dictionary for all the coders, loaded before any thread starts;
	 * its problems are notices, the run goes on. */
	int rc = dyad_events_dict(&in.dict, in.opts->dict, err);
	if (rc)
		return rc;
	dyad_events_diags(&in.dict, in.opts->on_diag, in.opts->ud);
	if ((rc = dyad_store_meta_set(db, DYAD_META_EVENTS_DICT,
				      in.opts->dict ? in.opts->dict : "builtin", err))) {
		dyad_dict_release(&in.dict);
		return rc;
	}
	pthread_t *threads = calloc((size_t)jobs, sizeof *threads);
	if (!threads || dyad_queue_init(&in.jobs, (size_t)jobs * 4) ||
	    dyad_queue_init(&in.docs, (size_t)jobs * 8)) {
		free(threads);
		dyad_queue_release(&in.jobs);
		dyad_dict_release(&in.dict);
		return dyad_error(err, DYAD_ENOMEM, "out of memory");
	}
	pthread_mutex_init(&in.lock, NULL);
	clock_gettime(CLOCK_MONOTONIC, &in.last_progress);
	pthread_t wthread;
	long started = 0;
	if (pthread_create(&wthread, NULL, writer, &in) != 0) {
		rc = dyad_error(err, DYAD_ENOMEM, "cannot start the writer thread");
		goto out;
	}
	for (; started < jobs; started++)
		if (pthread_create(&threads[started], NULL, worker, &in) != 0)
			break;
	if (started == 0) {
		dyad_queue_close(&in.docs);
		pthread_join(wthread, NULL);
		rc = dyad_error(err, DYAD_ENOMEM, "cannot start worker threads");
		goto out;
	}
	for (size_t i = 0; i < npaths && !stopping(&in); i++)
		walk(&in, paths[i], 0);
	dyad_queue_close(&in.jobs);
	for (long i = 0; i < started; i++)
		pthread_join(threads[i], NULL);
	dyad_queue_close(&in.docs);
	pthread_join(wthread, NULL);
	progress(&in, true);
	if (in.failed)
		rc = dyad_error(err, in.werr.rc ? in.werr.rc : DYAD_EDB, "%s", in.werr.msg);
	else if (!in.opts->no_dups && st->stored)
		rc = find_copies(&in, err);
out:
	pthread_mutex_destroy(&in.lock);
	dyad_queue_release(&in.jobs);
	dyad_queue_release(&in.docs);
	dyad_dict_release(&in.dict);
	free(threads);
	return rc;
}
