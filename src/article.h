/* From an input record to a cleaned, segmented article. */
#ifndef DYAD_ARTICLE_H
#define DYAD_ARTICLE_H

#include "coder.h"
#include "record.h"
#include "segment.h"

/* An article with its sentences, as the writer stores it. */
struct dyad_doc {
	struct dyad_article a;
	struct dyad_sentence *sent;  /* from malloc(); a.sentences entries */
	struct dyad_events events;   /* coded by ingest; empty until then */
};

/* Extract, normalise and segment rec into doc (which takes nothing from
 * rec: rec is released by the caller). Returns DYAD_OK, or DYAD_EEMPTY /
 * DYAD_EPARSE / DYAD_ENOMEM with err naming rec's path and the reason. */
int dyad_doc_build(const struct dyad_record *rec, struct dyad_doc *doc, struct dyad_err *err);
void dyad_doc_release(struct dyad_doc *doc);

/* The id of an article with body text[0..n): 16 hex digits of a hash of its
 * words, so that white space and line-break differences do not matter. */
void dyad_article_id(const char *text, size_t n, char out[17]);

/* Current time as "YYYY-MM-DDTHH:MM:SSZ" into out. */
void dyad_now_iso(char out[21]);

#endif
