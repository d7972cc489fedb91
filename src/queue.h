/* A bounded queue of pointers between threads (many producers, many
 * consumers), closed by the producers' side when no more will come. */
#ifndef DYAD_QUEUE_H
#define DYAD_QUEUE_H

#include <pthread.h>

#include "dyad_int.h"

struct dyad_queue {
	void **items;          /* ring of cap slots, from malloc() */
	size_t cap, head, count;
	bool closed;
	pthread_mutex_t lock;
	pthread_cond_t not_empty, not_full;
};

int dyad_queue_init(struct dyad_queue *q, size_t cap);
void dyad_queue_release(struct dyad_queue *q);
/* Add p, waiting while the queue is full. */
void dyad_queue_push(struct dyad_queue *q, void *p);
/* Take the oldest item, waiting while the queue is empty and open; NULL
 * once it is closed and drained. */
void *dyad_queue_pop(struct dyad_queue *q);
/* No more pushes: wake every waiting consumer. */
void dyad_queue_close(struct dyad_queue *q);

#endif
