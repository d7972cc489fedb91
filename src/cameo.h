/* The CAMEO event code table: every event code with its name, root, quad
 * class and Goldstein value (GDELT's), for storing and exporting events. */
#ifndef DYAD_CAMEO_H
#define DYAD_CAMEO_H

#include <stddef.h>

/* One CAMEO event code. */
struct dyad_cameo {
	const char *code;   /* "0231": 2 digits (root), 3 (base) or 4 */
	const char *name;   /* short name, as in the CAMEO codebook */
	double goldstein;   /* GDELT's Goldstein scale value, -10 to 10 */
};

/* The whole table, sorted by code; *n gets its length. Static storage. */
const struct dyad_cameo *dyad_cameo_table(size_t *n);

/* The entry of code (exact match), or NULL when code is not a CAMEO code. */
const struct dyad_cameo *dyad_cameo_find(const char *code);

/* The entry of code, else of its base (3-digit) code, else of its root:
 * so a dictionary's non-standard "0874x" still gets a Goldstein value.
 * NULL when even the root is unknown. */
const struct dyad_cameo *dyad_cameo_lookup(const char *code);

/* Root of code: 1 to 20 from its first two digits, 0 when they are not a
 * CAMEO root. */
int dyad_cameo_root(const char *code);

/* Quad class of code by its root: 1 verbal cooperation (01-05), 2 material
 * cooperation (06-09), 3 verbal conflict (10-14), 4 material conflict
 * (15-20); 0 when the root is unknown. */
int dyad_cameo_quad(const char *code);

#endif
