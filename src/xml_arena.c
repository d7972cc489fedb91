/* libxml2's allocator during dyad's HTML parsing: a page's tree is
 * thousands of small nodes and strings, malloc()ed one by one and freed one
 * by one; their malloc and free (with glibc's consolidation of the freed
 * chunks) were 16% of the ingest's instructions. Between begin and end a
 * thread takes them from its arena, by bumping a pointer, frees nothing,
 * and end resets the arena. Everywhere else the wrappers are malloc, free
 * and realloc. No library offers this for libxml2 (its xmlMemSetup only
 * takes the functions), hence this file. A pointer is the arena's when it
 * falls in one of the thread's chunks, so a pointer from malloc is freed by
 * free even inside the arena's scope, and one from the arena is never
 * handed to free. */
#include "xml_arena.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "dyad.h"

/* Each block is preceded by its size, for realloc. */
#define HEADER 16
#define CHUNK_MIN ((size_t)1 << 20)
/* Kept between pages; beyond it (a huge page), the later chunks go. */
#define KEEP_MAX ((size_t)16 << 20)

struct chunk {
	struct chunk *next;
	char *end;
	_Alignas(16) char data[];
};

struct arena {
	struct chunk *head, *cur; /* chunks in order of size; cur is being filled */
	char *p;                  /* free space of cur starts here */
	bool on;                  /* between begin and end */
	bool registered;          /* its chunks are freed at the thread's exit */
};

static _Thread_local struct arena arena;
static bool installed;
static pthread_key_t exit_key;

static void free_chunks(struct chunk *c)
{
	while (c) {
		struct chunk *next = c->next;
		free(c);
		c = next;
	}
}

static void at_thread_exit(void *unused)
{
	(void)unused;
	free_chunks(arena.head);
	arena = (struct arena){0};
}

static bool owns(const void *ptr)
{
	for (const struct chunk *c = arena.head; c; c = c->next)
		if ((const char *)ptr >= c->data && (const char *)ptr < c->end)
			return true;
	return false;
}

/* A block of n bytes from the arena, or NULL when out of memory. */
static void *arena_block(size_t n)
{
	if (n > SIZE_MAX / 2)
		return NULL;
	n = (n + 15) & ~(size_t)15;
	for (;;) {
		if (arena.cur && (size_t)(arena.cur->end - arena.p) >= n + HEADER) {
			char *r = arena.p + HEADER;
			memcpy(arena.p, &n, sizeof n);
			arena.p += n + HEADER;
			return r;
		}
		struct chunk *next = arena.cur ? arena.cur->next : arena.head;
		if (next && (size_t)(next->end - next->data) >= n + HEADER) {
			arena.cur = next;
			arena.p = next->data;
			continue;
		}
		/* chunks double, so that there are few to search in owns() */
		size_t size = arena.cur ? (size_t)(arena.cur->end - arena.cur->data) * 2 : CHUNK_MIN;
		if (size < n + HEADER)
			size = n + HEADER;
		struct chunk *c = malloc(sizeof *c + size);
		if (!c)
			return NULL;
		c->end = c->data + size;
		if (!arena.registered) {
			arena.registered = true;
			pthread_setspecific(exit_key, &arena);
		}
		if (arena.cur) {
			c->next = arena.cur->next;
			arena.cur->next = c;
		} else {
			c->next = arena.head;
			arena.head = c;
		}
		arena.cur = c;
		arena.p = c->data;
	}
}

static void *wrap_malloc(size_t n)
{
	return arena.on ? arena_block(n) : malloc(n);
}

static void wrap_free(void *p)
{
	if (p && !owns(p))
		free(p);
}

static void *wrap_realloc(void *p, size_t n)
{
	if (!p)
		return wrap_malloc(n);
	if (!owns(p))
		return realloc(p, n);
	size_t old;
	memcpy(&old, (char *)p - HEADER, sizeof old);
	if (n <= old)
		return p;
	void *q = wrap_malloc(n);
	if (q)
		memcpy(q, p, old);
	return q;
}

static char *wrap_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = wrap_malloc(n);
	if (d)
		memcpy(d, s, n);
	return d;
}

int dyad_use_html_arena(void)
{
	if (installed)
		return DYAD_OK;
	if (pthread_key_create(&exit_key, at_thread_exit) != 0)
		return DYAD_ENOMEM;
	if (xmlMemSetup(wrap_free, wrap_malloc, wrap_realloc, wrap_strdup) != 0) {
		pthread_key_delete(exit_key);
		return DYAD_ENOMEM;
	}
	installed = true;
	return DYAD_OK;
}

void dyad_xml_arena_begin(void)
{
	if (!installed)
		return;
	arena.on = true;
	arena.cur = arena.head;
	arena.p = arena.head ? arena.head->data : NULL;
}

void dyad_xml_arena_end(void)
{
	if (!arena.on)
		return;
	/* libxml2 keeps a copy of the last error per thread: it must not point
	 * into the arena once the arena is reused */
	xmlResetLastError();
	arena.on = false;
	size_t kept = 0;
	for (struct chunk *c = arena.head; c; c = c->next) {
		kept += (size_t)(c->end - c->data);
		if (kept >= KEEP_MAX && c->next) {
			free_chunks(c->next);
			c->next = NULL;
			break;
		}
	}
	arena.cur = arena.head;
	arena.p = arena.head ? arena.head->data : NULL;
}
